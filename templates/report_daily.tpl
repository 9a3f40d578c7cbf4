{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="report-daily" data-day="{{DAY}}">
  <p><a href="/staff/reports">← 报表</a></p>
  <h1>每日核对 {{DAY}}</h1>
  <form method="get" action="/staff/reports/daily" class="filters">
    <a href="/staff/reports/daily?date={{PREV:u}}" id="prev-day">← 前一天</a>
    <input type="date" name="date" value="{{DAY}}" aria-label="日期">
    <button type="submit">查看</button>
    <a href="/staff/reports/daily?date={{NEXT:u}}" id="next-day">后一天 →</a>
    <a href="/staff/reports/daily?date={{DAY:u}}&amp;format=csv" id="export-csv">导出 CSV</a>
    <a href="/staff/reports/daily?date={{DAY:u}}&amp;format=xlsx" id="export-xlsx">导出 Excel</a>
  </form>
{{#MESSAGE}}  <p class="alert" role="alert">{{TEXT}}</p>
{{/MESSAGE}}  <p class="hint">每个渠道都应满足：期初未结 + 当日受理 + 重新打开 − 完成合计 = 期末未结。点数字可看背后的单据。</p>
  <p class="hint" id="checked">{{CHECKED}}（同一天的检查结果最多保留 30 秒；数据经系统变动会立即重新核对）· <a href="/staff/reports/daily?date={{DAY:u}}&amp;recheck=1" id="recheck">重新核对</a></p>
</section>
{{#KIND}}
<section class="panel" data-kind="{{KIND}}">
{{#OK}}  <p class="notice" data-check="ok">{{LABEL}}：核对无误</p>
{{/OK}}{{#MISMATCH}}  <p class="alert" data-check="mismatch">{{LABEL}}：核对不符{{#UNBALANCED}}（{{ROWS}}：期初 + 受理 + 重开 − 完成 ≠ 期末）{{/UNBALANCED}}{{#LISTED}}，下列 {{N}} 条记录有问题{{/LISTED}}</p>
{{/MISMATCH}}{{>TABLE}}
{{#PROBLEMS}}  <h3>造成差异的记录</h3>
  <table class="list" data-problems="{{KIND}}">
    <thead><tr><th>单号</th><th>状态</th><th>创建时间</th><th>记账时间</th><th>问题</th></tr></thead>
    <tbody>
{{#PROBLEM}}      <tr data-record="{{ID}}"><td data-label="单号"><a href="{{HREF}}">{{NO}}</a></td><td data-label="状态">{{STATUS}}</td><td data-label="创建时间">{{CREATED}}</td><td data-label="记账时间">{{AT}}</td><td data-label="问题">{{WHAT}}</td></tr>
{{/PROBLEM}}    </tbody>
  </table>
{{/PROBLEMS}}</section>
{{/KIND}}
<section class="panel" id="signoff">
  <h2>核对确认</h2>
{{#UNSIGNED}}  <p data-signoff="none">这一天还没有核对确认。</p>
{{/UNSIGNED}}{{#SIGNED}}  <p data-signoff="{{STATE}}">最近一次确认：<strong class="signer">{{SIGNER}}</strong> 于 {{AT}}；备注：<span class="note">{{NOTE}}</span></p>
{{#CHANGED}}  <p class="alert" id="signoff-changed">签字后数据已变动：</p>
  <ul id="changed-figures">
{{#CHANGE}}    <li data-figure="{{KEY}}">{{WHAT}}：确认时 {{WAS}}，现在 {{NOW}}</li>
{{/CHANGE}}  </ul>
{{/CHANGED}}{{/SIGNED}}{{#SIGN_FORM}}  <form method="post" action="/staff/reports/daily/signoff" class="form" id="signoff-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="date" value="{{DAY}}">
    <label>备注 <textarea name="note" maxlength="500" rows="2"></textarea></label>
    <button type="submit" class="button primary">核对确认</button>
  </form>
{{/SIGN_FORM}}  <h3>确认记录</h3>
  <ul id="signoff-history">
{{#HISTORY}}    <li>{{AT}} · {{SIGNER}}：{{NOTE}}</li>
{{/HISTORY}}  </ul>
</section>
<section class="panel" id="daily-chart">
{{>CHART}}
</section>
