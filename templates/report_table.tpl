{{%AUTOESCAPE context="HTML"}}{{#TABLE}}<section class="report-table"><h2>{{CAPTION}}</h2>
<div class="table-scroll"><table class="report">
<thead><tr>{{#HEAD}}<th scope="col"{{#NUMERIC}} class="num"{{/NUMERIC}}>{{LABEL}}</th>{{/HEAD}}</tr></thead>
<tbody>{{#ROW}}<tr data-row="{{ROW_ATTR}}">{{#CELL}}<td data-label="{{LABEL}}"{{#NUMERIC}} class="num"{{/NUMERIC}} {{#M}}data-metric="{{METRIC}}"{{/M}}>{{#LINK}}<a href="{{HREF}}">{{/LINK}}{{TEXT}}{{#LINK}}</a>{{/LINK}}</td>{{/CELL}}</tr>{{/ROW}}
{{#EMPTY}}<tr><td colspan="99" class="empty">这段时间没有记录</td></tr>{{/EMPTY}}</tbody></table></div></section>{{/TABLE}}
