// Destructive actions (core/confirm.py): the button is a link to a confirmation page; with
// JavaScript the same question opens in the page's native <dialog> instead. Cancel closes the
// dialog natively (formmethod="dialog"); Escape too. Browsers without showModal follow the link.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-confirm]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var dialog = document.getElementById(link.getAttribute("data-confirm"));
    if (!dialog || typeof dialog.showModal !== "function") return;
    event.preventDefault();
    dialog.showModal();
  });
})();
