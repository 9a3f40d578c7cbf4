{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <h1>员工考核 {{MONTH}}</h1>
  <form method="get" action="/staff/reports/kpi" class="filters">
    <div>
      <label for="kpi-month">月份</label>
      <input id="kpi-month" name="month" type="month" value="{{MONTH}}" required>
    </div>
{{#PICKER}}
    <div>
      <label for="kpi-user">员工</label>
      <select id="kpi-user" name="user">
        <option value="">全部</option>
{{#STAFF_OPTION}}        <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/STAFF_OPTION}}      </select>
    </div>
{{/PICKER}}
    <div><button class="button primary" type="submit">查看</button></div>
  </form>
  <p class="hint">导出：<a href="/staff/reports/kpi?{{QUERY}}&amp;format=xlsx">Excel (.xlsx)</a> · <a href="/staff/reports/kpi?{{QUERY}}&amp;format=csv">CSV</a></p>
  {{>TABLE}}
</section>
<section class="panel" id="kpi-formula">
  <h2>综合得分怎样计算</h2>
  <p>每一项换算成 0–100 分，综合得分 = Σ（权重 × 该项得分）÷ Σ 权重，只计当月有数据的项目（没有限时工单、没有处理时长或没有评价的项目不计入，其余项目按权重分摊）。当月没有完成工单也没有评价的员工不评分。</p>
  <table class="list">
    <thead><tr><th>项目</th><th>权重</th><th>得分算法</th></tr></thead>
    <tbody>
{{#WEIGHT}}      <tr data-part="{{CODE}}"><td data-label="项目">{{LABEL}}</td><td data-metric="weight" data-label="权重">{{WEIGHT}}</td><td data-label="得分算法">{{HOW}}</td></tr>
{{/WEIGHT}}    </tbody>
  </table>
  <p class="hint">按时完成率与处理时长按工单的修复时间计入当月；工时按登记日期；评价按评价日期，同时计入维修人员和受理人员；责任投诉按投诉登记日期；返修计入原工单修复的月份。</p>
</section>
<section class="panel">
  <h2>客户评分分布</h2>
  {{>DISTRIBUTION}}
</section>
