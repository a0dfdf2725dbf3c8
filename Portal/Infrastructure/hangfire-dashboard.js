// Passerelle on the Hangfire dashboard: the phone-width menu button is drawn with three bars and
// has no text, so screen readers announce a nameless button. Give it one, and say whether the
// menu is open.
(function () {
  "use strict";
  function name() {
    var toggles = document.querySelectorAll(".navbar-toggle");
    for (var i = 0; i < toggles.length; i++) {
      if (!toggles[i].hasAttribute("aria-label")) toggles[i].setAttribute("aria-label", "Menu");
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", name);
  else name();
})();
