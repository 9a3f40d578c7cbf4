{{%AUTOESCAPE context="HTML"}}
<section class="hero">
  <h1>您好，欢迎使用售后服务</h1>
  <p>产品出现故障或需要退换货，请在线提交申请，我们会尽快受理并与您联系。</p>
</section>
<div class="cards">
  <a class="card" href="/repair/new"><h2>我要报修</h2><p>产品故障、上门维修预约</p></a>
  <a class="card" href="/return/new"><h2>退换货 / 退款</h2><p>退货、换货或退款申请</p></a>
  <a class="card" href="/track"><h2>进度查询</h2><p>凭单号和手机号查询处理进度</p></a>
</div>
