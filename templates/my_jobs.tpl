{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>我的工单</h1>
  <p class="hint">今天需要上门的排在最前。</p>
{{>MY_JOBS}}
</section>

<section class="panel" id="my-shifts-panel">
  <h2>我的班次（未来 14 天）</h2>
  <table class="list" id="my-shifts">
    <thead><tr><th>日期</th><th>班次</th><th>时间</th></tr></thead>
    <tbody>
{{#MY_SHIFT}}      <tr data-day="{{DAY}}"><td data-label="日期">{{DAY_LABEL}}</td><td data-label="班次">{{SHIFT}}{{#NOW}} <span class="tag">当班中</span>{{/NOW}}</td><td data-label="时间">{{HOURS}}</td></tr>
{{/MY_SHIFT}}    </tbody>
  </table>
{{#NO_SHIFTS}}  <p class="hint">未来 14 天没有您的班次。</p>
{{/NO_SHIFTS}}  <p><a href="/staff/swaps">调班</a> · <a href="/staff/my/calendar" id="calendar-link">日历订阅</a>（在手机日历里查看自己的班次）</p>
</section>
