{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>客户资料</h1>
  <form method="get" action="/staff/customers" class="filters">
    <div>
      <label for="q">电话或姓名</label>
      <input id="q" name="q" value="{{Q}}" maxlength="64" placeholder="完整电话号码，或姓名开头">
    </div>
    <button type="submit" class="primary">查找</button>
  </form>
  <p class="hint">输入完整的手机号或固定电话可精确查找；输入姓名则按开头匹配；不填写时列出最近更新的客户。列表中的电话已部分隐藏，打开客户资料可查看完整号码。</p>
  <h2>{{HEADING}}</h2>
  <table class="list">
    <thead><tr><th>编号</th><th>姓名</th><th>电话</th><th>最近更新</th></tr></thead>
    <tbody>
{{#CUSTOMER}}
      <tr><td data-label="编号">#{{ID}}</td>
        <td data-label="姓名"><a href="/staff/customers/{{ID}}">{{NAME}}</a>{{#ANONYMISED}} <span class="tag off">已匿名</span>{{/ANONYMISED}}</td>
        <td data-label="电话">{{PHONE}}</td><td data-label="最近更新">{{UPDATED}}</td></tr>
{{/CUSTOMER}}
    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">没有找到匹配的客户。</p>
{{/EMPTY}}
  <div class="filters">
{{#FIRST_PAGE}}    <a class="button" href="/staff/customers">回到第一页</a>
{{/FIRST_PAGE}}
{{#NEXT_PAGE}}    <form method="get" action="/staff/customers" class="inline">
      <input type="hidden" name="q" value="{{Q}}">
      <input type="hidden" name="before" value="{{BEFORE}}">
      <button type="submit">下一页</button>
    </form>
{{/NEXT_PAGE}}
  </div>
</section>
