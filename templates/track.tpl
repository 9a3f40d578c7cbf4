{{%AUTOESCAPE context="HTML"}}
{{#FOUND}}
<section class="panel narrow" id="track-result">
  <h1>进度查询 · 单号 {{NO}}</h1>
  <p>当前状态：<strong class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</strong></p>
{{#ANSWER_DUE}}  <p class="notice" id="answer-due">预计受理时间：<strong>{{AT}}</strong> 前（按工作时间计算），届时会与您联系。</p>
{{/ANSWER_DUE}}{{#REJECTED}}  <p class="reason">未通过原因：{{REASON}}</p>
{{/REJECTED}}
  <p>{{#KIND}}类型：{{LABEL}} · {{/KIND}}产品：{{PRODUCT}} · 提交时间：{{CREATED}}</p>
{{#TECHNICIAN}}  <p>维修人员：{{NAME}} · 预约上门时间：{{VISIT}}</p>
{{/TECHNICIAN}}
  <h2>处理进度</h2>
  <ol class="timeline">
{{#EVENT}}    <li><span class="at">{{AT}}</span> {{PUBLIC_NOTE}}</li>
{{/EVENT}}
  </ol>
</section>
{{#RATING}}
<section class="panel narrow" id="rating">
  <h2>服务评价</h2>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{#RATED}}  <p class="notice">已评价，感谢您的反馈！</p>
  <dl class="fields">
{{#SCORE}}    <dt>{{LABEL}}</dt><dd data-score="{{CODE}}">{{VALUE}} 分</dd>
{{/SCORE}}    <dt>是否解决</dt><dd data-score="solved">{{SOLVED}}</dd>
  </dl>
{{/RATED}}
{{#RATE_FORM}}  <p class="hint">请为本次服务打分：1 分为很不满意，5 分为非常满意。每单只能评价一次。</p>
  <form method="post" action="/track/rate" class="form" novalidate>
    <input type="hidden" name="no" value="{{NO}}">
    <input type="hidden" name="phone" value="{{PHONE}}">
    <input type="hidden" name="token" value="{{TOKEN}}">
    <div class="hp" aria-hidden="true"><label for="website">网址（请勿填写）</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
{{>RATING_FIELDS}}
    <button type="submit" class="primary">提交评价</button>
  </form>
{{/RATE_FORM}}
</section>
{{/RATING}}
{{#COMPLAINTS}}
<section class="panel narrow" id="complaints">
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{#COMPLAINT}}  <p class="complaint">投诉 {{NO}}：<strong class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</strong> · 登记于 {{CREATED}}</p>
{{/COMPLAINT}}
{{#COMPLAINT_PENDING}}  <p class="hint">您的投诉已登记，主管会尽快与您联系。</p>
{{/COMPLAINT_PENDING}}
{{#COMPLAIN_FORM}}  <details{{#OPEN}} open{{/OPEN}}>
    <summary>对处理结果不满意？</summary>
    <form method="post" action="/track/complain" class="form" novalidate>
      <input type="hidden" name="no" value="{{NO}}">
      <input type="hidden" name="phone" value="{{PHONE}}">
      <input type="hidden" name="token" value="{{TOKEN}}">
      <div class="hp" aria-hidden="true"><label for="complain-website">网址（请勿填写）</label><input id="complain-website" name="website" tabindex="-1" autocomplete="off"></div>
      <label for="description">请告诉我们哪里不满意 *</label>
      <textarea id="description" name="description" maxlength="1000" required>{{description}}</textarea>
      <button type="submit">提交投诉</button>
    </form>
  </details>
{{/COMPLAIN_FORM}}
</section>
{{/COMPLAINTS}}
{{/FOUND}}
<section class="panel narrow" id="track-form">
  {{#OTHER_NUMBER}}<h2>查询其他单号</h2>{{/OTHER_NUMBER}}{{#FIRST_SEARCH}}<h1>进度查询</h1>{{/FIRST_SEARCH}}
  <p class="alert" role="alert">{{MESSAGE}}</p>
  <form method="get" action="/track" class="form">
    <label for="no">报修 / 退换货单号</label>
    <input id="no" name="no" value="{{no}}" maxlength="22" autocapitalize="characters" placeholder="如 R20261126-0007 或 T20261126-0007" required>
    <label for="phone">提交时填写的手机号</label>
    <input id="phone" name="phone" value="{{phone}}" maxlength="24" inputmode="tel" required>
    <button type="submit" class="primary">查询</button>
  </form>
</section>
