{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="complaint" data-status="{{STATUS}}">
  <p><a href="/staff/complaints">← 投诉</a></p>
  <h1>投诉 {{NO}} <span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span> <span class="tag" data-source="{{SOURCE}}">{{SOURCE_LABEL}}</span></h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
{{#LIMIT}}  <p class="sla" data-limit="{{KIND}}">{{LABEL}}{{#SLA}}：{{DUE}} · <strong>{{STATE}}</strong>{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}{{/SLA}}</p>
{{/LIMIT}}
  <dl class="fields">
    <dt>所涉单据</dt><dd>{{#SUBJECT}}{{SUBJECT_KIND}} <a href="/staff/{{SUBJECT_PATH}}/{{SUBJECT_ID}}" id="subject">{{SUBJECT_NO}}</a>{{/SUBJECT}}{{#ABOUT_CUSTOMER}}客户整体服务{{/ABOUT_CUSTOMER}}</dd>
    <dt>客户</dt><dd>{{NAME}}{{#CUSTOMER_LINK}} · <a href="/staff/customers/{{CUSTOMER_ID}}">客户资料</a>{{/CUSTOMER_LINK}}</dd>
    <dt>电话</dt><dd class="phone">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</dd>
    <dt>投诉内容</dt><dd class="pre">{{DESCRIPTION}}</dd>
    <dt>登记</dt><dd>{{CREATED}} · {{CREATED_BY}}</dd>
    <dt>处理人</dt><dd id="handler">{{HANDLER}}{{#RESPONDED}}（首次响应 {{RESPONDED_AT}}）{{/RESPONDED}}</dd>
{{#RESOLUTION}}    <dt>投诉原因</dt><dd class="pre" id="cause">{{CAUSE}}</dd>
    <dt>处理措施</dt><dd class="pre" id="measures">{{MEASURES}}</dd>
    <dt>责任人</dt><dd id="responsible">{{RESPONSIBLE}}</dd>
    <dt>处理完毕</dt><dd>{{RESOLVED_AT}}</dd>
{{/RESOLUTION}}{{#CLOSED}}    <dt>结案</dt><dd>{{CLOSED_AT}}</dd>
{{/CLOSED}}  </dl>
</section>

{{#RATING}}<section class="panel" id="rating">
  <h2>引发投诉的评价</h2>
  <p>{{RATING_SOURCE}} · {{RATED_AT}}</p>
  <table class="list">
    <thead><tr><th>项目</th><th>评分（1–5）</th></tr></thead>
    <tbody>
{{#SCORE}}      <tr data-dimension="{{DIMENSION}}"><td data-label="项目">{{LABEL}}</td><td class="score" data-label="评分（1–5）">{{SCORE}}</td></tr>
{{/SCORE}}    </tbody>
  </table>
  <p>问题是否解决：<strong class="solved">{{SOLVED}}</strong></p>
  <p class="pre">{{COMMENT}}</p>
</section>
{{/RATING}}
{{#FROM_CALLBACK}}<section class="panel" id="from-callback">
  <h2>来自回访</h2>
  <p><a href="/staff/callbacks/{{CALLBACK_ID}}">回访 #{{CALLBACK_ID}}</a> <span class="status" data-status="{{CALLBACK_STATUS}}">{{CALLBACK_STATUS_LABEL}}</span>{{#DONE}} {{OUTCOME}} {{DONE_AT}}{{/DONE}}</p>
</section>
{{/FROM_CALLBACK}}
{{#FOLLOWUP}}<section class="panel" id="followup" data-status="{{CALLBACK_STATUS}}">
  <h2>回访确认</h2>
  <p><a href="/staff/callbacks/{{CALLBACK_ID}}" id="followup-link">回访 #{{CALLBACK_ID}}</a> <span class="status" data-status="{{CALLBACK_STATUS}}">{{CALLBACK_STATUS_LABEL}}</span>
    · 预定 <span class="due">{{CALLBACK_DUE}}</span>{{#DONE}} · {{OUTCOME}} {{DONE_AT}} <strong class="confirmed">{{CONFIRMED}}</strong>{{/DONE}}</p>
</section>
{{/FOLLOWUP}}
<section class="panel actions" id="actions">
  <h2>操作</h2>
{{#CAN_respond}}  <form method="post" action="/staff/complaints/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="respond">
    <label for="respond_note">受理说明（已联系客户、初步了解的情况）</label>
    <textarea id="respond_note" name="note" maxlength="2000"{{#respond_note_INVALID}} aria-invalid="true"{{/respond_note_INVALID}}>{{note}}</textarea>
    <span class="err">{{respond_note_error}}</span>
    <button type="submit" class="primary">受理并开始调查</button>
  </form>
{{/CAN_respond}}
{{#CAN_resolve}}  <form method="post" action="/staff/complaints/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="resolve">
    <label for="cause">投诉原因</label>
    <textarea id="cause" name="cause" maxlength="2000"{{#cause_INVALID}} aria-invalid="true"{{/cause_INVALID}}>{{cause}}</textarea>
    <span class="err">{{cause_error}}</span>
    <label for="measures">处理措施</label>
    <textarea id="measures" name="measures" maxlength="2000"{{#measures_INVALID}} aria-invalid="true"{{/measures_INVALID}}>{{measures}}</textarea>
    <span class="err">{{measures_error}}</span>
    <fieldset><legend>是否有人员责任</legend>
{{#AT_FAULT_OPTION}}      <label><input type="radio" name="at_fault" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>
{{/AT_FAULT_OPTION}}    </fieldset>
    <label for="responsible_id">责任人（有人员责任时必选）</label>
    <select id="responsible_id" name="responsible_id"{{#responsible_id_INVALID}} aria-invalid="true"{{/responsible_id_INVALID}}><option value="">请选择</option>
{{#STAFF_OPTION}}      <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/STAFF_OPTION}}    </select>
    <span class="err">{{responsible_id_error}}</span>
    <p class="hint">提交后将自动安排回访，由客户确认是否满意。</p>
    <button type="submit" class="primary">处理完毕</button>
  </form>
{{/CAN_resolve}}
{{#CAN_close}}  <form method="post" action="/staff/complaints/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="close">
    <p class="hint">须回访确认客户满意后才能结案。</p>
    <button type="submit" class="primary">结案</button>
  </form>
{{/CAN_close}}
{{#CAN_reopen}}  <form method="post" action="/staff/complaints/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="reopen">
    <label for="reopen_reason">重新处理的原因</label>
    <input id="reopen_reason" name="reason" maxlength="1000" value="{{reason}}"{{#reopen_reason_INVALID}} aria-invalid="true"{{/reopen_reason_INVALID}}>
    <span class="err">{{reopen_reason_error}}</span>
    <button type="submit" class="danger">重新处理</button>
  </form>
{{/CAN_reopen}}
{{#CAN_note}}  <form method="post" action="/staff/complaints/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="note">
    <label for="internal_note">内部备注</label>
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
