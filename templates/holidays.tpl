{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="calendar">
  <h1>工作日历</h1>
{{>FORM_ERRORS}}
{{#NOTICE}}  <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}
  <p class="hint">维修工单的处理时限按工作时间计算：只计工作日的工作时段，周末和下列放假日不计，下列调休上班日照常计算。工作时间与时限在配置文件中设置。</p>
  <h2>工作时间</h2>
  <dl class="fields">
    <dt>每日工作时段</dt><dd id="work-hours">{{WORK_START}} – {{WORK_END}}（每天 {{DAY_HOURS}} 小时）</dd>
    <dt>工作日</dt>
    <dd id="workdays">{{#WEEKDAY}}{{#WORKING}}<span class="tag ok">{{NAME}}</span> {{/WORKING}}{{#RESTING}}<span class="tag off" title="休息日">{{NAME}} 休</span> {{/RESTING}}{{/WEEKDAY}}{{#NO_WORKDAYS}}<span class="err">未设置工作日，时限按自然时间计算</span>{{/NO_WORKDAYS}}</dd>
  </dl>
  <h2>处理时限</h2>
  <table class="list" id="sla-hours">
    <thead><tr><th>优先级</th><th>时限（工作小时）</th><th>约合工作日</th></tr></thead>
    <tbody>
{{#SLA}}      <tr data-priority="{{CODE}}"><td data-label="优先级">{{LABEL}}</td><td data-label="时限（工作小时）">{{HOURS}} 小时</td><td data-label="约合工作日">{{DAYS}} 天</td></tr>
{{/SLA}}    </tbody>
  </table>
</section>

<section class="panel" id="holidays">
  <h2>节假日与调休（今天起）</h2>
  <table class="list">
    <thead><tr><th>日期</th><th>星期</th><th>类型</th><th>名称</th>{{#DELETE_HEAD}}<th>操作</th>{{/DELETE_HEAD}}</tr></thead>
    <tbody>
{{#HOLIDAY}}      <tr data-day="{{DAY}}" data-kind="{{KIND}}"><td data-label="日期">{{DAY}}</td><td data-label="星期">{{WEEKDAY}}{{#OFF_DAY}} <span class="hint">（本就休息）</span>{{/OFF_DAY}}</td><td data-label="类型"><span class="tag {{KIND}}">{{KIND_LABEL}}</span></td><td data-label="名称">{{NAME}}</td>
{{#DELETE}}        <td data-label="操作"><form method="post" action="/staff/holidays/delete" class="inline">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="day" value="{{DAY}}">
          <button type="submit" class="danger">删除</button>
        </form></td>
{{/DELETE}}      </tr>
{{/HOLIDAY}}    </tbody>
  </table>
{{#NO_HOLIDAYS}}  <p class="hint">今天以后还没有登记节假日。</p>
{{/NO_HOLIDAYS}}{{#PAST}}  <p class="hint">另有 {{COUNT}} 个已过去的节假日未列出（仍用于计算当时工单的时限）。</p>
{{/PAST}}</section>

{{#EDITOR}}<section class="panel narrow" id="holiday-add">
  <h2>添加放假日或调休上班日</h2>
  <form method="post" action="/staff/holidays" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="kind">类型</label>
    <select id="kind" name="kind">
{{#KIND_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}    </select>
    <span class="err">{{kind_error}}</span>
    <label for="day">日期</label>
    <input id="day" name="day" type="date" value="{{day}}" min="{{TODAY}}" placeholder="2026-10-01" required{{#day_INVALID}} aria-invalid="true"{{/day_INVALID}}>
    <span class="err">{{day_error}}</span>
    <label for="name">名称（如 国庆节、国庆节调休）</label>
    <input id="name" name="name" value="{{name}}" maxlength="64" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
    <span class="err">{{name_error}}</span>
    <button type="submit" class="primary">添加</button>
  </form>
  <p class="hint">放假日：工作日放假，不计入时限。调休上班日：原本休息的周末改为上班，按工作日计入时限。</p>
</section>
{{/EDITOR}}
