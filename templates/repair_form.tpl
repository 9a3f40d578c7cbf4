{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <h1>{{#PUBLIC_FORM}}在线报修{{/PUBLIC_FORM}}{{#STAFF_FORM}}登记报修（电话 / 柜台）{{/STAFF_FORM}}</h1>
{{#PUBLIC_FORM}}  <p class="hint">请填写以下信息，带 * 的为必填项。提交后您会得到一个报修单号，凭单号和手机号可随时查询进度。</p>
{{/PUBLIC_FORM}}
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
  <form method="post" action="{{ACTION}}" class="form" novalidate>
{{#PUBLIC_FORM}}    <input type="hidden" name="token" value="{{TOKEN}}">
    <div class="hp" aria-hidden="true"><label for="website">网址（请勿填写）</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
{{/PUBLIC_FORM}}
{{#STAFF_FORM}}    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="channel">报修渠道 *</label>
    <select id="channel" name="channel"{{#channel_INVALID}} aria-invalid="true"{{/channel_INVALID}}>
{{#CHANNEL_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CHANNEL_OPTION}}
    </select>
    <span class="err">{{channel_error}}</span>
{{/STAFF_FORM}}
    <label for="name">姓名 *</label>
    <input id="name" name="name" value="{{name}}" maxlength="64" autocomplete="name" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
    <span class="err">{{name_error}}</span>
    <label for="phone">联系电话 *</label>
    <input id="phone" name="phone" value="{{phone}}" maxlength="24" inputmode="tel" autocomplete="tel" placeholder="手机号或带区号的座机" required{{#phone_INVALID}} aria-invalid="true"{{/phone_INVALID}}>
    <span class="err">{{phone_error}}</span>
    <label for="email">电子邮箱</label>
    <input id="email" name="email" value="{{email}}" maxlength="128" inputmode="email" autocomplete="email"{{#email_INVALID}} aria-invalid="true"{{/email_INVALID}}>
    <span class="err">{{email_error}}</span>
    <label for="address">地址 *</label>
    <input id="address" name="address" value="{{address}}" maxlength="255" autocomplete="street-address" placeholder="上门维修的详细地址" required{{#address_INVALID}} aria-invalid="true"{{/address_INVALID}}>
    <span class="err">{{address_error}}</span>
{{#STAFF_FORM}}    <label for="product_id">产品（从产品表选择，保修期按所选产品计算）</label>
    <select id="product_id" name="product_id"{{#product_id_INVALID}} aria-invalid="true"{{/product_id_INVALID}}><option value="">（未选：按下面填写的名称）</option>
{{#PRODUCT_OPTION}}      <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRODUCT_OPTION}}    </select>
    <span class="err">{{product_id_error}}</span>
    <label for="product">产品名称（未选产品时必填）</label>
    <input id="product" name="product" value="{{product}}" maxlength="64" placeholder="如：空调、洗衣机"{{#product_INVALID}} aria-invalid="true"{{/product_INVALID}}>
{{/STAFF_FORM}}{{#PUBLIC_FORM}}    <label for="product">产品 *</label>
    <input id="product" name="product" value="{{product}}" maxlength="64" placeholder="如：空调、洗衣机" required{{#product_INVALID}} aria-invalid="true"{{/product_INVALID}}>
{{/PUBLIC_FORM}}    <span class="err">{{product_error}}</span>
    <label for="model">型号</label>
    <input id="model" name="model" value="{{model}}" maxlength="64"{{#model_INVALID}} aria-invalid="true"{{/model_INVALID}}>
    <span class="err">{{model_error}}</span>
    <label for="serial_no">序列号</label>
    <input id="serial_no" name="serial_no" value="{{serial_no}}" maxlength="64" placeholder="机身铭牌上的 S/N"{{#serial_no_INVALID}} aria-invalid="true"{{/serial_no_INVALID}}>
    <span class="err">{{serial_no_error}}</span>
    <label for="purchase_date">购买日期</label>
    <input id="purchase_date" name="purchase_date" type="date" value="{{purchase_date}}" placeholder="2026-05-01"{{#purchase_date_INVALID}} aria-invalid="true"{{/purchase_date_INVALID}}>
    <span class="err">{{purchase_date_error}}</span>
    <label for="fault">故障描述 *</label>
    <textarea id="fault" name="fault" maxlength="2000" required placeholder="请描述故障现象、出现时间等"{{#fault_INVALID}} aria-invalid="true"{{/fault_INVALID}}>{{fault}}</textarea>
    <span class="err">{{fault_error}}</span>
    <label for="preferred_time">期望上门时间</label>
    <input id="preferred_time" name="preferred_time" value="{{preferred_time}}" maxlength="64" placeholder="如：周六上午"{{#preferred_time_INVALID}} aria-invalid="true"{{/preferred_time_INVALID}}>
    <span class="err">{{preferred_time_error}}</span>
    <button type="submit" class="primary">提交报修</button>
  </form>
</section>
