{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="daily-records" data-kind="{{KIND}}" data-metric="{{METRIC}}" data-channel="{{CHANNEL}}">
  <p><a href="/staff/reports/daily?date={{DAY:u}}">← 每日核对 {{DAY}}</a></p>
  <h1>{{TITLE}}</h1>
  <p>共 <span id="record-count">{{N}}</span> 条。{{#CAPPED}}<strong class="alert">只列出前 {{CAP}} 条，其余未列出。</strong>{{/CAPPED}}</p>
  <table class="list" id="record-list">
    <thead><tr><th>单号</th><th>状态</th><th>创建时间</th><th>变动时间</th></tr></thead>
    <tbody>
{{#RECORD}}      <tr data-id="{{ID}}"><td data-label="单号"><a href="{{HREF}}">{{NO}}</a></td><td data-status="{{STATUS_CODE}}" data-label="状态">{{STATUS}}</td><td data-label="创建时间">{{CREATED}}</td><td data-label="变动时间">{{AT}}</td></tr>
{{/RECORD}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">没有单据。</p>
{{/EMPTY}}</section>
