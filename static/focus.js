// Moves focus to what a form's answer says first: the error summary of a refused form, so that a
// keyboard or screen-reader user starts there. The pages work the same without it.
(function () {
  var target = document.getElementById('error-summary');
  if (target) target.focus();
})();
