{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="sessions">
  <h1>登录会话</h1>
  <p class="hint">您的账号当前在以下浏览器中处于登录状态。如有不认识的会话，请结束它并<a href="/staff/password">修改密码</a>。</p>
{{#ENDED_ONE}}  <p class="notice">所选会话已结束。</p>
{{/ENDED_ONE}}{{#ENDED_OTHERS}}  <p class="notice">其他会话已全部结束。</p>
{{/ENDED_OTHERS}}
  <table class="list">
    <thead><tr><th>浏览器</th><th>登录地址</th><th>登录时间</th><th>最近活动</th><th>操作</th></tr></thead>
    <tbody>
{{#SESSION}}      <tr data-session="{{ID}}"{{#CURRENT}} class="current"{{/CURRENT}}><td data-label="浏览器"><span title="{{USER_AGENT}}">{{BROWSER}}</span></td><td data-label="登录地址">{{IP}}</td><td data-label="登录时间">{{STARTED}}</td><td data-label="最近活动">{{LAST_SEEN}}</td>
        <td data-label="操作">{{#CURRENT}}<span class="tag ok">当前会话</span>{{/CURRENT}}{{#OTHER}}<form method="post" action="/staff/sessions/end" class="inline">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="id" value="{{ID}}">
          <button type="submit" class="danger">结束</button>
        </form>{{/OTHER}}</td></tr>
{{/SESSION}}    </tbody>
  </table>
{{#HAS_OTHERS}}  <form method="post" action="/staff/sessions/end-others" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit" class="danger">结束其他所有会话</button>
  </form>
{{/HAS_OTHERS}}</section>
