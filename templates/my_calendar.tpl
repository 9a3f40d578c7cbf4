{{%AUTOESCAPE context="HTML"}}
<section class="panel" id="calendar-feed">
  <p><a href="/staff/my">← 我的工单与班次</a></p>
  <h1>日历订阅</h1>
  <p class="hint">把下面的地址添加到手机或电脑的日历（“订阅日历”），即可看到自己过去 30 天和未来 90 天的班次。地址相当于密码，请勿转发；如已泄露，请重新生成，旧地址随即失效。</p>
{{#FEED}}  <p><input type="text" readonly id="feed-url" value="{{FEED_URL}}" size="80"></p>
{{/FEED}}{{#NO_FEED}}  <p class="hint" id="no-feed">尚未生成订阅地址。</p>
{{/NO_FEED}}  <form method="post" action="/staff/my/calendar/reset" class="form">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit" class="primary">生成新的订阅地址</button>
  </form>
</section>
