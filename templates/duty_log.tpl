{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="duty-log" data-day="{{DAY}}">
  <p><a href="/staff/handovers">← 交接班</a></p>
  <h1>值班日志 {{DAY}}</h1>
  <form method="get" action="/staff/duty-log" class="filters">
    <a href="/staff/duty-log?date={{PREV:u}}" id="prev-day">← 前一天</a>
    <input type="date" name="date" value="{{DAY}}" aria-label="日期">
    <button type="submit">查看</button>
    <a href="/staff/duty-log?date={{NEXT:u}}" id="next-day">后一天 →</a>
  </form>
  <p class="alert" role="alert">{{MESSAGE}}</p>

  <h2>各班次受理</h2>
  <table class="list" id="intake">
    <thead><tr><th>班次</th><th>时间</th><th>值班人员</th><th>新报修</th><th>新退换货</th></tr></thead>
    <tbody>
{{#SHIFT}}      <tr><td class="shift" data-label="班次">{{NAME}}{{#DUTY_OFFICER}} <span class="tag">总值班</span>{{/DUTY_OFFICER}}</td><td data-label="时间">{{HOURS}}</td><td data-label="值班人员">{{PEOPLE}}</td>
        <td data-label="新报修"><a class="repairs" href="/staff/repairs?from={{FROM:u}}&amp;to={{TO:u}}">{{REPAIRS}}</a></td>
        <td data-label="新退换货"><a class="returns" href="/staff/returns?from={{FROM:u}}&amp;to={{TO:u}}">{{RETURNS}}</a></td></tr>
{{/SHIFT}}    </tbody>
  </table>
{{#NO_SHIFTS}}  <p class="hint">这一天没有排班。</p>
{{/NO_SHIFTS}}  <p class="hint">数量为班次时间内新建的单据；链接打开按日期筛选的列表。</p>

  <h2>交接班</h2>
  <table class="list" id="day-handovers">
    <thead><tr><th>日期</th><th>班次</th><th>交班人</th><th>写于</th><th>接班确认</th></tr></thead>
    <tbody>
{{#HANDOVER}}      <tr data-id="{{ID}}"><td data-label="日期"><a href="/staff/handover/{{ID}}">{{DAY}}</a></td><td data-label="班次">{{SHIFT}}</td><td data-label="交班人">{{WRITER}}</td><td data-label="写于">{{CREATED}}</td>
        <td data-label="接班确认">{{#ACKED}}{{ACKED_BY}} · {{ACKED_AT}}{{/ACKED}}{{#WAITING}}<span class="tag overdue">待确认</span>{{/WAITING}}</td></tr>
{{/HANDOVER}}    </tbody>
  </table>
{{#NO_HANDOVERS}}  <p class="hint">这一天还没有交接班。</p>
{{/NO_HANDOVERS}}
  <h2>总值班记录</h2>
  <div id="duty-notes"><ol class="timeline">
{{#NOTE}}    <li><span class="at">{{AT}}</span> <strong>{{WRITER}}</strong>（{{SHIFT}}）<span class="pre">{{TEXT}}</span></li>
{{/NOTE}}  </ol></div>
{{#NO_NOTES}}  <p class="hint">这一天还没有值班记录。</p>
{{/NO_NOTES}}
{{#NOTE_FORM}}  <form method="post" action="/staff/duty-log/note" class="form" id="note-form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="date" value="{{DAY}}">
    <label for="note">值班记录</label>
    <textarea id="note" name="note" maxlength="2000" required>{{note}}</textarea>
    <button type="submit" class="primary">添加记录</button>
  </form>
{{/NOTE_FORM}}</section>
