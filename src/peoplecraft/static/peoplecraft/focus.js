// After an htmx update, keep the keyboard user's place and say what happened (issue 14, item 8).
// - The control used keeps focus; if the swap replaced it, focus returns to the same control in the
//   new content (same [data-focus-key] holder, same name and value), else to the holder's first control.
// - New content may name where focus goes next with [data-focus-next] (the next scenario prompt).
// - New content may carry [data-announce="…"]: that one sentence goes to the polite #live-status region.
(function () {
  "use strict";
  var used = null;
  var CONTROLS = "button:not([disabled]), a[href], input:not([type=hidden]):not([disabled]), select, textarea, [tabindex]";

  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    if (!active || active === document.body) {
      used = null;
      return;
    }
    var holder = active.closest("[data-focus-key]");
    used = {
      id: active.id || null,
      key: holder ? holder.getAttribute("data-focus-key") : null,
      name: active.name || null,
      value: active.value || null,
    };
  });

  function findUsed(u) {
    if (u.id && document.getElementById(u.id)) return document.getElementById(u.id);
    if (!u.key) return null;
    var holder = document.querySelector('[data-focus-key="' + CSS.escape(u.key) + '"]');
    if (!holder) return null;
    var controls = holder.querySelectorAll(CONTROLS);
    for (var i = 0; i < controls.length; i += 1) {
      if (u.name && controls[i].name === u.name && controls[i].value === u.value) return controls[i];
    }
    return holder.matches("[tabindex]") ? holder : controls[0] || null;
  }

  function announce() {
    var live = document.getElementById("live-status");
    var says = document.querySelectorAll("[data-announce]");
    if (!live || !says.length) return;
    var text = says[says.length - 1].getAttribute("data-announce");
    says.forEach(function (element) { element.removeAttribute("data-announce"); });
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);  // a changed text is announced again
  }

  document.addEventListener("htmx:afterSettle", function () {
    announce();
    var next = document.querySelector("[data-focus-next]");
    if (next) {
      next.removeAttribute("data-focus-next");
      next.focus();
    } else {
      var active = document.activeElement;
      if (used && (!active || active === document.body || !document.contains(active) || active.disabled)) {
        var target = findUsed(used);
        if (target) target.focus();
      }
    }
    used = null;
  });
})();
