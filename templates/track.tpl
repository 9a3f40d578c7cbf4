{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <h1>进度查询</h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
  <form method="get" action="/track" class="form">
    <label for="no">报修 / 退换货单号</label>
    <input id="no" name="no" value="{{no}}" maxlength="22" autocapitalize="characters" placeholder="如 R20261126-0007 或 T20261126-0007" required>
    <label for="phone">提交时填写的手机号</label>
    <input id="phone" name="phone" value="{{phone}}" maxlength="24" inputmode="tel" required>
    <button type="submit" class="primary">查询</button>
  </form>
</section>
{{#FOUND}}
<section class="panel narrow" id="track-result">
  <h2>单号 {{NO}}</h2>
  <p>当前状态：<strong class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</strong></p>
{{#REJECTED}}  <p class="reason">未通过原因：{{REASON}}</p>
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
{{/FOUND}}
