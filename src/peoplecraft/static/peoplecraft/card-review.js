// Card review queue: keys 1-4 press the grade buttons, announced on the page once this script runs.
// No inline script, nothing else: without JavaScript the buttons are ordinary form submits.
(function () {
  "use strict";
  var sent = false;
  // The shortcuts exist only with this script: announce them only then.
  var buttons = document.querySelectorAll("#review-form button[data-key]");
  for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-keyshortcuts", buttons[i].dataset.key);
  var hint = document.getElementById("review-keys");
  if (hint && buttons.length) hint.hidden = false;
  document.addEventListener("keydown", function (event) {
    if (sent || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (!/^[1-4]$/.test(event.key)) return;
    var button = document.querySelector('#review-form button[data-key="' + event.key + '"]');
    if (!button) return;
    event.preventDefault();
    sent = true;  // one grade per card, even when the key bounces
    button.form.requestSubmit(button);
  });
})();
