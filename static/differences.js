// The keyboard's way to what each difference between two versions is, and which one
// explanation shows (without this script the stylesheet shows it on hover and on focus).
// One Tab stop a passage, not one a difference: a page may have dozens, and tabbing
// through each to reach the next link is tedious.
// In a passage the arrows move from difference to difference, as in a toolbar. Screen
// readers already hear each explanation from words hidden in the mark, and a focused
// mark reads as before; what is drawn stays unheard.
(function () {
  "use strict";
  var DIFFERENCE = "[data-explanation]";
  function differenceAt(node) {
    return node && node.closest ? node.closest(".diff-text " + DIFFERENCE) : null;
  }
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
    var difference = differenceAt(event.target);
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
    // Escape hides the explanation without moving pointer or focus (WCAG 1.4.13).
    if (event.key === "Escape") {
      dismiss();
      return;
    }
    // Alt with an arrow is the browser's Back and Forward: left alone.
    if (!MOVES[event.key] || event.altKey || event.ctrlKey || event.metaKey) return;
    var difference = differenceAt(event.target);
    if (!difference) return;
    var found = differences(difference.closest(".diff-text"));
    var next = found[MOVES[event.key](found.indexOf(difference), found.length - 1)];
    event.preventDefault();
    next.focus();
  });

  // One explanation at a time, the latest reached: hovering one while the keyboard is on
  // another drew both, one over the other. When the one shown is left, the one still
  // pointed at or focused shows again, unless Escape dismissed it.
  var shownNow = null;
  function show(difference) {
    if (difference === shownNow) return;
    if (shownNow) shownNow.removeAttribute("data-shown");
    shownNow = difference;
    if (!difference) return;
    difference.removeAttribute("data-dismissed");
    difference.setAttribute("data-shown", "");
  }
  function unlessDismissed(difference) {
    return difference && !difference.hasAttribute("data-dismissed") ? difference : null;
  }
  function dismiss() {
    [pointedAt, focusedDifference()].forEach(function (held) {
      if (held) held.setAttribute("data-dismissed", "");
    });
    show(null);
  }
  // The difference the reader moved the pointer onto. Not :hover or mouseover: those
  // change too when the page scrolls under a resting pointer, as it does when an arrow
  // key brings the next difference into view, and would take the explanation from it.
  var pointedAt = null;
  function pointed(event) {
    var difference = event.type === "mouseout" ? null : differenceAt(event.target);
    if (difference === pointedAt) return;
    var before = pointedAt;
    pointedAt = difference;
    if (difference) show(difference);
    else if (before === shownNow) show(unlessDismissed(focusedDifference()));
  }
  function focusedDifference() {
    return differenceAt(document.activeElement);
  }
  document.addEventListener("mousemove", pointed);
  document.addEventListener("mouseout", function (event) {
    if (!event.relatedTarget) pointed(event);  // off the page
  });
  document.addEventListener("focusin", function (event) {
    var difference = differenceAt(event.target);
    if (difference) show(difference);
  });
  document.addEventListener("focusout", function (event) {
    if (differenceAt(event.target) === shownNow) show(unlessDismissed(pointedAt));
  });
  // The stylesheet shows what this script marks shown, no longer what is hovered or focused.
  document.documentElement.setAttribute("data-shows-latest", "");
})();
