{{%AUTOESCAPE context="HTML"}}
  <table class="list" id="my-jobs">
    <thead><tr><th>单号</th><th>上门时间</th><th>客户</th><th>电话</th><th>地址</th><th>产品</th><th>状态</th><th>时限</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-status="{{STATUS}}"><td><a href="/staff/repairs/{{ID}}">{{NO}}</a></td><td>{{VISIT}}</td><td>{{NAME}}</td><td>{{PHONE}}</td><td>{{ADDRESS}}</td><td>{{PRODUCT}}</td>
        <td><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td><td>{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</td></tr>
{{/ROW}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">目前没有派给您的工单。</p>
{{/EMPTY}}
