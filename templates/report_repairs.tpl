{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <div class="head-row"><h1>维修报表</h1><a class="button" href="/staff/fault-categories">故障分类管理</a></div>
{{#RANGE_ERROR}}  <p class="alert" role="alert">{{MESSAGE}}</p>
{{/RANGE_ERROR}}  <form method="get" action="/staff/reports/repairs" class="filters" id="report-range">
    <div><label for="from">开始日期</label><input id="from" name="from" type="date" value="{{from}}" maxlength="10"></div>
    <div><label for="to">结束日期</label><input id="to" name="to" type="date" value="{{to}}" maxlength="10"></div>
    <div><button type="submit">查看</button></div>
  </form>
  <p class="hint">受理按报修时间计；完成、用时、费用按完成时间计；退换货按申请时间计。日期范围最长 366 天。用时为工作时间，没有用时记录的单（早期数据）不计入平均和 90% 用时，单列其数量。</p>
{{#REPORT}}  <p><a href="/staff/reports/repairs?{{QUERY}}&amp;format=xlsx" download>导出 Excel</a> · <a href="/staff/reports/repairs?{{QUERY}}&amp;format=csv" download>导出 CSV</a></p>
  <p class="hint" id="report-age">{{AGE}}（同一时段的结果最多保留 1 分钟）· <a href="/staff/reports/repairs?{{QUERY}}&amp;fresh=1" id="refresh">重新统计</a></p>
{{/REPORT}}</section>
{{#REPORT}}<section class="panel" id="report-intake">
{{>INTAKE}}
</section>
<section class="panel" id="report-resolved">
{{>RESOLVED}}
</section>
<section class="panel" id="report-weeks">
{{>WEEK_CHART}}
{{>WEEKS}}
</section>
<section class="panel" id="report-repeats">
  <p class="hint">同一序列号在上次维修完成后 90 天内再次报修：共 <strong data-metric="repeat_total">{{REPEATS}}</strong> 单（下表最多列出 200 单）。</p>
{{>REPEATS}}
</section>
<section class="panel" id="report-returns">
{{>RETURNS}}
</section>
{{/REPORT}}
