{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <p><a href="/admin/users">← 员工账号</a></p>
  <h1>{{USERNAME}} {{#ACTIVE}}<span class="tag ok">在职</span>{{/ACTIVE}}{{#INACTIVE}}<span class="tag off">已停用</span>{{/INACTIVE}}</h1>
{{>FORM_ERRORS}}
  <h2>资料与角色</h2>
  <form method="post" action="/admin/users/{{ID}}" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="display_name">姓名</label>
    <input id="display_name" name="display_name" value="{{display_name}}" maxlength="32" required{{#display_name_INVALID}} aria-invalid="true"{{/display_name_INVALID}}>
    <span class="err">{{display_name_error}}</span>
    <label for="role">角色</label>
    <select id="role" name="role"{{#role_INVALID}} aria-invalid="true"{{/role_INVALID}}>
{{#ROLE_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}
    </select>
    <span class="err">{{role_error}}</span>
    <button type="submit" class="primary">保存</button>
  </form>
  <h2>重置密码</h2>
  <form method="post" action="/admin/users/{{ID}}/password" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="password">新密码（至少 10 个字符）</label>
    <input id="password" name="password" type="password" autocomplete="new-password" maxlength="128" required{{#password_INVALID}} aria-invalid="true"{{/password_INVALID}}>
    <span class="err">{{password_error}}</span>
    <button type="submit">重置密码并退出其所有登录</button>
  </form>
  <h2>账号状态</h2>
  <form method="post" action="/admin/users/{{ID}}/active" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
{{#ACTIVE}}    <input type="hidden" name="active" value="0">
    <button type="submit" class="danger">停用账号</button>{{/ACTIVE}}
{{#INACTIVE}}    <input type="hidden" name="active" value="1">
    <button type="submit">重新启用</button>{{/INACTIVE}}
  </form>
</section>
