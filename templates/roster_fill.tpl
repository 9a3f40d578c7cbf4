{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow" id="fill">
  <h1>按轮换填充值班表</h1>
  <p class="hint">从开始日期起按轮换规律逐日排班，到结束日期为止，规律循环使用。班次名称用“-”隔开，“休”表示休息，如 早-早-中-中-夜-夜-休-休。已有的班次保留；先预览，确认无误再保存。<a href="/staff/roster?month={{MONTH}}">返回值班表</a></p>
{{#REFUSAL}}  <p class="alert" role="alert">{{TEXT}}</p>
{{/REFUSAL}}  <form method="post" action="/staff/roster/fill" class="form" id="fill-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="fill-user">员工</label>
    <select id="fill-user" name="user_id" required>{{#PERSON}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PERSON}}</select>
    <label for="fill-start">开始日期</label>
    <input type="date" id="fill-start" name="start" value="{{start}}" required>
    <label for="fill-end">结束日期</label>
    <input type="date" id="fill-end" name="end" value="{{end}}" required>
    <label for="fill-pattern">轮换规律</label>
    <input id="fill-pattern" name="pattern" value="{{pattern}}" maxlength="200" placeholder="早-早-中-中-夜-夜-休-休" required>
    <button type="submit" name="preview" value="1">预览</button>
  </form>
</section>
{{#PREVIEW}}<section class="panel narrow" id="fill-preview">
  <h2>预览：将新增 {{COUNT}} 个班次</h2>
  <table class="list">
    <thead><tr><th>日期</th><th>星期</th><th>班次</th></tr></thead>
    <tbody>
{{#DAY}}      <tr data-day="{{DATE}}"><td data-label="日期">{{DATE}}</td><td data-label="星期">周{{WD}}</td><td class="fill-shift" data-label="班次">{{SHIFT}} <span class="hint">{{SPAN}}</span></td></tr>
{{/DAY}}    </tbody>
  </table>
{{#CAN_SAVE}}  <form method="post" action="/staff/roster/fill" class="form" id="fill-save">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="user_id" value="{{USER_ID}}">
    <input type="hidden" name="start" value="{{start}}">
    <input type="hidden" name="end" value="{{end}}">
    <input type="hidden" name="pattern" value="{{pattern}}">
    <input type="hidden" name="versions" value="{{VERSIONS}}">
    <button type="submit" name="save" value="1" class="primary">保存 {{COUNT}} 个班次</button>
  </form>
{{/CAN_SAVE}}</section>
{{/PREVIEW}}
