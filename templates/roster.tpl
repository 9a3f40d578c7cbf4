{{%AUTOESCAPE context="HTML"}}
<section class="panel roster" id="roster" data-month="{{MONTH}}" data-version="{{VERSION}}">
  <svg class="symbols" aria-hidden="true">{{#SYMBOL}}<symbol id="st{{TYPE}}" viewBox="0 0 10 10"><rect width="10" height="10" rx="2" fill="{{COLOR}}"/></symbol>{{/SYMBOL}}</svg>
  <h1>值班表 · {{MONTH_LABEL}}</h1>
  <nav class="month-nav no-print">
    <a href="/staff/roster?month={{PREV}}" rel="prev" id="prev-month">‹ 上月</a>
    <a href="/staff/roster?month={{MONTH}}" id="whole-month">整月</a>
    <a href="/staff/roster?month={{NEXT}}" rel="next" id="next-month">下月 ›</a>
    <a href="/staff/roster?month={{MONTH}}&amp;user={{ME}}" id="my-month">我的排班</a>
    <a href="/staff/shifts">班次设置</a>
{{#CAN_FILL}}    <a href="/staff/roster/fill?month={{MONTH}}" id="fill-link">按轮换填充</a>
{{/CAN_FILL}}  </nav>
  <form method="get" action="/staff/roster" class="filters no-print" id="choose-person">
    <input type="hidden" name="month" value="{{MONTH}}">
    <div><label for="view-user">看一个人的排班</label><select id="view-user" name="user">{{#CHOOSE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CHOOSE}}</select></div>
    <div><button type="submit">查看</button></div>
  </form>
{{#REFUSAL}}  <p class="alert" role="alert">{{TEXT}}</p>
{{/REFUSAL}}{{#ASSIGN}}  <form method="post" action="/staff/roster/assign" class="filters no-print" id="assign">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="month" value="{{MONTH}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <div><label for="assign-user">员工</label><select id="assign-user" name="user_id" required>{{#PERSON}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PERSON}}</select></div>
    <div><label for="assign-day">日期</label><input type="date" id="assign-day" name="day" value="{{day}}" min="{{DAY_MIN}}" max="{{DAY_MAX}}" required></div>
    <div><label for="assign-shift">班次</label><select id="assign-shift" name="shift_type_id" required>{{#TYPE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} {{SPAN}}</option>{{/TYPE}}</select></div>
    <div><button type="submit" class="primary">排班</button></div>
  </form>
{{/ASSIGN}}{{#EDITOR}}  <form id="roster-remove" method="post" action="/staff/roster/remove" class="no-print">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="month" value="{{MONTH}}">
    <input type="hidden" name="version" value="{{VERSION}}">
  </form>
{{/EDITOR}}{{#GRID}}  <div class="grid-scroll">
  <table class="roster-grid" id="roster-grid">
    <thead><tr><th class="who">员工</th>{{#DAY}}<th{{#MARK}} class="{{CLASS}}"{{/MARK}} data-day="{{DATE}}" title="{{HOLIDAY}}"><a href="/staff/roster?day={{DATE}}">{{D}}<small>{{WD}}</small></a></th>{{/DAY}}</tr></thead>
    <tbody>
{{#ROW}}{{#GROUP}}      <tr class="group"><th colspan="{{COLS}}">{{LABEL}}</th></tr>
{{/GROUP}}      <tr data-user="{{ID}}"><th class="who"><a href="/staff/roster?month={{MONTH}}&amp;user={{ID}}">{{NAME}}</a>{{#INACTIVE}} <span class="tag off">停用</span>{{/INACTIVE}}</th>{{#CELL}}<td{{#MARK}} class="{{CLASS}}"{{/MARK}} data-user="{{ID}}" data-day="{{DATE}}">{{#SHIFT}}<span class="shift" data-roster="{{ROSTER_ID}}"><svg class="swatch"><use href="#st{{TYPE}}"/></svg>{{NAME}}{{#REMOVE}}<button form="roster-remove" name="roster_id" value="{{ROSTER_ID}}" class="rm" aria-label="删除{{NAME}}">×</button>{{/REMOVE}}</span>{{/SHIFT}}</td>{{/CELL}}</tr>
{{/ROW}}    </tbody>
    <tfoot><tr class="warnings"><th class="who">人手不足</th>{{#WARN_DAY}}<td{{#MARK}} class="{{CLASS}}"{{/MARK}} data-day="{{DATE}}">{{#WARN}}<span class="under" data-shift="{{TYPE}}">{{NAME}} {{HAVE}}/{{NEED}}</span>{{/WARN}}</td>{{/WARN_DAY}}</tr></tfoot>
  </table>
  </div>
  <p class="hint legend"><span class="key weekend">休息日</span> <span class="key holiday">节假日</span> <span class="key today">今天</span> 点日期看当天的班次，点姓名看一个人的整月。</p>
  <h2>本月覆盖情况</h2>
  <div class="grid-scroll">
  <table class="list" id="coverage">
    <thead><tr><th>班次</th><th>时间</th><th>需要</th><th>人数足够的天数</th></tr></thead>
    <tbody>
{{#COVERAGE}}      <tr data-shift="{{TYPE}}"><td data-label="班次"><span class="shift"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill="{{COLOR}}"/></svg>{{NAME}}</span></td><td data-label="时间">{{SPAN}}</td><td data-label="需要">{{NEED}} 人（{{ROLES}}）</td><td data-label="足够的天数" class="covered">{{FULL}}/{{DAYS}}{{#SHORT}} <span class="tag overdue">有不足</span>{{/SHORT}}</td></tr>
{{/COVERAGE}}    </tbody>
  </table>
  </div>
{{#NO_TYPES}}  <p class="hint">还没有启用的班次，请先在<a href="/staff/shifts">班次设置</a>中添加。</p>
{{/NO_TYPES}}{{/GRID}}{{#USER_VIEW}}  <h2 id="user-view" data-user="{{ID}}">{{NAME}}（{{ROLE}}）· 本月 {{SHIFTS}} 个班次</h2>
  <ul class="day-list">
{{#DAY}}    <li{{#MARK}} class="{{CLASS}}"{{/MARK}} data-day="{{DATE}}"><a href="/staff/roster?day={{DATE}}">{{DATE}} 周{{WD}}</a> <span class="hol">{{HOLIDAY}}</span> {{#SHIFT}}<span class="shift" data-roster="{{ROSTER_ID}}"><svg class="swatch"><use href="#st{{TYPE}}"/></svg>{{NAME}} <small>{{SPAN}}</small></span> {{/SHIFT}}{{#OFF}}<span class="hint">休</span>{{/OFF}}</li>
{{/DAY}}  </ul>
{{/USER_VIEW}}{{#DAY_VIEW}}  <h2 id="day-view" data-day="{{DATE}}">{{DATE}} 周{{WD}} <span class="hol">{{HOLIDAY}}</span></h2>
  <nav class="month-nav no-print"><a href="/staff/roster?day={{PREV_DAY}}" id="prev-day">‹ 前一天</a> <a href="/staff/roster?day={{NEXT_DAY}}" id="next-day">后一天 ›</a></nav>
  <ul class="day-list">
{{#TYPE}}    <li data-shift="{{ID}}"><span class="shift"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill="{{COLOR}}"/></svg>{{NAME}}</span> {{SPAN}}{{#DUTY}} <span class="tag">总值班</span>{{/DUTY}}：{{#PERSON}}<a href="/staff/roster?month={{MONTH}}&amp;user={{ID}}" data-user="{{ID}}">{{NAME}}</a>（{{ROLE}}） {{/PERSON}}{{#NOBODY}}<span class="hint">无人</span>{{/NOBODY}}{{#SHORT}} <span class="tag overdue under">人手不足 {{HAVE}}/{{NEED}}</span>{{/SHORT}}</li>
{{/TYPE}}  </ul>
{{/DAY_VIEW}}</section>
