{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="return" data-status="{{STATUS}}">
  <p><a href="/staff/returns">← 退换货</a></p>
  <h1>退换货 {{NO}} <span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span> <span class="tag">{{KIND_LABEL}}</span></h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
{{#SLA}}  <p class="sla">{{SLA_LABEL}}：{{DUE}} · <strong>{{STATE}}</strong>{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</p>
{{/SLA}}
  <dl class="fields">
    <dt>客户</dt><dd>{{NAME}}{{#CUSTOMER_LINK}} · <a href="/staff/customers/{{CUSTOMER_ID}}">客户资料</a> · <a href="/staff/complaints/new?no={{NO:u}}" class="complaint-new">登记投诉</a>{{/CUSTOMER_LINK}}</dd>
    <dt>电话</dt><dd class="phone">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</dd>
{{#HAS_ADDRESS}}    <dt>地址</dt><dd>{{ADDRESS}} <a class="map" href="https://uri.amap.com/search?keyword={{ADDRESS:u}}" target="_blank" rel="noopener noreferrer">地图</a></dd>
{{/HAS_ADDRESS}}{{#ORDER_NO}}    <dt>订单号</dt><dd>{{ORDER_NO}}</dd>
{{/ORDER_NO}}    <dt>产品</dt><dd>{{PRODUCT}}</dd>
{{#HAS_SERIAL}}    <dt>序列号</dt><dd>{{SERIAL}}</dd>
{{/HAS_SERIAL}}    <dt>购买日期</dt><dd>{{PURCHASE_DATE}}</dd>
    <dt>购买渠道</dt><dd>{{ONLINE}}</dd>
{{#PAID}}    <dt>实付金额</dt><dd class="money" id="amount-paid">{{PAID}}</dd>
{{/PAID}}    <dt>申请类型</dt><dd>{{KIND_LABEL}}（{{FAULT}}）</dd>
    <dt>原因</dt><dd class="pre">{{REASON}}</dd>
{{#HAS_REPAIR_NO}}    <dt>此前维修单</dt><dd>{{REPAIR_NO}}</dd>
{{/HAS_REPAIR_NO}}    <dt>渠道</dt><dd>{{CHANNEL_LABEL}}</dd>
{{#DECIDED}}    <dt>审核</dt><dd>{{DECIDED_BY}} {{DECIDED_AT}}{{#DECISION_EXCEPTION}} <span class="tag exception">例外处理</span>{{/DECISION_EXCEPTION}} {{DECISION_NOTE}}</dd>
{{/DECIDED}}{{#RECEIVED}}    <dt>收货</dt><dd>{{RECEIVED_AT}} {{CONDITION}} {{INBOUND}}</dd>
{{/RECEIVED}}{{#INSPECTED}}    <dt>检测</dt><dd>{{INSPECTED_BY}} {{INSPECTED_AT}} {{INSPECTION}} <span class="pre">{{INSPECTION_NOTES}}</span></dd>
{{/INSPECTED}}{{#REFUNDED}}    <dt>退款</dt><dd><span class="money" id="refund-amount">{{REFUND_AMOUNT}}</span> {{REFUND_METHOD}} {{REFUND_REFERENCE}} {{REFUND_NOTE}} {{REFUNDED_AT}}</dd>
{{/REFUNDED}}{{#EXCHANGED}}    <dt>换货</dt><dd>{{REPLACEMENT}} {{REPLACEMENT_SERIAL}} {{OUTBOUND}} {{EXCHANGED_AT}}</dd>
{{/EXCHANGED}}{{#NEW_REPAIR}}    <dt>转维修</dt><dd><a href="/staff/repairs/{{REPAIR_ID}}" id="new-repair">{{REPAIR_NO}}</a></dd>
{{/NEW_REPAIR}}{{#CANCELLED}}    <dt>取消原因</dt><dd>{{CANCEL_REASON}}</dd>
{{/CANCELLED}}    <dt>提交 / 更新 / 完成</dt><dd>{{CREATED}} / {{UPDATED}} / {{CLOSED_AT}}</dd>
  </dl>
</section>

<section class="panel" id="sanbao" data-rule="{{SANBAO_RULE}}">
  <h2>三包判断</h2>
  <p class="verdict"><strong>{{SANBAO_TEXT}}</strong></p>
  <p>按规定可：<span class="allowed">{{SANBAO_ALLOWED}}</span></p>
  <p>计入的保修期内维修：{{SANBAO_REPAIRS}} 次{{#COUNTED_REPAIR}} · <a href="/staff/repairs/{{REPAIR_ID}}">{{REPAIR_NO}}</a>（{{REPAIR_DATE}}）{{/COUNTED_REPAIR}}</p>
</section>

<section class="panel actions" id="actions">
  <h2>操作</h2>
{{#CAN_approve}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="approve">
{{#AGAINST_APPROVE}}    <p class="notice">同意此申请与三包判断不符，属例外处理，须写明理由（记入处理记录）。</p>
    <label for="exception_reason">例外处理的理由</label>
    <textarea id="exception_reason" name="exception_reason" maxlength="500"{{#exception_reason_INVALID}} aria-invalid="true"{{/exception_reason_INVALID}}>{{exception_reason}}</textarea>
    <span class="err">{{exception_reason_error}}</span>
{{/AGAINST_APPROVE}}    <label for="approve_note">备注</label>
    <input id="approve_note" name="note" maxlength="500" value="{{note}}"{{#approve_note_INVALID}} aria-invalid="true"{{/approve_note_INVALID}}>
    <span class="err">{{approve_note_error}}</span>
    <button type="submit" class="primary">同意</button>
  </form>
{{/CAN_approve}}
{{#CAN_reject}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="reject">
{{#AGAINST_REJECT}}    <p class="notice">三包规定支持此申请，拒绝属例外处理，理由将记入处理记录。</p>
{{/AGAINST_REJECT}}    <label for="reject_reason">拒绝理由（客户可见）</label>
    <input id="reject_reason" name="reason" maxlength="200" value="{{reason}}"{{#reject_reason_INVALID}} aria-invalid="true"{{/reject_reason_INVALID}}>
    <span class="err">{{reject_reason_error}}</span>
    <button type="submit" class="danger">拒绝</button>
  </form>
{{/CAN_reject}}
{{#CAN_receive}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="receive">
    <label for="condition">商品状况</label>
    <input id="condition" name="condition" maxlength="500" value="{{condition}}"{{#condition_INVALID}} aria-invalid="true"{{/condition_INVALID}}>
    <span class="err">{{condition_error}}</span>
    <label for="inbound_logistics">寄回物流单号</label>
    <input id="inbound_logistics" name="inbound_logistics" maxlength="64" value="{{inbound_logistics}}"{{#inbound_logistics_INVALID}} aria-invalid="true"{{/inbound_logistics_INVALID}}>
    <span class="err">{{inbound_logistics_error}}</span>
    <button type="submit" class="primary">确认收货</button>
  </form>
{{/CAN_receive}}
{{#CAN_inspect}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="inspect">
    <label for="inspection">检测结果</label>
    <select id="inspection" name="inspection"{{#inspection_INVALID}} aria-invalid="true"{{/inspection_INVALID}}><option value="">请选择</option>
{{#INSPECTION_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/INSPECTION_OPTION}}    </select>
    <span class="err">{{inspection_error}}</span>
    <label for="notes">检测说明</label>
    <textarea id="notes" name="notes" maxlength="2000"{{#notes_INVALID}} aria-invalid="true"{{/notes_INVALID}}>{{notes}}</textarea>
    <span class="err">{{notes_error}}</span>
    <button type="submit" class="primary">登记检测结果</button>
  </form>
{{/CAN_inspect}}
{{#CAN_refund}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="refund">
    <label for="amount">退款金额（元，不超过实付金额）</label>
    <input id="amount" name="amount" inputmode="decimal" value="{{amount}}"{{#amount_INVALID}} aria-invalid="true"{{/amount_INVALID}}>
    <span class="err">{{amount_error}}</span>
    <label for="method">退款方式</label>
    <select id="method" name="method"{{#method_INVALID}} aria-invalid="true"{{/method_INVALID}}>
{{#METHOD_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/METHOD_OPTION}}    </select>
    <span class="err">{{method_error}}</span>
    <label for="reference">交易流水号（现金退款可不填）</label>
    <input id="reference" name="reference" maxlength="64" value="{{reference}}"{{#reference_INVALID}} aria-invalid="true"{{/reference_INVALID}}>
    <span class="err">{{reference_error}}</span>
    <label for="refund_note">部分退款的原因</label>
    <input id="refund_note" name="refund_note" maxlength="500" value="{{refund_note}}"{{#refund_note_INVALID}} aria-invalid="true"{{/refund_note_INVALID}}>
    <span class="err">{{refund_note_error}}</span>
    <button type="submit" class="primary">退款</button>
  </form>
{{/CAN_refund}}
{{#CAN_exchange}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="exchange">
    <label for="replacement_product">换货产品</label>
    <input id="replacement_product" name="replacement_product" maxlength="64" value="{{replacement_product}}"{{#replacement_product_INVALID}} aria-invalid="true"{{/replacement_product_INVALID}}>
    <span class="err">{{replacement_product_error}}</span>
    <label for="replacement_serial">新机序列号</label>
    <input id="replacement_serial" name="replacement_serial" maxlength="64" value="{{replacement_serial}}"{{#replacement_serial_INVALID}} aria-invalid="true"{{/replacement_serial_INVALID}}>
    <span class="err">{{replacement_serial_error}}</span>
    <label for="outbound_logistics">发货物流单号</label>
    <input id="outbound_logistics" name="outbound_logistics" maxlength="64" value="{{outbound_logistics}}"{{#outbound_logistics_INVALID}} aria-invalid="true"{{/outbound_logistics_INVALID}}>
    <span class="err">{{outbound_logistics_error}}</span>
    <button type="submit" class="primary">换货发出</button>
  </form>
{{/CAN_exchange}}
{{#CAN_to_repair}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="to_repair">
    <button type="submit">转为维修工单</button>
  </form>
{{/CAN_to_repair}}
{{#CAN_close}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="close">
    <button type="submit" class="primary">结单</button>
  </form>
{{/CAN_close}}
{{#CAN_cancel}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="cancel">
    <label for="cancel_reason">取消原因</label>
    <input id="cancel_reason" name="reason" maxlength="500" value="{{reason}}"{{#cancel_reason_INVALID}} aria-invalid="true"{{/cancel_reason_INVALID}}>
    <span class="err">{{cancel_reason_error}}</span>
    <button type="submit" class="danger">取消申请</button>
  </form>
{{/CAN_cancel}}
{{#CAN_note}}  <form method="post" action="/staff/returns/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="note">
    <label for="internal_note">内部备注（客户看不到）</label>
    <textarea id="internal_note" name="note" maxlength="2000"{{#internal_note_INVALID}} aria-invalid="true"{{/internal_note_INVALID}}>{{note}}</textarea>
    <span class="err">{{internal_note_error}}</span>
    <button type="submit">添加备注</button>
  </form>
{{/CAN_note}}
</section>

<section class="panel">
  <h2>处理记录</h2>
  <ol class="timeline">
{{#EVENT}}    <li><span class="at">{{AT}}</span> <strong>{{ACTOR}}</strong> {{ACTION_LABEL}}{{#TRANSITION}}（{{FROM}} → {{TO}}）{{/TRANSITION}}<div class="pre">{{NOTE}}</div></li>
{{/EVENT}}  </ol>
</section>
