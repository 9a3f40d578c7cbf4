{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <div class="head-row"><h1>投诉</h1>{{#CAN_OPEN}}<a class="button primary" href="/staff/complaints/new">登记投诉</a>{{/CAN_OPEN}}</div>
  <form method="get" action="/staff/complaints" class="filters">
    <div><label for="q">搜索</label><input id="q" name="q" value="{{q}}" maxlength="64" placeholder="投诉单号 / 维修或退换货单号 / 手机号 / 姓名"></div>
    <div><label for="status">状态</label>
      <select id="status" name="status"><option value="">全部</option>
{{#STATUS_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}      </select></div>
    <div><label for="source">来源</label>
      <select id="source" name="source"><option value="">全部</option>
{{#SOURCE_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SOURCE_OPTION}}      </select></div>
    <div><label for="from">登记日期从</label><input id="from" name="from" type="date" value="{{from}}"></div>
    <div><label for="to">到</label><input id="to" name="to" type="date" value="{{to}}"></div>
    <div><label for="sort">排序</label>
      <select id="sort" name="sort">
{{#SORT_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SORT_OPTION}}      </select></div>
    <div class="check"><label><input type="checkbox" name="overdue" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}> 只看超时</label></div>
    <div><button type="submit">筛选</button> <a href="/staff/complaints">清除</a></div>
  </form>
  <table class="list" id="complaint-list">
    <thead><tr><th>投诉单号</th><th>登记时间</th><th>客户</th><th>电话</th><th>所涉单号</th><th>来源</th><th>状态</th><th>处理人</th><th>时限</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-status="{{STATUS}}"><td data-label="投诉单号"><a href="/staff/complaints/{{ID}}">{{NO}}</a></td><td data-label="登记">{{CREATED}}</td><td data-label="客户">{{NAME}}</td><td data-label="电话">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</td>
        <td data-label="所涉单号">{{#SUBJECT}}<a href="/staff/{{SUBJECT_PATH}}/{{SUBJECT_ID}}" class="subject">{{SUBJECT_NO}}</a>{{/SUBJECT}}</td><td data-label="来源">{{SOURCE_LABEL}}</td>
        <td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td><td data-label="处理人">{{HANDLER}}</td>
        <td data-label="时限">{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</td></tr>
{{/ROW}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">没有符合条件的投诉。</p>
{{/EMPTY}}
{{#NEXT}}  <p class="pager"><a class="button" href="/staff/complaints?{{#PARAM}}{{NAME}}={{VALUE:u}}&amp;{{/PARAM}}after={{after:u}}">下一页 →</a></p>
{{/NEXT}}
</section>
