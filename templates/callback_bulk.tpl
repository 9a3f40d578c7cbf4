{{%AUTOESCAPE context="HTML"}}
<section class="panel narrow">
  <p><a href="/staff/callbacks">← 回访</a></p>
  <h1>定期回访（批量安排）</h1>
{{#CREATED}}  <p class="notice" id="bulk-created">已安排 <strong>{{COUNT}}</strong> 个回访。</p>
{{/CREATED}}  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
  <p class="hint">为维修已完成的客户各安排一个回访（关于其最近一张符合条件的维修单）。已有未完成回访、或在所填天数内已回访过的客户不会重复安排；电话已标记有误的客户不安排。一次最多 5000 个。</p>
  <form method="post" action="/staff/callbacks/bulk" class="form" id="bulk-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="product">产品（与维修单上的产品名称一致）</label>
    <input id="product" name="product" value="{{product}}" maxlength="64"{{#product_INVALID}} aria-invalid="true"{{/product_INVALID}}>
    <span class="err">{{product_error}}</span>
    <label for="from">完工日期从</label>
    <input id="from" name="from" type="date" value="{{from}}"{{#from_INVALID}} aria-invalid="true"{{/from_INVALID}}>
    <span class="err">{{from_error}}</span>
    <label for="to">到</label>
    <input id="to" name="to" type="date" value="{{to}}"{{#to_INVALID}} aria-invalid="true"{{/to_INVALID}}>
    <span class="err">{{to_error}}</span>
    <label for="days">多少天内未回访过</label>
    <input id="days" name="days" inputmode="numeric" value="{{days}}" maxlength="4"{{#days_INVALID}} aria-invalid="true"{{/days_INVALID}}>
    <span class="err">{{days_error}}</span>
    <label for="due_date">回访日期（当天上班时起）</label>
    <input id="due_date" name="due_date" type="date" value="{{due_date}}"{{#due_date_INVALID}} aria-invalid="true"{{/due_date_INVALID}}>
    <span class="err">{{due_date_error}}</span>
    <button type="submit">预览人数</button>
  </form>
{{#PREVIEW}}  <div id="bulk-preview">
    <p>符合条件的客户：<strong id="bulk-count">{{COUNT}}</strong> 位。</p>
{{#CAN_CREATE}}    <form method="post" action="/staff/callbacks/bulk" class="form">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="product" value="{{product}}"><input type="hidden" name="from" value="{{from}}">
      <input type="hidden" name="to" value="{{to}}"><input type="hidden" name="days" value="{{days}}">
      <input type="hidden" name="due_date" value="{{due_date}}"><input type="hidden" name="confirm" value="1">
      <button type="submit" class="primary">为这 {{COUNT}} 位客户安排回访</button>
    </form>
{{/CAN_CREATE}}  </div>
{{/PREVIEW}}
</section>
