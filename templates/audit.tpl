{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>操作日志</h1>
  <form method="get" action="/admin/audit" class="filters">
    <label for="action">操作</label>
    <input id="action" name="action" value="{{ACTION}}" maxlength="32" placeholder="如 login_failed">
    <button type="submit">筛选</button>
  </form>
  <table class="list">
    <thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>详情</th><th>地址</th></tr></thead>
    <tbody>
{{#ENTRY}}
      <tr><td data-label="时间">{{AT}}</td><td data-label="操作人">{{ACTOR}}</td><td data-label="操作">{{ACTION}}</td><td data-label="对象">{{TARGET}}</td><td data-label="详情">{{DETAIL}}</td><td data-label="地址">{{IP}}</td></tr>
{{/ENTRY}}
    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">没有记录。</p>
{{/EMPTY}}
</section>
