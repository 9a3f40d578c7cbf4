{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <h1>退换货申请已提交</h1>
  <p>您的退换货单号是：</p>
  <p class="big-no" id="public-no">{{NO}}</p>
{{#ANSWER_DUE}}  <p class="notice" id="answer-due">我们会在 <strong>{{AT}}</strong> 前受理并与您联系（按工作时间计算）。</p>
{{/ANSWER_DUE}}  <p>请记下单号。我们会在规定的工作时间内审核并与您联系；凭单号和申请时填写的手机号可随时查询处理进度。</p>
  <p><a class="button primary" href="/track?no={{NO:u}}">查询进度</a> <a class="button" href="/">返回首页</a></p>
</section>
