{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <h1>{{#PUBLIC_FORM}}退换货申请{{/PUBLIC_FORM}}{{#STAFF_FORM}}登记退换货（电话 / 柜台）{{/STAFF_FORM}}</h1>
{{#PUBLIC_FORM}}  <p class="hint">请填写以下信息，带 * 的为必填项。提交后您会得到一个退换货单号，凭单号和手机号可随时查询进度。</p>
{{/PUBLIC_FORM}}
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
  <form method="post" action="{{ACTION}}" class="form" novalidate>
{{#PUBLIC_FORM}}    <input type="hidden" name="token" value="{{TOKEN}}">
    <div class="hp" aria-hidden="true"><label for="website">网址（请勿填写）</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
{{/PUBLIC_FORM}}
{{#STAFF_FORM}}    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="channel">受理渠道 *</label>
    <select id="channel" name="channel"{{#channel_INVALID}} aria-invalid="true"{{/channel_INVALID}}>
{{#CHANNEL_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CHANNEL_OPTION}}
    </select>
    <span class="err">{{channel_error}}</span>
{{/STAFF_FORM}}
    <fieldset class="choices">
      <legend>申请类型 *</legend>
{{#KIND_OPTION}}      <label><input type="radio" name="kind" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}{{#kind_INVALID}} aria-invalid="true"{{/kind_INVALID}}> {{LABEL}}</label>
{{/KIND_OPTION}}
    </fieldset>
    <span class="err">{{kind_error}}</span>
    <label for="name">姓名 *</label>
    <input id="name" name="name" value="{{name}}" maxlength="64" autocomplete="name" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
    <span class="err">{{name_error}}</span>
    <label for="phone">联系电话 *</label>
    <input id="phone" name="phone" value="{{phone}}" maxlength="24" inputmode="tel" autocomplete="tel" placeholder="手机号或带区号的座机" required{{#phone_INVALID}} aria-invalid="true"{{/phone_INVALID}}>
    <span class="err">{{phone_error}}</span>
    <label for="order_no">订单号 *</label>
    <input id="order_no" name="order_no" value="{{order_no}}" maxlength="64" autocomplete="off" placeholder="购买凭证或网店订单上的编号" required{{#order_no_INVALID}} aria-invalid="true"{{/order_no_INVALID}}>
    <span class="err">{{order_no_error}}</span>
    <label for="product">产品 *</label>
    <input id="product" name="product" value="{{product}}" maxlength="64" placeholder="如：空调、洗衣机" required{{#product_INVALID}} aria-invalid="true"{{/product_INVALID}}>
    <span class="err">{{product_error}}</span>
    <label for="reason">退换货原因 *</label>
    <textarea id="reason" name="reason" maxlength="2000" required placeholder="请说明产品出现的问题或退换原因"{{#reason_INVALID}} aria-invalid="true"{{/reason_INVALID}}>{{reason}}</textarea>
    <span class="err">{{reason_error}}</span>
    <fieldset class="choices">
      <legend>产品是否有质量问题</legend>
{{#FAULT_OPTION}}      <label><input type="radio" name="has_fault" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}{{#has_fault_INVALID}} aria-invalid="true"{{/has_fault_INVALID}}> {{LABEL}}</label>
{{/FAULT_OPTION}}
    </fieldset>
    <span class="err">{{has_fault_error}}</span>
    <label for="purchase_date">购买日期</label>
    <input id="purchase_date" name="purchase_date" type="date" value="{{purchase_date}}" placeholder="2026-05-01"{{#purchase_date_INVALID}} aria-invalid="true"{{/purchase_date_INVALID}}>
    <span class="err">{{purchase_date_error}}</span>
    <fieldset class="choices">
      <legend>购买渠道</legend>
{{#BOUGHT_OPTION}}      <label><input type="radio" name="bought_online" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}{{#bought_online_INVALID}} aria-invalid="true"{{/bought_online_INVALID}}> {{LABEL}}</label>
{{/BOUGHT_OPTION}}
    </fieldset>
    <span class="err">{{bought_online_error}}</span>
    <label for="amount_paid">实付金额（元）</label>
    <input id="amount_paid" name="amount_paid" value="{{amount_paid}}" maxlength="20" inputmode="decimal" placeholder="如 1299 或 1,299.50"{{#amount_paid_INVALID}} aria-invalid="true"{{/amount_paid_INVALID}}>
    <span class="err">{{amount_paid_error}}</span>
    <label for="serial_no">序列号</label>
    <input id="serial_no" name="serial_no" value="{{serial_no}}" maxlength="64" placeholder="机身铭牌上的 S/N"{{#serial_no_INVALID}} aria-invalid="true"{{/serial_no_INVALID}}>
    <span class="err">{{serial_no_error}}</span>
    <label for="repair_no">此前的维修单号</label>
    <input id="repair_no" name="repair_no" value="{{repair_no}}" maxlength="24" autocapitalize="characters" placeholder="维修后仍有问题时填写，如 R20261126-0007"{{#repair_no_INVALID}} aria-invalid="true"{{/repair_no_INVALID}}>
    <span class="err">{{repair_no_error}}</span>
    <label for="address">取件地址</label>
    <input id="address" name="address" value="{{address}}" maxlength="255" autocomplete="street-address" placeholder="需要上门取件时填写"{{#address_INVALID}} aria-invalid="true"{{/address_INVALID}}>
    <span class="err">{{address_error}}</span>
    <button type="submit" class="primary">提交申请</button>
  </form>
</section>
