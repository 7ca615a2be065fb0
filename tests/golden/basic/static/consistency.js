// Filters the quotation groups by speaker and outlet. Without JavaScript every group shows.
(function () {
  var form = document.querySelector(".filters");
  if (!form) return;
  var groups = Array.prototype.slice.call(document.querySelectorAll(".group"));
  var count = form.querySelector(".shown-count");
  function apply() {
    var speaker = form.elements.speaker.value;
    var outlet = form.elements.outlet.value;
    var shown = 0;
    groups.forEach(function (group) {
      var visible = (!speaker || group.dataset.speaker === speaker) &&
        (!outlet || group.dataset.outlets.split(" ").indexOf(outlet) >= 0);
      group.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown;
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
