{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>我的工单</h1>
  <p class="hint">今天需要上门的排在最前。</p>
  <table class="list" id="my-jobs">
    <thead><tr><th>单号</th><th>上门时间</th><th>客户</th><th>电话</th><th>地址</th><th>产品</th><th>状态</th><th>时限</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-status="{{STATUS}}"><td><a href="/staff/repairs/{{ID}}">{{NO}}</a></td><td>{{VISIT}}</td><td>{{NAME}}</td><td>{{PHONE}}</td><td>{{ADDRESS}}</td><td>{{PRODUCT}}</td>
        <td><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td><td>{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</td></tr>
{{/ROW}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">目前没有派给您的工单。</p>
{{/EMPTY}}
</section>

<section class="panel" id="my-shifts-panel">
  <h2>我的班次（未来 14 天）</h2>
  <table class="list" id="my-shifts">
    <thead><tr><th>日期</th><th>班次</th><th>时间</th></tr></thead>
    <tbody>
{{#MY_SHIFT}}      <tr data-day="{{DAY}}"><td>{{DAY_LABEL}}</td><td>{{SHIFT}}{{#NOW}} <span class="tag">当班中</span>{{/NOW}}</td><td>{{HOURS}}</td></tr>
{{/MY_SHIFT}}    </tbody>
  </table>
{{#NO_SHIFTS}}  <p class="hint">未来 14 天没有您的班次。</p>
{{/NO_SHIFTS}}  <p><a href="/staff/swaps">调班</a> · <a href="/staff/my/calendar" id="calendar-link">日历订阅</a>（在手机日历里查看自己的班次）</p>
</section>
