{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="swap" data-status="{{STATUS}}">
  <p><a href="/staff/swaps">← 调班</a></p>
  <h1>调班申请 #{{ID}} <span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
  <dl class="fields">
    <dt>申请人</dt><dd id="requester">{{REQUESTER}}</dd>
    <dt>调出班次</dt><dd id="requester-shift">{{REQUESTER_SHIFT}}</dd>
    <dt>被邀同事</dt><dd id="colleague">{{COLLEAGUE}}</dd>
    <dt>换回班次</dt><dd id="colleague-shift">{{COLLEAGUE_SHIFT}}</dd>
    <dt>原因</dt><dd class="pre">{{REASON}}</dd>
    <dt>申请时间</dt><dd>{{CREATED}}</dd>
    <dt>审批</dt><dd>{{DECIDED_BY}} {{DECISION_NOTE}}</dd>
  </dl>
</section>

<section class="panel actions" id="actions">
  <h2>操作</h2>
{{#CAN_accept}}  <form method="post" action="/staff/swaps/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="accept">
    <button type="submit" class="primary">同意调班</button>
  </form>
{{/CAN_accept}}
{{#CAN_decline}}  <form method="post" action="/staff/swaps/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="decline">
    <label for="decline_note">拒绝说明</label>
    <input id="decline_note" name="note" maxlength="500" value="{{note}}"{{#decline_note_INVALID}} aria-invalid="true"{{/decline_note_INVALID}}>
    <span class="err">{{decline_note_error}}</span>
    <button type="submit" class="danger">拒绝调班</button>
  </form>
{{/CAN_decline}}
{{#CAN_approve}}  <form method="post" action="/staff/swaps/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="approve">
    <label for="approve_note">审批意见</label>
    <input id="approve_note" name="note" maxlength="500" value="{{note}}"{{#approve_note_INVALID}} aria-invalid="true"{{/approve_note_INVALID}}>
    <span class="err">{{approve_note_error}}</span>
    <button type="submit" class="primary">批准</button>
  </form>
{{/CAN_approve}}
{{#CAN_reject}}  <form method="post" action="/staff/swaps/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="reject">
    <label for="reject_note">驳回原因</label>
    <input id="reject_note" name="note" maxlength="500" value="{{note}}"{{#reject_note_INVALID}} aria-invalid="true"{{/reject_note_INVALID}}>
    <span class="err">{{reject_note_error}}</span>
    <button type="submit" class="danger">驳回</button>
  </form>
{{/CAN_reject}}
{{#CAN_cancel}}  <form method="post" action="/staff/swaps/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="cancel">
    <button type="submit">撤回申请</button>
  </form>
{{/CAN_cancel}}
</section>

<section class="panel">
  <h2>处理记录</h2>
  <ol class="timeline">
{{#EVENT}}    <li><span class="at">{{AT}}</span> <strong>{{ACTOR}}</strong> {{ACTION_LABEL}}{{#TRANSITION}}（{{FROM}} → {{TO}}）{{/TRANSITION}}<div class="pre">{{NOTE}}</div></li>
{{/EVENT}}  </ol>
</section>
