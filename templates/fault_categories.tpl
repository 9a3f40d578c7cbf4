{{%AUTOESCAPE context="HTML"}}
<section class="panel">
  <div class="head-row"><h1>故障分类</h1><a class="button" href="/staff/reports/repairs">维修报表</a></div>
{{>FORM_ERRORS}}
  <p class="hint">技术员完成维修时从启用的分类中选择一项，维修报表按分类统计。按排序号从小到大列出。停用的分类不能再被选择，已用它的维修单仍按它统计。</p>
  <table class="list" id="fault-categories">
    <thead><tr><th>分类</th><th>排序</th><th>状态</th><th>修改</th></tr></thead>
    <tbody>
{{#CATEGORY}}      <tr data-id="{{ID}}" data-active="{{ACTIVE_CODE}}"><td data-label="分类">{{NAME}}</td><td data-label="排序">{{SORT}}</td>
        <td data-label="状态">{{#ACTIVE}}<span class="tag ok">启用</span>{{/ACTIVE}}{{#INACTIVE}}<span class="tag off">已停用</span>{{/INACTIVE}}</td>
{{#EDIT}}        <td data-label="修改">
          <form method="post" action="/staff/fault-categories/{{ID}}" class="filters">
            <input type="hidden" name="csrf" value="{{CSRF}}">
            <div><label for="name-{{ID}}">名称</label>
              <input id="name-{{ID}}" name="name" value="{{name}}" maxlength="32" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
              <span class="err">{{name_error}}</span></div>
            <div><label for="sort-{{ID}}">排序</label>
              <input id="sort-{{ID}}" name="sort" value="{{sort}}" inputmode="numeric" maxlength="4" size="4" required{{#sort_INVALID}} aria-invalid="true"{{/sort_INVALID}}>
              <span class="err">{{sort_error}}</span></div>
            <div><label for="active-{{ID}}">状态</label>
              <select id="active-{{ID}}" name="active"{{#active_INVALID}} aria-invalid="true"{{/active_INVALID}}>
{{#ACTIVE_OPTION}}                <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ACTIVE_OPTION}}              </select>
              <span class="err">{{active_error}}</span></div>
            <button type="submit">保存</button>
          </form>
        </td>
{{/EDIT}}      </tr>
{{/CATEGORY}}    </tbody>
  </table>
{{#EMPTY}}  <p class="hint">还没有故障分类，完成维修时将记为“未分类”。</p>
{{/EMPTY}}
</section>
{{#ADD}}<section class="panel narrow">
  <h2>新增故障分类</h2>
  <form method="post" action="/staff/fault-categories" class="form" id="fault-category-add">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="name">名称（最多 32 个字）</label>
    <input id="name" name="name" value="{{name}}" maxlength="32" required{{#name_INVALID}} aria-invalid="true"{{/name_INVALID}}>
    <span class="err">{{name_error}}</span>
    <label for="sort">排序（0–9999，小的在前）</label>
    <input id="sort" name="sort" value="{{sort}}" inputmode="numeric" maxlength="4" required{{#sort_INVALID}} aria-invalid="true"{{/sort_INVALID}}>
    <span class="err">{{sort_error}}</span>
    <button type="submit" class="primary">新增</button>
  </form>
</section>
{{/ADD}}
