{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="swap-new">
  <p><a href="/staff/swaps">← 调班</a></p>
  <h1>申请调班</h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
  <form method="get" action="/staff/swaps/new" class="form filters">
    <label for="pick_colleague">同事</label>
    <select id="pick_colleague" name="colleague_id"><option value="">请选择</option>
{{#STAFF_OPTION}}      <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/STAFF_OPTION}}    </select>
    <button type="submit">查看同事的班次</button>
  </form>
{{#COLLEAGUE}}  <form method="post" action="/staff/swaps/new" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="colleague_id" value="{{COLLEAGUE_ID}}">
    <label for="my_shift">我要调出的班次</label>
    <select id="my_shift" name="my_shift"><option value="">请选择</option>
{{#MY_SHIFT}}      <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/MY_SHIFT}}    </select>
    <label for="their_shift">换回同事的班次</label>
    <select id="their_shift" name="their_shift"><option value="">不换回：把我的班转让给同事</option>
{{#THEIR_SHIFT}}      <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/THEIR_SHIFT}}    </select>
    <label for="reason">调班原因</label>
    <input id="reason" name="reason" maxlength="500" value="{{reason}}">
    <p class="hint">同事同意后，由主管审批；批准时会重新检查排班规则。</p>
    <button type="submit" class="primary">提交申请</button>
  </form>
{{/COLLEAGUE}}
</section>
