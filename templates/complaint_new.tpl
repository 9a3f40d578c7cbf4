{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <p><a href="/staff/complaints">← 投诉</a></p>
  <h1>登记投诉（电话）</h1>
  <p class="hint">填写投诉涉及的维修单号或退换货单号；与具体单据无关时填写客户编号。登记后由主管受理，首次响应和处理都有时限。</p>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
  <form method="post" action="/staff/complaints/new" class="form" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="no">维修单号 / 退换货单号</label>
    <input id="no" name="no" value="{{no}}" maxlength="24" placeholder="R20260101-0001 或 T20260101-0001"{{#no_INVALID}} aria-invalid="true"{{/no_INVALID}}>
    <span class="err">{{no_error}}</span>
    <label for="customer_id">或客户编号</label>
    <input id="customer_id" name="customer_id" value="{{customer_id}}" maxlength="18" inputmode="numeric"{{#customer_id_INVALID}} aria-invalid="true"{{/customer_id_INVALID}}>
    <span class="err">{{customer_id_error}}</span>
    <label for="description">投诉内容 *</label>
    <textarea id="description" name="description" maxlength="2000" required placeholder="客户反映的问题、诉求"{{#description_INVALID}} aria-invalid="true"{{/description_INVALID}}>{{description}}</textarea>
    <span class="err">{{description_error}}</span>
    <button type="submit" class="primary">登记投诉</button>
  </form>
</section>
