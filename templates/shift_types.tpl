{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>班次设置</h1>
{{>FORM_ERRORS}}
  <p class="hint">值班表按这些班次排班。结束时间早于或等于开始时间的班次跨夜，在次日结束。“最少人数”按需要的角色计算，不足时值班表上显示提醒。<a href="/staff/roster">查看值班表</a></p>
  <table class="list" id="shift-types">
    <thead><tr><th>班次</th><th>时间</th><th>需要的角色</th><th>最少人数</th><th>状态</th></tr></thead>
    <tbody>
{{#SHIFT}}
      <tr data-shift="{{ID}}"><td data-label="班次"><span class="shift"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill="{{COLOR}}"/></svg>{{NAME}}</span>{{#DUTY}} <span class="tag">总值班</span>{{/DUTY}}</td>
        <td data-label="时间">{{SPAN}}</td><td data-label="角色">{{ROLES}}</td><td data-label="最少人数">{{MIN_STAFF}}</td>
        <td data-label="状态">{{#ACTIVE}}<span class="tag ok">启用</span>{{/ACTIVE}}{{#INACTIVE}}<span class="tag off">已停用</span>{{/INACTIVE}}</td>
      </tr>
{{#EDIT}}
      <tr class="edit-row"><td colspan="5">
        <details><summary>修改 {{name}}</summary>
        <form method="post" action="/staff/shifts/{{ID}}" class="filters">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="version" value="{{VERSION}}">
          <div><label for="name-{{ID}}">名称</label><input id="name-{{ID}}" name="name" value="{{name}}" maxlength="32" size="8" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}><span class="err">{{name_error}}</span></div>
          <div><label for="start-{{ID}}">开始</label><input id="start-{{ID}}" name="start" value="{{start}}" maxlength="5" size="5" placeholder="08:00" required{{#start_INVALID}} aria-invalid="true"{{/start_INVALID}}><span class="err">{{start_error}}</span></div>
          <div><label for="end-{{ID}}">结束</label><input id="end-{{ID}}" name="end" value="{{end}}" maxlength="5" size="5" placeholder="16:00" required{{#end_INVALID}} aria-invalid="true"{{/end_INVALID}}><span class="err">{{end_error}}</span></div>
          <fieldset class="choices"><legend>需要的角色（不选为不限）</legend>{{#ROLE}}<label><input type="checkbox" name="role_{{CODE}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/ROLE}}</fieldset>
          <div><label for="min-{{ID}}">最少人数</label><input id="min-{{ID}}" name="min_staff" value="{{min_staff}}" inputmode="numeric" maxlength="2" size="3" required{{#min_staff_INVALID}} aria-invalid="true"{{/min_staff_INVALID}}><span class="err">{{min_staff_error}}</span></div>
          <div class="check"><label><input type="checkbox" name="duty_officer" value="1"{{#DUTY_CHECKED}} checked{{/DUTY_CHECKED}}> 总值班班次</label></div>
          <div><label for="color-{{ID}}">颜色</label><input id="color-{{ID}}" name="color" value="{{color}}" maxlength="7" size="8" required{{#color_INVALID}} aria-invalid="true"{{/color_INVALID}}><span class="err">{{color_error}}</span></div>
          <div><label for="active-{{ID}}">状态</label><select id="active-{{ID}}" name="active"{{#active_INVALID}} aria-invalid="true"{{/active_INVALID}}><option value="1"{{#ON_SELECTED}} selected{{/ON_SELECTED}}>启用</option><option value="0"{{#OFF_SELECTED}} selected{{/OFF_SELECTED}}>停用</option></select><span class="err">{{active_error}}</span></div>
          <div><button type="submit">保存</button></div>
        </form>
        </details>
      </td></tr>
{{/EDIT}}
{{/SHIFT}}
    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">还没有班次。</p>
{{/EMPTY}}
</section>
{{#ADD}}
<section class="panel narrow" id="shift-add">
  <h2>新增班次</h2>
  <form method="post" action="/staff/shifts" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="name">名称（如 早、中、夜）</label>
    <input id="name" name="name" value="{{name}}" maxlength="32" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
    <span class="err">{{name_error}}</span>
    <label for="start">开始时间</label>
    <input id="start" name="start" value="{{start}}" maxlength="5" placeholder="08:00" required{{#start_INVALID}} aria-invalid="true"{{/start_INVALID}}>
    <span class="err">{{start_error}}</span>
    <label for="end">结束时间（早于开始时间即次日结束）</label>
    <input id="end" name="end" value="{{end}}" maxlength="5" placeholder="16:00" required{{#end_INVALID}} aria-invalid="true"{{/end_INVALID}}>
    <span class="err">{{end_error}}</span>
    <fieldset class="choices"><legend>需要的角色（不选为不限）</legend>{{#ROLE}}<label><input type="checkbox" name="role_{{CODE}}" value="1"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>{{/ROLE}}</fieldset>
    <label for="min_staff">最少人数</label>
    <input id="min_staff" name="min_staff" value="{{min_staff}}" inputmode="numeric" maxlength="2" required{{#min_staff_INVALID}} aria-invalid="true"{{/min_staff_INVALID}}>
    <span class="err">{{min_staff_error}}</span>
    <label><input type="checkbox" name="duty_officer" value="1"{{#DUTY_CHECKED}} checked{{/DUTY_CHECKED}}> 总值班班次</label>
    <label for="color">颜色（#rrggbb）</label>
    <input id="color" name="color" value="{{color}}" maxlength="7" required{{#color_INVALID}} aria-invalid="true"{{/color_INVALID}}>
    <span class="err">{{color_error}}</span>
    <button type="submit" class="primary">新增</button>
  </form>
</section>
{{/ADD}}
