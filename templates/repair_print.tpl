{{%AUTOESCAPE context="HTML"}}
<link rel="stylesheet" href="{{STATIC}}/print.css">
<div class="print-hint no-print">
  <p>这是可打印的维修单。请使用浏览器的打印功能（Ctrl+P，Mac 上为 ⌘+P）打印，打印时页眉页脚和本提示不会出现。</p>
  <p><a href="/staff/repairs/{{ID}}">← 返回工单</a></p>
</div>
<article class="wo" id="work-order" data-status="{{STATUS}}">
  <header class="wo-head">
    <div class="wo-title">
      <p class="wo-site">{{SITE_NAME}}</p>
      <h1>维修单</h1>
      <p class="wo-no">单号 <strong>{{NO}}</strong></p>
      <p class="wo-state">状态 <span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span> · 优先级 {{PRIORITY_LABEL}} · {{CHANNEL_LABEL}}</p>
    </div>
{{#QR}}    <figure class="wo-qr">
      <table class="qr" aria-label="进度查询二维码">
{{#QR_ROW}}<tr>{{#CELL}}<td{{#DARK}} class="d"{{/DARK}}></td>{{/CELL}}</tr>
{{/QR_ROW}}      </table>
      <figcaption>扫码查询维修进度<br>（需输入报修电话）</figcaption>
    </figure>
{{/QR}}  </header>
  <p class="wo-url">进度查询：{{TRACK_URL}}</p>
{{#CANCELLED}}  <p class="wo-cancelled">本工单已取消：{{REASON}}</p>
{{/CANCELLED}}
  <h2>客户信息</h2>
  <table class="wo-grid">
    <colgroup><col class="k"><col><col class="k"><col></colgroup>
    <tr><th>客户姓名</th><td>{{NAME}}</td><th>联系电话</th><td class="phone">{{PHONE}}</td></tr>
    <tr><th>地址</th><td colspan="3">{{ADDRESS}}</td></tr>
  </table>

  <h2>产品信息</h2>
  <table class="wo-grid">
    <colgroup><col class="k"><col><col class="k"><col></colgroup>
    <tr><th>产品</th><td>{{PRODUCT}}</td><th>型号</th><td>{{MODEL}}</td></tr>
    <tr><th>序列号</th><td>{{SERIAL}}</td><th>购买日期</th><td>{{PURCHASE_DATE}}</td></tr>
    <tr><th>保修状态</th><td colspan="3" class="warranty">{{WARRANTY}}</td></tr>
  </table>

  <h2>报修内容</h2>
  <table class="wo-grid">
    <colgroup><col class="k"><col><col class="k"><col></colgroup>
    <tr><th>故障描述</th><td colspan="3" class="pre">{{FAULT}}</td></tr>
    <tr><th>期望上门时间</th><td>{{PREFERRED}}</td><th>预约上门</th><td>{{VISIT}}</td></tr>
    <tr><th>报修时间</th><td>{{CREATED}}</td><th>处理时限</th><td>{{DUE}}</td></tr>
    <tr><th>维修人员</th><td>{{ASSIGNEE}}</td><th>完成时间</th><td>{{RESOLVED}}</td></tr>
  </table>

  <h2>维修记录</h2>
  <table class="wo-grid">
    <colgroup><col class="k"><col><col class="k"><col></colgroup>
    <tr><th>维修结果</th><td colspan="3" class="pre tall">{{RESULT}}</td></tr>
    <tr><th>使用配件</th><td colspan="3" class="pre tall">{{PARTS}}</td></tr>
    <tr><th>工时</th><td>{{LABOUR_MINUTES}}</td><th>保修期内维修</th>
      <td>{{#WARRANTY_REPAIR_YES}}是（保修免费）{{/WARRANTY_REPAIR_YES}}{{#WARRANTY_REPAIR_NO}}否（收费维修）{{/WARRANTY_REPAIR_NO}}{{#WARRANTY_REPAIR_UNKNOWN}}□ 是　□ 否{{/WARRANTY_REPAIR_UNKNOWN}}</td></tr>
  </table>

  <h2>费用（元）</h2>
  <table class="wo-grid money">
    <colgroup><col class="k"><col><col class="k"><col></colgroup>
    <tr><th>人工费</th><td>{{LABOUR_COST}}</td><th>配件费</th><td>{{PARTS_COST}}</td></tr>
    <tr><th>合计</th><td colspan="3"><strong>{{TOTAL_COST}}</strong></td></tr>
  </table>

  <h2>确认签字</h2>
  <table class="wo-grid wo-sign">
    <colgroup><col class="k"><col><col class="k"><col></colgroup>
    <tr><th>客户签字</th><td></td><th>日期</th><td></td></tr>
    <tr><th>维修人员签字</th><td></td><th>日期</th><td></td></tr>
  </table>
  <p class="wo-note">客户签字即确认以上维修内容与费用。结单日期：{{CLOSED}}　打印时间：{{PRINTED}}</p>
</article>
