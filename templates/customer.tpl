{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <p><a href="/staff/customers">← 客户资料</a></p>
  <h1>客户 #{{ID}}{{#RECORD}} {{NAME}}{{/RECORD}}{{#ANONYMISED}} <span class="tag off">已匿名</span>{{/ANONYMISED}}{{#MERGED}} <span class="tag off">已合并</span>{{/MERGED}}</h1>
{{>FORM_ERRORS}}
{{#MERGED}}
  <p class="notice">该记录已合并到 <a href="/staff/customers/{{MERGED_INTO}}">客户 #{{MERGED_INTO}}</a>，其服务记录已转到那里。</p>
{{/MERGED}}
{{#ANONYMISED}}
  <p class="notice">该客户的个人信息已按要求匿名化，记录不能再修改。</p>
{{/ANONYMISED}}
{{#RECORD}}
{{#PHONE_FLAGGED}}  <p class="alert" id="phone-flagged">电话号码有误，请核实更正（回访时发现，{{FLAGGED_AT}}）。保存新的电话号码后此提示消失。</p>
{{/PHONE_FLAGGED}}
  <table class="list">
    <tbody>
      <tr><th>姓名</th><td>{{NAME}}</td></tr>
      <tr><th>电话</th><td>{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</td></tr>
{{#EMAIL}}      <tr><th>电子邮箱</th><td>{{EMAIL}}</td></tr>
{{/EMAIL}}{{#ADDRESS}}      <tr><th>地址</th><td>{{ADDRESS}} <a class="map" href="https://uri.amap.com/search?keyword={{ADDRESS:u}}" target="_blank" rel="noopener noreferrer">地图</a></td></tr>
{{/ADDRESS}}{{#NOTES}}      <tr><th>备注</th><td>{{NOTES}}</td></tr>
{{/NOTES}}      <tr><th>建档时间</th><td>{{CREATED}}</td></tr>
      <tr><th>最近更新</th><td>{{UPDATED}}</td></tr>
    </tbody>
  </table>

  <h2>维修记录</h2>
{{#REPAIRS}}  <table class="list" id="customer-repairs">
    <thead><tr><th>工单号</th><th>产品</th><th>状态</th><th>登记日期</th></tr></thead>
    <tbody>
{{#REPAIR}}
      <tr><td data-label="工单号"><a href="/staff/repairs/{{ID}}">{{PUBLIC_NO}}</a></td><td data-label="产品">{{PRODUCT}}</td>
        <td data-label="状态"><span class="tag" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td><td data-label="登记日期">{{CREATED}}</td></tr>
{{/REPAIR}}
    </tbody>
  </table>
{{/REPAIRS}}{{#NO_REPAIRS}}  <p class="hint">暂无维修记录。</p>
{{/NO_REPAIRS}}
{{#REPAIRS_CUT}}  <p class="hint">仅显示最近的 100 条维修记录。</p>
{{/REPAIRS_CUT}}

  <h2>退换货记录</h2>
{{#RETURNS}}  <table class="list" id="customer-returns">
    <thead><tr><th>申请号</th><th>产品</th><th>类型</th><th>状态</th><th>申请日期</th></tr></thead>
    <tbody>
{{#RETURN}}
      <tr><td data-label="申请号"><a href="/staff/returns/{{ID}}">{{PUBLIC_NO}}</a></td><td data-label="产品">{{PRODUCT}}</td><td data-label="类型">{{KIND_LABEL}}</td>
        <td data-label="状态"><span class="tag" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td><td data-label="申请日期">{{CREATED}}</td></tr>
{{/RETURN}}
    </tbody>
  </table>
{{/RETURNS}}{{#NO_RETURNS}}  <p class="hint">暂无退换货记录。</p>
{{/NO_RETURNS}}
{{#RETURNS_CUT}}  <p class="hint">仅显示最近的 100 条退换货记录。</p>
{{/RETURNS_CUT}}
{{/RECORD}}
</section>

{{#EDIT}}
<section class="panel narrow">
  <h2>修改资料</h2>
  <form method="post" action="/staff/customers/{{ID}}" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <label for="name">姓名</label>
    <input id="name" name="name" value="{{name}}" maxlength="64" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
    <span class="err">{{name_error}}</span>
    <label for="phone">电话（主号码）</label>
    <input id="phone" name="phone" value="{{phone}}" maxlength="32" type="tel" inputmode="tel" required{{#phone_INVALID}} aria-invalid="true"{{/phone_INVALID}}>
    <span class="err">{{phone_error}}</span>
    <label for="email">电子邮箱（选填）</label>
    <input id="email" name="email" value="{{email}}" maxlength="128" type="email"{{#email_INVALID}} aria-invalid="true"{{/email_INVALID}}>
    <span class="err">{{email_error}}</span>
    <label for="address">地址（选填）</label>
    <input id="address" name="address" value="{{address}}" maxlength="255"{{#address_INVALID}} aria-invalid="true"{{/address_INVALID}}>
    <span class="err">{{address_error}}</span>
    <label for="notes">备注（选填，最多 1000 字）</label>
    <textarea id="notes" name="notes" maxlength="1000"{{#notes_INVALID}} aria-invalid="true"{{/notes_INVALID}}>{{notes}}</textarea>
    <span class="err">{{notes_error}}</span>
    <button type="submit" class="primary">保存</button>
  </form>
</section>
{{/EDIT}}
{{#PHONES}}
<section class="panel narrow" id="phones">
  <h2>电话号码</h2>
  <ul class="phones">
{{#PHONE_ROW}}    <li data-phone="{{PHONE}}"><a href="tel:{{PHONE}}">{{PHONE}}</a>{{#PRIMARY}} <span class="tag ok">主号码</span>{{/PRIMARY}}
{{#OTHER}}      <form method="post" action="/staff/customers/{{ID}}/phones" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="phone" value="{{PHONE}}">
        <button type="submit" name="op" value="primary">设为主号码</button>
        <button type="submit" name="op" value="remove" class="danger">删除</button>
      </form>
{{/OTHER}}    </li>
{{/PHONE_ROW}}  </ul>
  <form method="post" action="/staff/customers/{{ID}}/phones" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="op" value="add">
    <label for="new-phone">添加其他号码</label>
    <input id="new-phone" name="phone" maxlength="32" type="tel" inputmode="tel" required>
    <button type="submit">添加号码</button>
  </form>
</section>
{{/PHONES}}

{{#SUPERVISOR}}
<section class="panel narrow">
{{#MERGE}}
  <h2>合并重复记录</h2>
  <p class="hint">同一客户有多条记录时，在这里填写重复记录的客户编号：它的维修和退换货记录会转到本客户名下，重复记录随后清空并标记为已合并。</p>
{{#HAS_SAME_PHONE}}
  <p class="hint">电话相同的其他记录：{{#SAME_PHONE}}<a href="/staff/customers/{{ID}}">#{{ID}}</a> {{/SAME_PHONE}}</p>
{{/HAS_SAME_PHONE}}
  <form method="post" action="/staff/customers/{{ID}}/merge" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="other_id">重复记录的客户编号</label>
    <input id="other_id" name="other_id" value="{{other_id}}" inputmode="numeric" maxlength="20" required{{#other_id_INVALID}} aria-invalid="true"{{/other_id_INVALID}}>
    <span class="err">{{other_id_error}}</span>
    <button type="submit">合并到本客户</button>
  </form>
{{/MERGE}}
{{#ANONYMISE}}
  <h2>匿名化</h2>
  <p class="hint">客户要求删除个人信息时使用：姓名改为“已匿名客户”，电话、邮箱、地址、备注清空，该客户所有维修工单和退换货申请上的联系人、电话和地址也一并清除（订单号保留）。记录本身保留，此操作不能撤销。</p>
  <form method="post" action="/staff/customers/{{ID}}/anonymise" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit" class="danger">匿名化该客户</button>
  </form>
{{/ANONYMISE}}
{{#SCHEDULE}}
  <h2>安排回访</h2>
  <form method="post" action="/staff/customers/{{ID}}/callback" class="form" id="schedule-callback">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <fieldset class="choices">
      <legend>回访内容</legend>
{{#ABOUT_OPTION}}      <label><input type="radio" name="about" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>
{{/ABOUT_OPTION}}
    </fieldset>
    <label for="due">回访时间</label>
    <input id="due" name="due" type="datetime-local" value="{{due}}" required{{#due_INVALID}} aria-invalid="true"{{/due_INVALID}}>
    <span class="err">{{due_error}}</span>
    <label for="callback_note">备注（选填）</label>
    <input id="callback_note" name="note" maxlength="500" value="{{callback_note}}">
    <button type="submit">安排回访</button>
  </form>
{{/SCHEDULE}}
  <h2>删除</h2>
  <p class="hint">只有没有任何维修、退换货或回访记录的客户才能删除。</p>
  <p class="alert">{{DELETE_ERROR}}</p>
  <form method="post" action="/staff/customers/{{ID}}/delete" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit" class="danger">删除该客户</button>
  </form>
</section>
{{/SUPERVISOR}}
