{{%AUTOESCAPE context="HTML"}}<figure class="chart">
<figcaption>{{TITLE}}{{#HAS_UNIT}}（单位：{{UNIT}}）{{/HAS_UNIT}}</figcaption>
<div class="chart-body">
<svg class="chart-svg" viewBox="0 0 640 260" role="img" aria-label="{{TITLE}}">
{{#GRID}}<line class="grid" x1="48" x2="632" y1="{{Y}}" y2="{{Y}}"></line><text class="ytick" x="44" y="{{Y}}">{{V}}</text>
{{/GRID}}{{#XLABEL}}<text class="xtick" x="{{X}}" y="236">{{TEXT}}</text>
{{/XLABEL}}{{#BAR}}<rect class="bar s{{S}}" x="{{X}}" y="{{Y}}" width="{{W}}" height="{{H}}"><title>{{TIP}}</title></rect>
{{/BAR}}{{#LINE}}<polyline class="line s{{S}}" points="{{POINTS}}"></polyline>
{{/LINE}}</svg>
<ul class="legend">{{#LEGEND}}<li><span class="key s{{S}}"></span>{{LABEL}}</li>{{/LEGEND}}</ul>
</div>
<div class="table-scroll chart-figures"><table class="report">
<thead><tr><th scope="col"></th>{{#HEAD}}<th scope="col" class="num">{{LABEL}}</th>{{/HEAD}}</tr></thead>
<tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#V}}<td class="num">{{TEXT}}</td>{{/V}}</tr>{{/ROW}}</tbody>
</table></div>
</figure>
