{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <h1>员工登录</h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
  <form method="post" action="/login" class="form">
{{#NEXT}}    <input type="hidden" name="next" value="{{next}}">
    <p class="notice">登录已过期或尚未登录，登录后将回到刚才的页面。</p>
{{/NEXT}}    <label for="username">用户名</label>
    <input id="username" name="username" value="{{username}}" autocomplete="username" maxlength="64" required autofocus>
    <label for="password">密码</label>
    <input id="password" name="password" type="password" autocomplete="current-password" maxlength="128" required>
    <button type="submit" class="primary">登录</button>
  </form>
  <p class="hint">忘记密码请联系系统管理员重置。</p>
</section>
