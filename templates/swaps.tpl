{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="swaps">
  <h1>调班</h1>
  <p><a class="button primary" href="/staff/swaps/new">申请调班</a></p>
  <h2>等我确认</h2>
  <table class="list" id="swaps-waiting">
    <thead><tr><th>申请</th><th>申请人</th><th>调出班次</th><th>被邀同事</th><th>换回班次</th><th>状态</th></tr></thead>
    <tbody>
{{#WAITING}}      <tr data-status="{{STATUS}}"><td data-label="申请"><a href="/staff/swaps/{{ID}}">#{{ID}}</a></td><td data-label="申请人">{{REQUESTER}}</td><td data-label="调出班次">{{REQUESTER_SHIFT}}</td><td data-label="被邀同事">{{COLLEAGUE}}</td><td data-label="换回班次">{{COLLEAGUE_SHIFT}}</td><td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/WAITING}}    </tbody>
  </table>
{{#SUPERVISOR}}  <h2>待审批</h2>
  <table class="list" id="swaps-approval">
    <thead><tr><th>申请</th><th>申请人</th><th>调出班次</th><th>被邀同事</th><th>换回班次</th><th>状态</th></tr></thead>
    <tbody>
{{#APPROVAL}}      <tr data-status="{{STATUS}}"><td data-label="申请"><a href="/staff/swaps/{{ID}}">#{{ID}}</a></td><td data-label="申请人">{{REQUESTER}}</td><td data-label="调出班次">{{REQUESTER_SHIFT}}</td><td data-label="被邀同事">{{COLLEAGUE}}</td><td data-label="换回班次">{{COLLEAGUE_SHIFT}}</td><td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/APPROVAL}}    </tbody>
  </table>
{{/SUPERVISOR}}  <h2>与我有关的调班</h2>
  <table class="list" id="swaps-mine">
    <thead><tr><th>申请</th><th>申请人</th><th>调出班次</th><th>被邀同事</th><th>换回班次</th><th>状态</th></tr></thead>
    <tbody>
{{#MINE}}      <tr data-status="{{STATUS}}"><td data-label="申请"><a href="/staff/swaps/{{ID}}">#{{ID}}</a></td><td data-label="申请人">{{REQUESTER}}</td><td data-label="调出班次">{{REQUESTER_SHIFT}}</td><td data-label="被邀同事">{{COLLEAGUE}}</td><td data-label="换回班次">{{COLLEAGUE_SHIFT}}</td><td data-label="状态"><span class="status" data-status="{{STATUS}}">{{STATUS_LABEL}}</span></td></tr>
{{/MINE}}    </tbody>
  </table>
</section>
