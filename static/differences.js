// The keyboard's way to what each difference between two versions is (the stylesheet
// shows it on hover and on focus). One Tab stop a passage, not one a difference: a
// page may have dozens, and tabbing through each to reach the next link is tedious.
// In a passage the arrows move from difference to difference, as in a toolbar. Screen
// readers already hear each explanation from words hidden in the mark, and a focused
// mark reads as before; what is drawn stays unheard.
(function () {
  "use strict";
  var DIFFERENCE = "[data-explanation]";
  function differences(passage) {
    return Array.prototype.slice.call(passage.querySelectorAll(DIFFERENCE));
  }
  // The page makes every difference a Tab stop, for readers without this script.
  document.querySelectorAll(".diff-text").forEach(function (passage) {
    var found = differences(passage);
    if (!found.length) return;
    found.forEach(function (difference, at) { difference.tabIndex = at === 0 ? 0 : -1; });
    // The stylesheet names the arrows only where they have somewhere to go.
    if (found.length > 1) passage.setAttribute("data-several", "");
  });
  // The one a passage keeps as its Tab stop is the last one reached, by key or by tap.
  document.addEventListener("focusin", function (event) {
    var difference = event.target.closest && event.target.closest(".diff-text " + DIFFERENCE);
    if (!difference) return;
    differences(difference.closest(".diff-text")).forEach(function (other) {
      other.tabIndex = other === difference ? 0 : -1;
    });
  });
  var MOVES = {
    ArrowRight: function (at, last) { return Math.min(at + 1, last); },
    ArrowLeft: function (at) { return Math.max(at - 1, 0); },
    Home: function () { return 0; },
    End: function (at, last) { return last; }
  };
  document.addEventListener("keydown", function (event) {
    // Escape hides what hovering or focus shows without moving either (WCAG 1.4.13).
    if (event.key === "Escape") {
      document.querySelectorAll(DIFFERENCE + ":hover, " + DIFFERENCE + ":focus")
        .forEach(function (shown) { shown.setAttribute("data-dismissed", ""); });
      return;
    }
    // Alt with an arrow is the browser's Back and Forward: left alone.
    if (!MOVES[event.key] || event.altKey || event.ctrlKey || event.metaKey) return;
    var difference = event.target.closest && event.target.closest(".diff-text " + DIFFERENCE);
    if (!difference) return;
    var found = differences(difference.closest(".diff-text"));
    var next = found[MOVES[event.key](found.indexOf(difference), found.length - 1)];
    event.preventDefault();
    next.focus();
  });
  // A dismissed explanation shows again once both pointer and focus have left it and
  // one comes back.
  function undismiss(event) {
    var difference = event.target.closest && event.target.closest(DIFFERENCE);
    if (!difference || difference.contains(event.relatedTarget)) return;
    var held = event.type === "focusout" ? difference.matches(":hover")
      : difference === document.activeElement;
    if (!held) difference.removeAttribute("data-dismissed");
  }
  document.addEventListener("focusout", undismiss);
  document.addEventListener("mouseout", undismiss);
})();
