{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="callback" data-status="{{STATUS}}">
  <p><a href="/staff/callbacks">← 回访</a></p>
  <h1>回访 #{{ID}} <span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span> <span class="tag">{{REASON_LABEL}}</span></h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{>FORM_ERRORS}}
{{#FLAGGED}}  <p class="notice" id="phone-flagged">该客户的电话号码已被标记为有误，请核实更正后再回访。</p>
{{/FLAGGED}}
  <dl class="fields">
    <dt>回访对象</dt><dd><a href="{{SUBJECT_URL}}" id="subject">{{NO}}</a></dd>
    <dt>产品</dt><dd>{{PRODUCT}}</dd>
    <dt>处理情况</dt><dd class="pre">{{WORK}}</dd>
{{#HAS_PEOPLE}}    <dt>经办</dt><dd>{{PEOPLE}}</dd>
{{/HAS_PEOPLE}}    <dt>客户</dt><dd>{{NAME}}{{#CUSTOMER_LINK}} · <a href="/staff/customers/{{CUSTOMER_ID}}">客户资料</a> · <a href="{{COMPLAINT_NEW}}" class="complaint-new">登记投诉</a>{{/CUSTOMER_LINK}}</dd>
    <dt>电话</dt><dd class="phone" id="phone">{{#PHONE_TEL}}<a href="tel:{{TEL}}">{{PHONE}}</a>{{/PHONE_TEL}}{{#PHONE_TEXT}}{{PHONE}}{{/PHONE_TEXT}}</dd>
    <dt>回访时间</dt><dd>{{DUE}}{{#OVERDUE}} <span class="tag overdue">已超时</span>{{/OVERDUE}}</dd>
    <dt>已拨打</dt><dd><span id="attempts">{{ATTEMPTS}}</span> 次（最多 {{MAX_ATTEMPTS}} 次）</dd>
{{#TAKEN}}    <dt>回访人</dt><dd id="taker">{{TAKER}}（{{TAKEN_AT}} 起正在回访）</dd>
{{/TAKEN}}{{#HAS_OUTCOME}}    <dt>上次结果</dt><dd id="outcome">{{OUTCOME_LABEL}} {{NOTE}}</dd>
{{/HAS_OUTCOME}}{{#DONE}}    <dt>完成</dt><dd>{{DONE_BY}} {{DONE_AT}}</dd>
{{/DONE}}{{#COMPLAINT}}    <dt>跟进投诉</dt><dd><a href="/staff/complaints/{{COMPLAINT_ID}}">{{COMPLAINT_NO}}</a></dd>
{{/COMPLAINT}}{{#HAS_CREATOR}}    <dt>安排人</dt><dd>{{CREATOR}}</dd>
{{/HAS_CREATOR}}  </dl>
{{#WHOLE_PHONE}}  <p class="hint">完整号码仅对正在回访的您显示，每次显示都记入操作日志。</p>
{{/WHOLE_PHONE}}
</section>

{{#RATING}}<section class="panel" id="rating">
  <h2>客户评价</h2>
  <ul class="stats">
{{#SCORE}}    <li data-dimension="{{CODE}}"><span class="num">{{VALUE}}</span><span>{{LABEL}}</span></li>
{{/SCORE}}  </ul>
  <p>问题{{SOLVED}}。{{COMMENT}}</p>
</section>
{{/RATING}}
<section class="panel actions" id="actions">
  <h2>操作</h2>
{{#CAN_take}}  <form method="post" action="/staff/callbacks/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="take">
    <p class="hint">点“我来回访”后，其他客服不会再拨打这位客户，完整电话号码也会显示出来。</p>
    <button type="submit" class="primary">我来回访</button>
  </form>
{{/CAN_take}}
{{#CAN_call}}  <form method="post" action="/staff/callbacks/{{ID}}/action" class="form action" id="call-form">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="call">
    <fieldset class="choices">
      <legend>回访结果</legend>
{{#OUTCOME_OPTION}}      <label><input type="radio" name="outcome" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>
{{/OUTCOME_OPTION}}    </fieldset>
    <p class="hint">已接通时请客户为以下各项打分：</p>
{{>RATING_FIELDS}}
    <label for="call_note">回访备注（选填）</label>
    <textarea id="call_note" name="note" maxlength="1000"{{#call_note_INVALID}} aria-invalid="true"{{/call_note_INVALID}}>{{note}}</textarea>
    <span class="err">{{call_note_error}}</span>
    <button type="submit" class="primary">记录回访结果</button>
  </form>
{{/CAN_call}}
{{#CAN_release}}  <form method="post" action="/staff/callbacks/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="release">
    <button type="submit">放弃回访（交还待回访）</button>
  </form>
{{/CAN_release}}
{{#CAN_cancel}}  <form method="post" action="/staff/callbacks/{{ID}}/action" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="cancel">
    <label for="cancel_reason">取消原因</label>
    <input id="cancel_reason" name="reason" maxlength="500" value="{{reason}}"{{#cancel_reason_INVALID}} aria-invalid="true"{{/cancel_reason_INVALID}}>
    <span class="err">{{cancel_reason_error}}</span>
    <button type="submit" class="danger">取消回访</button>
  </form>
{{/CAN_cancel}}
{{#CAN_note}}  <form method="post" action="/staff/callbacks/{{ID}}/action" class="form action">
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
