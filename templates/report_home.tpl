{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="reports">
  <h1>报表</h1>
  <ul class="list" id="report-links">
{{#DAILY}}    <li><a href="/staff/reports/daily">每日核对</a> — 每天的受理、完成与未结，按渠道核对并签字确认</li>
{{/DAILY}}    <li><a href="/staff/reports/repairs">维修报表</a> — 按产品、故障分类、渠道、技术员统计一段时间的维修与退换货</li>
    <li><a href="/staff/reports/kpi">员工考核</a> — 每人每月的工作量、及时率与满意度</li>
  </ul>
</section>
