{{%AUTOESCAPE context="HTML"}}
{{#SUMMARY}}<div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">请修改以下内容后重新提交</h2>
  <ul>
{{#FORM_ERROR}}    <li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
{{/FORM_ERROR}}  </ul>
</div>
{{/SUMMARY}}
