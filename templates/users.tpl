{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <div class="head-row"><h1>员工账号</h1><a class="button primary" href="/admin/users/new">新建账号</a></div>
  <table class="list">
    <thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>状态</th><th>创建日期</th></tr></thead>
    <tbody>
{{#USER}}
      <tr><td data-label="用户名"><a href="/admin/users/{{ID}}">{{USERNAME}}</a></td><td data-label="姓名">{{DISPLAY_NAME}}</td><td data-label="角色">{{ROLE_LABEL}}</td>
        <td data-label="状态">{{#ACTIVE}}<span class="tag ok">在职</span>{{/ACTIVE}}{{#INACTIVE}}<span class="tag off">已停用</span>{{/INACTIVE}}</td>
        <td data-label="创建日期">{{CREATED}}</td></tr>
{{/USER}}
    </tbody>
  </table>
</section>
