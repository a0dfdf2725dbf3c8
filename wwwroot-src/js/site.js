// Passerelle: a little progressive enhancement. Every page works without this file.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  // htmx 2 swaps 2xx/3xx only. Pages answer validation errors with 200 and the form fragment,
  // but a 422 with a fragment is swapped too so a handler may use it. Other 4xx/5xx are not
  // swapped: the page stays as it was and htmx fires htmx:responseError.
  if (window.htmx) {
    window.htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "422", swap: true },
      { code: "[45]..", swap: false, error: true },
      { code: "...", swap: false }
    ];
    // The indicator styles live in site.css; no inline <style> injected by htmx.
    window.htmx.config.includeIndicatorStyles = false;
    // htmx copies the "style" attribute while it settles a swapped element; our pages write none,
    // but a tool may leave an empty one (axe-core does) and copying it is an inline style the
    // content security policy refuses.
    window.htmx.config.attributesToSettle = ["class", "width", "height"];
  }

  // Mobile navigation: the toggle is hidden in the markup and only revealed here, so without
  // JavaScript the menu simply stays open.
  function setupNavToggle() {
    var toggle = document.querySelector(".nav-toggle");
    if (!toggle) return;
    var nav = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!nav) return;

    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.setAttribute("data-open", open ? "true" : "false");
    }

    toggle.hidden = false;
    setOpen(false);
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  // A table wider than the screen scrolls inside .table-wrap: keyboard users must be able to
  // reach that scrolling area, so it becomes a focusable, named region when it overflows.
  function makeScrollableTablesFocusable(root) {
    var wraps = (root || document).querySelectorAll(".table-wrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.hasAttribute("tabindex") || wrap.scrollWidth <= wrap.clientWidth) continue;
      wrap.setAttribute("tabindex", "0");
      if (!wrap.hasAttribute("role")) wrap.setAttribute("role", "region");
      if (!wrap.hasAttribute("aria-label") && !wrap.hasAttribute("aria-labelledby")) {
        var caption = wrap.querySelector("caption");
        var name = caption ? caption.textContent.trim() : "";
        wrap.setAttribute("aria-label", name || "Tableau");
      }
    }
  }

  // After a form comes back with errors, move focus to its error summary (or, without one, to the
  // first invalid field) so that screen reader and keyboard users learn what to fix.
  var errorSummary = ".validation-summary-errors:not(.validation-summary-valid)";
  var invalidField = ".input-validation-error, [aria-invalid='true']";

  function focusFirstError(root) {
    var target = (root.matches && root.matches(errorSummary) ? root : root.querySelector(errorSummary))
      || (root.matches && root.matches(invalidField) ? root : root.querySelector(invalidField));
    if (!target) return;
    if (target.matches(errorSummary) && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function init() {
    setupNavToggle();
    makeScrollableTablesFocusable(document);
    focusFirstError(document);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }

  // event.target is the swapped-in element (the new one for an outerHTML swap).
  document.addEventListener("htmx:afterSettle", function (event) {
    var settled = event.target;
    if (!(settled instanceof Element)) return;
    makeScrollableTablesFocusable(settled.parentNode || document);
    focusFirstError(settled);
  });

  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { makeScrollableTablesFocusable(document); }, 200);
  });
})();
