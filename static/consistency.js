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

// A link to a group that is not on this page, because later builds moved it to another
// page or gave it a new id when a fuller version was quoted: look up where it is now.
(function () {
  var script = document.querySelector("script[data-addresses]");
  if (!script || !window.fetch) return;
  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    fetch(script.dataset.addresses).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (addresses) {
      var target = addresses[id];
      if (target && target !== location.pathname + location.hash) location.replace(target);
    }).catch(function () {});
  }
  window.addEventListener("hashchange", follow);
  follow();
})();
