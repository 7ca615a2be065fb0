// A link to a passage of an article lands on an empty anchor where the passage starts:
// outline every piece of that passage, which CSS alone cannot reach, and say which it is.
(function () {
  "use strict";
  function show() {
    document.querySelectorAll(".followed").forEach(function (piece) {
      piece.classList.remove("followed");
    });
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    if (!id) return;
    document.querySelectorAll("[data-in]").forEach(function (piece) {
      if (piece.getAttribute("data-in").split(" ").indexOf(id) >= 0) {
        piece.classList.add("followed");
      }
    });
  }
  window.addEventListener("hashchange", show);
  show();
})();
