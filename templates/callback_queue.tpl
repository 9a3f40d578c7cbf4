{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <div class="head-row"><h1>回访</h1>{{#CAN_BULK}}<a class="button" href="/staff/callbacks/bulk">定期回访（批量安排）</a>{{/CAN_BULK}}</div>
  <nav class="tabs" id="callback-tabs">
{{#TAB}}    <a href="/staff/callbacks?tab={{CODE:u}}"{{#SELECTED}} class="current" aria-current="page"{{/SELECTED}}>{{LABEL}}</a>
{{/TAB}}  </nav>
  <form method="get" action="/staff/callbacks" class="filters">
    <input type="hidden" name="tab" value="{{tab}}">
    <div><label for="q">搜索</label><input id="q" name="q" value="{{q}}" maxlength="64" placeholder="维修单号 / 退换货单号 / 手机号 / 姓名"></div>
{{#STATUS_FILTER}}    <div><label for="status">状态</label>
      <select id="status" name="status"><option value="">全部</option>
{{#STATUS_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}      </select></div>
{{/STATUS_FILTER}}    <div><button type="submit">筛选</button> <a href="/staff/callbacks?tab={{tab:u}}">清除</a></div>
  </form>
  <table class="list" id="callback-list">
    <thead><tr><th>单号</th><th>客户</th><th>电话</th><th>产品</th><th>处理情况</th><th>经办</th><th>回访时间</th><th>次数</th><th>状态</th><th>回访人</th><th></th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-status="{{STATUS}}"><td data-label="单号"><a class="subject" href="{{SUBJECT_URL}}">{{NO}}</a> <span class="tag">{{REASON_LABEL}}</span></td><td data-label="客户">{{NAME}}</td>
        <td data-label="电话" class="phone">{{PHONE}}{{#FLAGGED}} <span class="tag overdue">号码有误</span>{{/FLAGGED}}</td><td data-label="产品">{{PRODUCT}}</td><td data-label="处理情况">{{WORK}}</td>
        <td data-label="经办">{{PEOPLE}}</td><td data-label="回访时间">{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</td>
        <td data-label="次数">{{ATTEMPTS}}</td><td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td>
        <td data-label="回访人">{{#TAKEN}}{{TAKER}}{{/TAKEN}}</td><td><a href="/staff/callbacks/{{ID}}">去回访</a></td></tr>
{{/ROW}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">没有符合条件的回访任务。</p>
{{/EMPTY}}
{{#NEXT}}  <p class="pager"><a class="button" href="/staff/callbacks?{{#PARAM}}{{NAME}}={{VALUE:u}}&amp;{{/PARAM}}after={{after:u}}">下一页 →</a></p>
{{/NEXT}}
</section>
