{{%AUTOESCAPE context="HTML"}}
{{#DIMENSION}}    <fieldset class="choices scale" data-dimension="{{NAME}}">
      <legend>{{TITLE}} *</legend>
{{#SCORE_OPTION}}      <label><input type="radio" name="{{NAME}}" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>
{{/SCORE_OPTION}}
    </fieldset>
    <span class="err">{{ERROR}}</span>
{{/DIMENSION}}
    <fieldset class="choices">
      <legend>问题是否已解决 *</legend>
{{#SOLVED_OPTION}}      <label><input type="radio" name="solved" value="{{CODE}}"{{#SELECTED}} checked{{/SELECTED}}> {{LABEL}}</label>
{{/SOLVED_OPTION}}
    </fieldset>
    <span class="err">{{solved_error}}</span>
    <label for="comment">意见和建议</label>
    <textarea id="comment" name="comment" maxlength="1000" placeholder="选填">{{comment}}</textarea>
