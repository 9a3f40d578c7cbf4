{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <div class="head-row"><h1>退换货</h1>{{#CAN_INTAKE}}<a class="button primary" href="/staff/returns/new">登记退换货</a>{{/CAN_INTAKE}}</div>
  <form method="get" action="/staff/returns" class="filters">
    <div><label for="q">搜索</label><input id="q" name="q" value="{{q}}" maxlength="64" placeholder="单号 / 手机号 / 订单号 / 序列号 / 姓名"></div>
    <div><label for="status">状态</label>
      <select id="status" name="status"><option value="">全部</option>
{{#STATUS_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}      </select></div>
    <div><label for="kind">类型</label>
      <select id="kind" name="kind"><option value="">全部</option>
{{#KIND_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}      </select></div>
    <div><label for="from">提交日期从</label><input id="from" name="from" type="date" value="{{from}}"></div>
    <div><label for="to">到</label><input id="to" name="to" type="date" value="{{to}}"></div>
    <div><label for="sort">排序</label>
      <select id="sort" name="sort">
{{#SORT_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SORT_OPTION}}      </select></div>
    <div class="check"><label><input type="checkbox" name="overdue" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}> 只看超时</label></div>
    <div><button type="submit">筛选</button> <a href="/staff/returns">清除</a></div>
  </form>
  <table class="list" id="return-list">
    <thead><tr><th>单号</th><th>提交时间</th><th>客户</th><th>电话</th><th>产品</th><th>类型</th><th>实付金额</th><th>状态</th><th>时限</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-status="{{STATUS}}"><td data-label="单号"><a href="/staff/returns/{{ID}}">{{NO}}</a></td><td data-label="提交">{{CREATED}}</td><td data-label="客户">{{NAME}}</td><td data-label="电话">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</td><td data-label="产品">{{PRODUCT}}</td>
        <td data-label="类型">{{KIND_LABEL}}</td><td data-label="实付">{{PAID}}</td><td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td>
        <td data-label="时限">{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</td></tr>
{{/ROW}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">没有符合条件的退换货申请。</p>
{{/EMPTY}}
{{#NEXT}}  <p class="pager"><a class="button" href="/staff/returns?{{#PARAM}}{{NAME}}={{VALUE:u}}&amp;{{/PARAM}}after={{after:u}}">下一页 →</a></p>
{{/NEXT}}
</section>
