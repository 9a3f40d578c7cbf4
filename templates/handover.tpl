{{%AUTOESCAPE context="HTML"}}
{{#WRITING}}<section class="panel" id="handover-new">
  <p><a href="/staff/handovers">← 交接班</a></p>
  <h1>写交接班</h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
{{#NO_SHIFT}}  <p class="hint" id="no-shift">您近一周没有已开始的排班，没有可交接的班次。</p>
{{/NO_SHIFT}}
  <h2>当前未结事项</h2>
  <table class="list" id="open-work">
    <thead><tr><th>事项</th><th>数量</th><th>单号</th></tr></thead>
    <tbody>
{{#OPEN_KIND}}      <tr data-kind="{{KIND}}"><td data-label="事项"><a href="{{LIST}}">{{LABEL}}</a></td><td class="count" data-label="数量">{{COUNT}}</td>
        <td data-label="单号">{{#ITEM}}<a href="{{HREF}}">{{NO}}</a> {{/ITEM}}{{#MORE}}<a href="{{LIST}}">等</a>{{/MORE}}</td></tr>
{{/OPEN_KIND}}    </tbody>
  </table>
{{#FORM}}  <form method="post" action="/staff/handover/new" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
{{#CURRENT}}    <p id="shift">交接班次：<strong>{{DAY}} {{SHIFT}}</strong>（{{START}} – {{END}}）</p>
    <input type="hidden" name="roster_id" value="{{ROSTER_ID}}">
{{#WRITTEN}}    <p class="notice" id="written">这个班次您已写过<a href="/staff/handover/{{HANDOVER_ID}}">交接班</a>。</p>
{{/WRITTEN}}{{/CURRENT}}
{{#CHOOSE}}    <label for="roster_id">交接班次（您近一周的班次）</label>
    <select id="roster_id" name="roster_id" required>
{{#SHIFT_OPTION}}      <option value="{{ROSTER_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{DAY}} {{SHIFT}}（{{START}} – {{END}}）</option>
{{/SHIFT_OPTION}}    </select>
{{/CHOOSE}}
    <label for="notes">交接事项（需要下一班跟进的情况）</label>
    <textarea id="notes" name="notes" maxlength="4000">{{notes}}</textarea>
    <p class="hint">保存时记录上表所列的未结事项。</p>
    <button type="submit" class="primary">保存交接班</button>
  </form>
{{/FORM}}</section>
{{/WRITING}}
{{#SHOWING}}<section class="panel" id="handover" data-acknowledged="{{#ACKED}}1{{/ACKED}}{{#WAITING}}0{{/WAITING}}">
  <p><a href="/staff/handovers">← 交接班</a> · <a href="/staff/duty-log?date={{DAY:u}}">{{DAY}} 值班日志</a></p>
  <h1>交接班 {{DAY}} {{SHIFT}}</h1>
  <p class="alert" role="alert">{{MESSAGE}}</p>
  <dl class="fields">
    <dt>班次</dt><dd>{{SHIFT}}（{{START}} – {{END}}）</dd>
    <dt>交班人</dt><dd id="writer">{{WRITER}} · {{CREATED}}</dd>
    <dt>未结事项</dt><dd class="pre" id="open-items">{{OPEN_ITEMS}}</dd>
    <dt>交接事项</dt><dd class="pre" id="notes">{{NOTES}}</dd>
    <dt>接班人</dt><dd id="next-shift">{{#NEXT}}{{NAME}}（{{SHIFT}} {{START}}） {{/NEXT}}</dd>
    <dt>接班确认</dt><dd id="ack">{{#ACKED}}{{ACKED_BY}} · {{ACKED_AT}}{{/ACKED}}{{#WAITING}}<span class="tag overdue">待接班确认</span>{{/WAITING}}</dd>
  </dl>
{{#CAN_ACK}}  <form method="post" action="/staff/handover/{{ID}}/ack" class="form action">
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
    <button type="submit" class="primary">接班确认</button>
  </form>
{{/CAN_ACK}}</section>
{{/SHOWING}}
