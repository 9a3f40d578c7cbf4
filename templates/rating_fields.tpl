{{%AUTOESCAPE context="HTML"}}
{{#DIMENSION}}    <fieldset class="choices score" data-dimension="{{NAME}}">
      <legend>{{LABEL}}（1 分最差，5 分最好）</legend>
{{#SCORE}}      <label><input type="radio" name="{{NAME}}" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>
{{/SCORE}}    </fieldset>
{{/DIMENSION}}    <fieldset class="choices">
      <legend>问题是否已解决</legend>
{{#SOLVED}}      <label><input type="radio" name="solved" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>
{{/SOLVED}}    </fieldset>
    <label for="rating_comment">客户意见（选填）</label>
    <textarea id="rating_comment" name="comment" maxlength="1000">{{comment}}</textarea>
