{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="staff-home">
  <h1>工作台</h1>
  <p>欢迎，<strong class="user-name">{{USER_NAME}}</strong>（{{ROLE_LABEL}}）。</p>
{{#MY_JOBS_FIRST}}  <h2><a href="/staff/my">我的工单</a></h2>
{{>MY_JOBS}}
{{/MY_JOBS_FIRST}}  <h2>当前值班</h2>
  <div id="duty">
{{#NO_DUTY}}    <p class="hint">现在没有人值班。</p>
{{/NO_DUTY}}{{#DUTY}}    <p class="duty" data-when="{{WHEN}}" data-shift="{{SHIFT}}" data-day="{{DAY}}">{{#NEXT}}下一班：{{/NEXT}}<strong>{{SHIFT}}</strong>{{#OFFICER}} <span class="tag officer">总值班</span>{{/OFFICER}} <span class="hint">{{DAY_LABEL}} {{HOURS}}</span>：{{#PERSON}}<span class="person">{{NAME}}</span> {{/PERSON}}</p>
{{/DUTY}}  </div>
{{#HANDOVERS_WAITING}}
  <h2>待接班确认</h2>
  <ul id="handovers-waiting">
{{#WAITING}}    <li><a href="/staff/handover/{{ID}}">{{DAY}} {{SHIFT}} · {{WRITER}} 的交接班</a></li>
{{/WAITING}}  </ul>
{{/HANDOVERS_WAITING}}
{{#RECORD_STATS}}
  <h2>{{TITLE}}</h2>
  <ul class="stats">
{{#TODAY}}    <li><a href="{{LIST}}?tab=today"><span class="num" id="callback-today-count">{{TODAY_COUNT}}</span></a><span>今日待回访</span></li>
{{/TODAY}}
{{#STATUS_COUNT}}    <li><a href="{{LIST}}?status={{STATUS:u}}"><span class="num">{{COUNT}}</span></a><span>{{LABEL}}</span></li>
{{/STATUS_COUNT}}
    <li class="overdue"><a href="{{LIST}}?overdue=1"><span class="num" id="{{OVERDUE_ID}}">{{OVERDUE}}</span></a><span>已超时</span></li>
{{#MINE}}    <li><a href="/staff/my"><span class="num" id="my-count">{{MINE_COUNT}}</span></a><span>我的工单</span></li>
{{/MINE}}
  </ul>
{{/RECORD_STATS}}
  <h2>在职员工</h2>
  <ul class="stats">
{{#ROLE_COUNT}}
    <li><span class="num">{{COUNT}}</span><span>{{LABEL}}</span></li>
{{/ROLE_COUNT}}
  </ul>
{{#ADMIN}}
  <h2>最近操作</h2>
  <table class="list">
    <thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th></tr></thead>
    <tbody>
{{#RECENT}}
      <tr><td data-label="时间">{{AT}}</td><td data-label="操作人">{{ACTOR}}</td><td data-label="操作">{{ACTION}}</td><td data-label="对象">{{TARGET}}</td></tr>
{{/RECENT}}
    </tbody>
  </table>
  <p><a href="/admin/audit">查看全部操作日志</a></p>
{{/ADMIN}}
</section>
