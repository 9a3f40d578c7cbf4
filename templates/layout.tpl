{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - {{SITE_NAME}}</title>
<link rel="stylesheet" href="{{STATIC}}/style.css">
{{#FOCUS_SCRIPT}}<script src="{{STATIC}}/focus.js" defer></script>
{{/FOCUS_SCRIPT}}</head>
<body>
<header class="topbar">
  <a class="brand" href="/">{{SITE_NAME}}</a>
  <nav{{#STAFF}} class="staff-nav" aria-label="员工菜单"{{/STAFF}}>
{{#PUBLIC_NAV}}
    <a href="/repair/new">报修</a>
    <a href="/return/new">退换货</a>
    <a href="/track">进度查询</a>
    <a href="/login">员工登录</a>
{{/PUBLIC_NAV}}
{{#STAFF}}
{{#NAV_LINK}}    <a href="{{HREF}}">{{LABEL}}</a>
{{/NAV_LINK}}    <span class="who">{{USER_NAME}} · {{ROLE_LABEL}}</span>
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit" class="link">退出</button>
    </form>
{{/STAFF}}
  </nav>
</header>
<main>
{{#FLASH}}<p class="notice flash" id="flash" role="status">{{TEXT}}</p>
{{/FLASH}}{{>CONTENT}}
</main>
<footer class="foot">{{SITE_NAME}} · 售后服务管理系统</footer>
</body>
</html>
