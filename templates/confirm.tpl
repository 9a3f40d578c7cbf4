{{%AUTOESCAPE context="HTML"}}
<section class="panel confirm" id="confirm">
  <h1>{{TITLE}}</h1>
  <p class="alert" role="alert" id="confirm-what">{{WHAT}}</p>
  <form method="post" action="{{ACTION}}" class="form">
{{#FIELD}}    <input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/FIELD}}    <input type="hidden" name="confirm" value="1">
    <div class="head-row">
      <button type="submit" class="danger">{{BUTTON}}</button>
      <a class="button" href="{{BACK}}">返回，不做更改</a>
    </div>
  </form>
</section>
