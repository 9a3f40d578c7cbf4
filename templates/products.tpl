{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>产品与保修期</h1>
{{>FORM_ERRORS}}
  <p class="hint">报修时的保修截止日期按“购买日期 + 该产品的保修月数”计算；不在本表中的产品默认保修 12 个月。保修月数为 0 表示不提供保修。停用表示该产品不再在售，记录仍然保留。</p>
  <table class="list">
    <thead><tr><th>产品</th><th>品类</th><th>品牌</th><th>型号</th><th>保修期</th><th>状态</th>{{#EDITOR}}<th>修改</th>{{/EDITOR}}</tr></thead>
    <tbody>
{{#PRODUCT}}
      <tr><td data-label="产品">{{NAME}}</td><td data-label="类别">{{CATEGORY}}</td><td data-label="品牌">{{BRAND}}</td><td data-label="型号">{{MODEL}}</td><td data-label="保修期">{{MONTHS}} 个月</td>
        <td data-label="状态">{{#ACTIVE}}<span class="tag ok">在售</span>{{/ACTIVE}}{{#INACTIVE}}<span class="tag off">已停用</span>{{/INACTIVE}}</td>
{{#EDIT}}
        <td data-label="修改">
          <form method="post" action="/staff/products/{{ID}}" class="filters">
            <input type="hidden" name="csrf" value="{{CSRF}}">
            <div>
              <label for="name-{{ID}}">名称</label>
              <input id="name-{{ID}}" name="name" value="{{name}}" maxlength="64" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
              <span class="err">{{name_error}}</span>
            </div>
            <div>
              <label for="category-{{ID}}">品类</label>
              <input id="category-{{ID}}" name="category" value="{{category}}" maxlength="32" size="8">
              <span class="err">{{category_error}}</span>
            </div>
            <div>
              <label for="brand-{{ID}}">品牌</label>
              <input id="brand-{{ID}}" name="brand" value="{{brand}}" maxlength="32" size="8">
              <span class="err">{{brand_error}}</span>
            </div>
            <div>
              <label for="model-{{ID}}">型号</label>
              <input id="model-{{ID}}" name="model" value="{{model}}" maxlength="64" size="12">
              <span class="err">{{model_error}}</span>
            </div>
            <div>
              <label for="months-{{ID}}">保修月数</label>
              <input id="months-{{ID}}" name="warranty_months" value="{{warranty_months}}" inputmode="numeric" maxlength="3" size="4" required{{#warranty_months_INVALID}} aria-invalid="true"{{/warranty_months_INVALID}}>
              <span class="err">{{warranty_months_error}}</span>
            </div>
            <div>
              <label for="active-{{ID}}">状态</label>
              <select id="active-{{ID}}" name="active"{{#active_INVALID}} aria-invalid="true"{{/active_INVALID}}>
                <option value="1"{{#ON_SELECTED}} selected{{/ON_SELECTED}}>在售</option>
                <option value="0"{{#OFF_SELECTED}} selected{{/OFF_SELECTED}}>停用</option>
              </select>
              <span class="err">{{active_error}}</span>
            </div>
            <button type="submit">保存</button>
          </form>
        </td>
{{/EDIT}}
      </tr>
{{/PRODUCT}}
    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">还没有登记产品，所有产品按默认 12 个月保修。</p>
{{/EMPTY}}
</section>
{{#ADD}}
<section class="panel narrow">
  <h2>新增产品</h2>
  <form method="post" action="/staff/products" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="name">产品名称</label>
    <input id="name" name="name" value="{{name}}" maxlength="64" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
    <span class="err">{{name_error}}</span>
    <label for="category">品类</label>
    <input id="category" name="category" value="{{category}}" maxlength="32" placeholder="如：空调">
    <span class="err">{{category_error}}</span>
    <label for="brand">品牌</label>
    <input id="brand" name="brand" value="{{brand}}" maxlength="32" placeholder="如：格力">
    <span class="err">{{brand_error}}</span>
    <label for="model">型号</label>
    <input id="model" name="model" value="{{model}}" maxlength="64" placeholder="如：KFR-35GW">
    <span class="err">{{model_error}}</span>
    <label for="warranty_months">保修月数（0–240）</label>
    <input id="warranty_months" name="warranty_months" value="{{warranty_months}}" inputmode="numeric" maxlength="3" required{{#warranty_months_INVALID}} aria-invalid="true"{{/warranty_months_INVALID}}>
    <span class="err">{{warranty_months_error}}</span>
    <button type="submit" class="primary">新增</button>
  </form>
</section>
{{/ADD}}
