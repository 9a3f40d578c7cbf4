{{%AUTOESCAPE context="HTML"}}
  <table class="list" id="my-jobs">
    <thead><tr><th>单号</th><th>上门时间</th><th>客户</th><th>电话</th><th>地址</th><th>产品</th><th>状态</th><th>时限</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-status="{{STATUS}}"><td data-label="单号"><a href="/staff/repairs/{{ID}}">{{NO}}</a></td><td data-label="上门时间">{{VISIT}}</td><td data-label="客户">{{NAME}}</td><td data-label="电话">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</td><td data-label="地址">{{ADDRESS}}{{#ADDRESS}} <a class="map" href="https://uri.amap.com/search?keyword={{ADDRESS:u}}" target="_blank" rel="noopener noreferrer">地图</a>{{/ADDRESS}}</td><td data-label="产品">{{PRODUCT}}</td>
        <td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td><td data-label="时限">{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</td></tr>
{{/ROW}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">目前没有派给您的工单。</p>
{{/EMPTY}}
