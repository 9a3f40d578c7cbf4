{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>操作日志</h1>
  <form method="get" action="/admin/audit" class="filters" id="audit-filters">
    <div><label for="actor">操作人</label>
      <select id="actor" name="actor"><option value="">全部</option>
{{#ACTOR_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ACTOR_OPTION}}      </select></div>
    <div><label for="action">操作</label>
      <select id="action" name="action"><option value="">全部</option>
{{#ACTION_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ACTION_OPTION}}      </select></div>
    <div><label for="q">对象</label><input id="q" name="q" value="{{q}}" maxlength="64" placeholder="单号 / 维修工单 12 / 客户 5 / 用户名"></div>
    <div><label for="from">日期从</label><input id="from" name="from" type="date" value="{{from}}"></div>
    <div><label for="to">到</label><input id="to" name="to" type="date" value="{{to}}"></div>
    <div><button type="submit">筛选</button> <a href="/admin/audit">清除</a></div>
  </form>
  <table class="list" id="audit-list">
    <thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>详情</th><th>地址</th></tr></thead>
    <tbody>
{{#ENTRY}}      <tr><td data-label="时间"><span class="entry" data-id="{{ID}}">{{AT}}</span></td><td data-label="操作人">{{ACTOR}}</td><td data-label="操作"><span class="action" data-action="{{CODE}}">{{ACTION}}</span></td><td data-label="对象">{{#TARGET_LINK}}<a href="{{HREF}}">{{TARGET}}</a>{{/TARGET_LINK}}{{#TARGET_TEXT}}{{TARGET}}{{/TARGET_TEXT}}</td><td data-label="详情">{{DETAIL}}</td><td data-label="地址">{{IP}}</td></tr>
{{/ENTRY}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">没有记录。</p>
{{/EMPTY}}
{{#NEXT}}  <p class="pager"><a class="button" id="next-page" href="/admin/audit?{{#PARAM}}{{NAME}}={{VALUE:u}}&amp;{{/PARAM}}after={{after:u}}">下一页 →</a></p>
{{/NEXT}}
</section>
