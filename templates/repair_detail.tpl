{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="repair" data-status="{{STATUS}}">
  <p><a href="/staff/repairs">← 维修工单</a></p>
  <div class="head-row">
    <h1>工单 {{NO}} <span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></h1>
    <a class="button" href="/staff/repairs/{{ID}}/print">打印维修单</a>
  </div>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
{{#SLA}}  <p class="sla">{{SLA_LABEL}}：{{DUE}} · <strong>{{STATE}}</strong>{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</p>
{{/SLA}}
  <dl class="fields">
    <dt>客户</dt><dd>{{NAME}}{{#CUSTOMER_LINK}} · <a href="/staff/customers/{{CUSTOMER_ID}}">客户资料</a> · <a href="/staff/complaints/new?no={{NO:u}}" class="complaint-new">登记投诉</a>{{/CUSTOMER_LINK}}</dd>
    <dt>电话</dt><dd class="phone">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</dd>
{{#CONTACT_HIDDEN}}    <dt>联系方式</dt><dd class="hint" id="contact-hidden">工单已结束，联系方式不再显示。</dd>
{{/CONTACT_HIDDEN}}{{#EMAIL}}    <dt>邮箱</dt><dd>{{EMAIL}}</dd>
{{/EMAIL}}{{#ADDRESS}}    <dt>地址</dt><dd>{{ADDRESS}} <a class="map" href="https://uri.amap.com/search?keyword={{ADDRESS:u}}" target="_blank" rel="noopener noreferrer">地图</a></dd>
{{/ADDRESS}}    <dt>产品</dt><dd>{{PRODUCT}} {{MODEL}}</dd>
{{#SERIAL}}    <dt>序列号</dt><dd>{{SERIAL}}</dd>
{{/SERIAL}}{{#PURCHASE_DATE}}    <dt>购买日期</dt><dd>{{PURCHASE_DATE}}</dd>
{{/PURCHASE_DATE}}    <dt>保修</dt><dd>{{WARRANTY}}</dd>
{{#FAULT}}    <dt>故障描述</dt><dd class="pre">{{FAULT}}</dd>
{{/FAULT}}{{#PREFERRED}}    <dt>期望上门</dt><dd>{{PREFERRED}}</dd>
{{/PREFERRED}}    <dt>渠道</dt><dd>{{CHANNEL_LABEL}}</dd>
{{#FROM_RETURN}}    <dt>来自退换货</dt><dd><a href="/staff/returns/{{RETURN_ID}}" id="from-return">{{RETURN_NO}}</a></dd>
{{/FROM_RETURN}}    <dt>优先级</dt><dd>{{PRIORITY_LABEL}}</dd>
{{#ASSIGNEE}}    <dt>维修人员</dt><dd>{{ASSIGNEE}}</dd>
{{/ASSIGNEE}}{{#VISIT}}    <dt>上门时间</dt><dd>{{VISIT}}</dd>
{{/VISIT}}{{#RESULT}}    <dt>维修结果</dt><dd class="pre">{{RESULT}}</dd>
{{/RESULT}}{{#PARTS}}    <dt>使用配件</dt><dd>{{PARTS}}</dd>
{{/PARTS}}{{#COSTS}}    <dt>人工费 / 配件费</dt><dd>{{LABOUR_COST}} / {{PARTS_COST}}</dd>
{{/COSTS}}{{#WARRANTY_REPAIR}}    <dt>保修期内维修</dt><dd>{{WARRANTY_REPAIR}}</dd>
{{/WARRANTY_REPAIR}}{{#LABOUR_MINUTES}}    <dt>累计工时</dt><dd>{{LABOUR_MINUTES}}</dd>
{{/LABOUR_MINUTES}}{{#CANCEL_REASON}}    <dt>取消原因</dt><dd>{{CANCEL_REASON}}</dd>
{{/CANCEL_REASON}}    <dt>提交 / 更新</dt><dd>{{CREATED}} / {{UPDATED}}</dd>
  </dl>
{{#CONTACT_DIFF}}  <form method="post" action="/staff/repairs/{{ID}}/contact" class="form contact-diff" id="contact-diff">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="customer_version" value="{{CUSTOMER_VERSION}}">
    <p>报修单上的联系信息与客户资料不同。报修单不会自动改动客户资料，请核实后选择要采用的内容：</p>
    <table>
      <thead><tr><th>采用</th><th>项目</th><th>报修单上</th><th>客户资料中</th></tr></thead>
      <tbody>
{{#DIFF_ROW}}        <tr data-field="{{FIELD}}"><td><input type="checkbox" name="take_{{FIELD}}" value="1" aria-label="采用{{LABEL}}"></td><td>{{LABEL}}</td><td>{{ON_REQUEST}}</td><td>{{IN_RECORD}}</td></tr>
{{/DIFF_ROW}}      </tbody>
    </table>
    <button type="submit">更新客户资料</button>
  </form>
{{/CONTACT_DIFF}}</section>

<section class="panel actions" id="actions">
  <h2>操作</h2>
{{#CAN_accept}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="accept">
    <label for="priority">优先级（决定处理时限）</label>
    <select id="priority" name="priority"{{#priority_INVALID}} aria-invalid="true"{{/priority_INVALID}}>
{{#PRIORITY_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRIORITY_OPTION}}    </select>
    <span class="err">{{priority_error}}</span>
    <button type="submit" class="primary">受理</button>
  </form>
{{/CAN_accept}}
{{#CAN_assign}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="assign">
    <label for="assignee_id">维修人员</label>
    <select id="assignee_id" name="assignee_id"{{#assignee_id_INVALID}} aria-invalid="true"{{/assignee_id_INVALID}}>
{{#TECHNICIAN_OPTION}}      <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TECHNICIAN_OPTION}}    </select>
    <span class="err">{{assignee_id_error}}</span>
    <label for="visit_at">预约上门时间</label>
    <input id="visit_at" name="visit_at" type="datetime-local" value="{{visit_at}}"{{#visit_at_INVALID}} aria-invalid="true"{{/visit_at_INVALID}}>
    <span class="err">{{visit_at_error}}</span>
    <div class="check"><label><input type="checkbox" name="visit_exception" value="1"{{#VISIT_EXCEPTION_CHECKED}} checked{{/VISIT_EXCEPTION_CHECKED}}> 例外：确认安排在过去或非工作时间上门（记入处理记录）</label></div>
    <button type="submit" class="primary">派工</button>
  </form>
{{/CAN_assign}}
{{#CAN_start}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="start">
    <button type="submit" class="primary">开始维修</button>
  </form>
{{/CAN_start}}
{{#CAN_wait_parts}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="wait_parts">
    <label for="wait_parts_note">等待的配件（时限计时暂停）</label>
    <input id="wait_parts_note" name="note" maxlength="500" value="{{note}}"{{#wait_parts_note_INVALID}} aria-invalid="true"{{/wait_parts_note_INVALID}}>
    <span class="err">{{wait_parts_note_error}}</span>
    <button type="submit">等待配件</button>
  </form>
{{/CAN_wait_parts}}
{{#CAN_resume}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="resume">
    <button type="submit" class="primary">配件已到，继续维修</button>
  </form>
{{/CAN_resume}}
{{#CAN_resolve}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="resolve">
    <label for="result">维修结果</label>
    <textarea id="result" name="result" maxlength="2000"{{#result_INVALID}} aria-invalid="true"{{/result_INVALID}}>{{result}}</textarea>
    <span class="err">{{result_error}}</span>
    <label for="parts_used">使用配件</label>
    <input id="parts_used" name="parts_used" maxlength="1000" value="{{parts_used}}"{{#parts_used_INVALID}} aria-invalid="true"{{/parts_used_INVALID}}>
    <span class="err">{{parts_used_error}}</span>
    <label for="labour_cost">人工费（元）</label>
    <input id="labour_cost" name="labour_cost" inputmode="decimal" value="{{labour_cost}}"{{#labour_cost_INVALID}} aria-invalid="true"{{/labour_cost_INVALID}}>
    <span class="err">{{labour_cost_error}}</span>
    <label for="parts_cost">配件费（元）</label>
    <input id="parts_cost" name="parts_cost" inputmode="decimal" value="{{parts_cost}}"{{#parts_cost_INVALID}} aria-invalid="true"{{/parts_cost_INVALID}}>
    <span class="err">{{parts_cost_error}}</span>
    <label for="warranty_repair">保修期内维修</label>
    <select id="warranty_repair" name="warranty_repair"{{#warranty_repair_INVALID}} aria-invalid="true"{{/warranty_repair_INVALID}}>{{#WARRANTY_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/WARRANTY_OPTION}}</select>
    <span class="err">{{warranty_repair_error}}</span>
    <label class="check"><input type="checkbox" id="confirm_warranty_charge" name="confirm_warranty_charge" value="1"{{#KEPT_confirm_warranty_charge}} checked{{/KEPT_confirm_warranty_charge}}> 确认保修单收取费用（保修期内维修又填写了费用时必须勾选）</label>
    <label for="fault_category_id">故障分类</label>
    <select id="fault_category_id" name="fault_category_id"{{#fault_category_id_INVALID}} aria-invalid="true"{{/fault_category_id_INVALID}}><option value="">请选择</option>{{#FAULT_CATEGORY}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FAULT_CATEGORY}}</select>
    <span class="err">{{fault_category_id_error}}</span>
    <button type="submit" class="primary">维修完成</button>
  </form>
{{/CAN_resolve}}
{{#CAN_close}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="close">
    <button type="submit" class="primary">结单</button>
  </form>
{{/CAN_close}}
{{#CAN_labour}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="labour">
    <label for="minutes">今日工时（分钟）</label>
    <input id="minutes" name="minutes" inputmode="numeric" value="{{minutes}}"{{#minutes_INVALID}} aria-invalid="true"{{/minutes_INVALID}}>
    <span class="err">{{minutes_error}}</span>
    <label for="labour_note">工作内容</label>
    <input id="labour_note" name="note" maxlength="255" value="{{note}}"{{#labour_note_INVALID}} aria-invalid="true"{{/labour_note_INVALID}}>
    <span class="err">{{labour_note_error}}</span>
    <button type="submit">登记工时</button>
  </form>
{{/CAN_labour}}
{{#CAN_cancel}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="cancel">
    <label for="cancel_reason">取消原因</label>
    <input id="cancel_reason" name="reason" maxlength="500" value="{{reason}}"{{#cancel_reason_INVALID}} aria-invalid="true"{{/cancel_reason_INVALID}}>
    <span class="err">{{cancel_reason_error}}</span>
    <button type="submit" class="danger">取消工单</button>
  </form>
{{/CAN_cancel}}
{{#CAN_note}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="note">
    <label for="internal_note">内部备注（客户看不到）</label>
    <textarea id="internal_note" name="note" maxlength="2000"{{#internal_note_INVALID}} aria-invalid="true"{{/internal_note_INVALID}}>{{note}}</textarea>
    <span class="err">{{internal_note_error}}</span>
    <button type="submit">添加备注</button>
  </form>
{{/CAN_note}}
{{#CAN_product_fix}}  <form method="post" action="/staff/repairs/{{ID}}/action" class="form action" id="product-fix">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="product_fix">
    <h3>更正产品信息（保修期按所选产品和购买日期重新计算）</h3>
    <label for="fix_product_id">产品</label>
    <select id="fix_product_id" name="product_id"><option value="">（未选：按填写的名称）</option>
{{#PRODUCT_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRODUCT_OPTION}}    </select>
    <label for="fix_product">产品名称（未选产品时必填）</label>
    <input id="fix_product" name="product" maxlength="64" value="{{product}}">
    <label for="fix_model">型号</label>
    <input id="fix_model" name="model" maxlength="64" value="{{model}}">
    <label for="fix_serial_no">序列号</label>
    <input id="fix_serial_no" name="serial_no" maxlength="64" value="{{serial_no}}">
    <label for="fix_purchase_date">购买日期</label>
    <input id="fix_purchase_date" name="purchase_date" type="date" value="{{purchase_date}}">
    <button type="submit">保存更正</button>
  </form>
{{/CAN_product_fix}}
</section>

<section class="panel">
{{#HAS_LABOUR}}  <h2>工时记录</h2>
  <table class="list" id="labour"><thead><tr><th>日期</th><th>人员</th><th>分钟</th><th>内容</th></tr></thead><tbody>
{{#LABOUR}}    <tr><td data-label="日期">{{DATE}}</td><td data-label="人员">{{WHO}}</td><td data-label="分钟">{{MINUTES}}</td><td data-label="内容">{{NOTE}}</td></tr>
{{/LABOUR}}  </tbody></table>
{{/HAS_LABOUR}}  <h2>处理记录</h2>
  <ol class="timeline">
{{#EVENT}}    <li><span class="at">{{AT}}</span> <strong>{{ACTOR}}</strong> {{ACTION_LABEL}}{{#TRANSITION}}（{{FROM}} → {{TO}}）{{/TRANSITION}}<div class="pre">{{NOTE}}</div></li>
{{/EVENT}}  </ol>
</section>
