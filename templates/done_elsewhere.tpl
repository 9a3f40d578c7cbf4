{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow" id="done-elsewhere">
  <h1>进度查询</h1>
  <p>提交后的确认页只在提交申请的浏览器中显示。</p>
  <p>如需查看处理进度，请在进度查询中输入单号和提交时填写的手机号。</p>
  <p><a class="button primary" href="/track?no={{NO:u}}">查询进度</a> <a class="button" href="/">返回首页</a></p>
</section>
