{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>我的工单</h1>
  <p class="hint">今天需要上门的排在最前。</p>
  <table class="list" id="my-jobs">
    <thead><tr><th>单号</th><th>上门时间</th><th>客户</th><th>电话</th><th>地址</th><th>产品</th><th>状态</th><th>时限</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-status="{{STATUS}}"><td data-label="单号"><a href="/staff/repairs/{{ID}}">{{NO}}</a></td><td data-label="上门时间">{{VISIT}}</td><td data-label="客户">{{NAME}}</td><td data-label="电话">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</td><td data-label="地址">{{ADDRESS}}{{#ADDRESS}} <a class="map" href="https://uri.amap.com/search?keyword={{ADDRESS:u}}" target="_blank" rel="noopener noreferrer">地图</a>{{/ADDRESS}}</td><td data-label="产品">{{PRODUCT}}</td>
        <td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td><td data-label="时限">{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</td></tr>
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
{{#MY_SHIFT}}      <tr data-day="{{DAY}}"><td data-label="日期">{{DAY_LABEL}}</td><td data-label="班次">{{SHIFT}}{{#NOW}} <span class="tag">当班中</span>{{/NOW}}</td><td data-label="时间">{{HOURS}}</td></tr>
{{/MY_SHIFT}}    </tbody>
  </table>
{{#NO_SHIFTS}}  <p class="hint">未来 14 天没有您的班次。</p>
{{/NO_SHIFTS}}  <p><a href="/staff/swaps">调班</a> · <a href="/staff/my/calendar" id="calendar-link">日历订阅</a>（在手机日历里查看自己的班次）</p>
</section>
