{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <h1>新建员工账号</h1>
{{>FORM_ERRORS}}
  <form method="post" action="/admin/users/new" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="username">用户名</label>
    <input id="username" name="username" value="{{username}}" maxlength="32" required{{#username_INVALID}} aria-invalid="true"{{/username_INVALID}}>
    <span class="err">{{username_error}}</span>
    <label for="display_name">姓名</label>
    <input id="display_name" name="display_name" value="{{display_name}}" maxlength="32" required{{#display_name_INVALID}} aria-invalid="true"{{/display_name_INVALID}}>
    <span class="err">{{display_name_error}}</span>
    <label for="role">角色</label>
    <select id="role" name="role"{{#role_INVALID}} aria-invalid="true"{{/role_INVALID}}>
{{#ROLE_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}
    </select>
    <span class="err">{{role_error}}</span>
    <label for="password">初始密码（至少 10 个字符）</label>
    <input id="password" name="password" type="password" autocomplete="new-password" maxlength="128" required{{#password_INVALID}} aria-invalid="true"{{/password_INVALID}}>
    <span class="err">{{password_error}}</span>
    <button type="submit" class="primary">创建</button>
  </form>
</section>
