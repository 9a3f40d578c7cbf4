{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <h1>修改密码</h1>
{{>FORM_ERRORS}}
{{#DONE}}  <p class="notice">密码已修改，其他设备上的登录已退出。</p>
{{/DONE}}  <p class="hint">查看并结束您在其他浏览器上的登录：<a href="/staff/sessions">登录会话</a></p>
  <form method="post" action="/staff/password" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="current">当前密码</label>
    <input id="current" name="current" type="password" autocomplete="current-password" maxlength="128" required{{#current_INVALID}} aria-invalid="true"{{/current_INVALID}}>
    <span class="err">{{current_error}}</span>
    <label for="password">新密码（至少 10 个字符）</label>
    <input id="password" name="password" type="password" autocomplete="new-password" maxlength="128" required{{#password_INVALID}} aria-invalid="true"{{/password_INVALID}}>
    <span class="err">{{password_error}}</span>
    <label for="confirm">再次输入新密码</label>
    <input id="confirm" name="confirm" type="password" autocomplete="new-password" maxlength="128" required{{#confirm_INVALID}} aria-invalid="true"{{/confirm_INVALID}}>
    <span class="err">{{confirm_error}}</span>
    <button type="submit" class="primary">修改密码</button>
  </form>
</section>
