{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="handovers">
  <h1>交接班</h1>
  <p><a class="button primary" href="/staff/handover/new">写交接班</a> · <a href="/staff/duty-log">今日值班日志</a></p>
  <table class="list">
    <thead><tr><th>日期</th><th>班次</th><th>交班人</th><th>写于</th><th>接班确认</th></tr></thead>
    <tbody>
{{#HANDOVER}}      <tr data-id="{{ID}}"><td data-label="日期"><a href="/staff/handover/{{ID}}">{{DAY}}</a></td><td data-label="班次">{{SHIFT}}</td><td data-label="交班人">{{WRITER}}</td><td data-label="写于">{{CREATED}}</td>
        <td data-label="接班确认">{{#ACKED}}{{ACKED_BY}} · {{ACKED_AT}}{{/ACKED}}{{#WAITING}}<span class="tag overdue">待确认</span>{{/WAITING}}</td></tr>
{{/HANDOVER}}    </tbody>
  </table>
{{#NO_HANDOVERS}}  <p class="hint">还没有交接班记录。</p>
{{/NO_HANDOVERS}}  <p class="hint">列出最近 100 份；更早的按日期查看值班日志。</p>
</section>
