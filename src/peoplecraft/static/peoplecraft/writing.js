// Writing coach: apply a suggestion, and jump from a highlight to its finding.
// Offsets from the server are in code points; JavaScript strings index UTF-16 units.
(function () {
  "use strict";

  function utf16Index(text, codePoints) {
    let index = 0;
    for (let seen = 0; seen < codePoints && index < text.length; seen += 1) {
      const code = text.charCodeAt(index);
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return index;
  }

  function applySuggestion(button) {
    const textarea = document.getElementById("id_text");
    if (!textarea) return;
    const value = textarea.value;
    const start = utf16Index(value, Number(button.dataset.start));
    const end = utf16Index(value, Number(button.dataset.end));
    textarea.value = value.slice(0, start) + button.dataset.suggestion + value.slice(end);
    textarea.focus();
    textarea.setSelectionRange(start, start + button.dataset.suggestion.length);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function openFinding(mark) {
    const first = (mark.dataset.findings || "").split(" ")[0];
    const item = document.getElementById("finding-" + first);
    if (!item) return;
    const details = item.querySelector("details");
    if (details) details.open = true;
    item.scrollIntoView({ block: "nearest" });
    const summary = item.querySelector("summary");
    if (summary) summary.focus();
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button.apply");
    if (button) {
      applySuggestion(button);
      return;
    }
    const mark = event.target.closest("mark[data-findings]");
    if (mark) openFinding(mark);
  });
})();
