{{%AUTOESCAPE context="HTML"}}
<section class="panel error-page" data-status-code="{{STATUS}}">
  <h1>{{HEADING}}</h1>
  <p class="code">错误代码 {{STATUS}}</p>
  <p>{{MESSAGE}}</p>
  <p><a href="/">返回首页</a>{{#STAFF_LINK}} · <a href="/staff">返回工作台</a>{{/STAFF_LINK}}</p>
</section>
