// The id the address's #part names; "" for none, or one that is not valid percent-encoding.
function hashId() {
  try { return decodeURIComponent(location.hash.slice(1)); } catch (error) { return ""; }
}

// Filters the quotation groups by speaker and outlet; with an outlet chosen, only the
// comparisons it takes part in. The choice is kept in the address (?speaker=…&outlet=…),
// so a filtered list can be shared and survives a reload. Without JavaScript every group
// shows.
(function () {
  var form = document.querySelector(".filters");
  if (!form) return;
  var groups = Array.prototype.slice.call(document.querySelectorAll(".group"));
  var count = form.querySelector(".shown-count");
  var reset = form.querySelector("button.show-all");
  function has(list, item) { return list.split(" ").indexOf(item) >= 0; }
  function choose(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : "";
  }
  function remember(speaker, outlet) {
    if (!window.URLSearchParams || !history.replaceState) return;
    var query = new URLSearchParams();
    if (speaker) query.set("speaker", speaker);
    if (outlet) query.set("outlet", outlet);
    var search = query.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }
  function apply() {
    var speaker = form.elements.speaker.value;
    var outlet = form.elements.outlet.value;
    var shown = 0;
    groups.forEach(function (group) {
      var visible = (!speaker || group.dataset.speaker === speaker) &&
        (!outlet || has(group.dataset.outlets, outlet));
      group.hidden = !visible;
      if (visible) shown += 1;
      group.querySelectorAll(".pair").forEach(function (pair) {
        pair.hidden = Boolean(outlet) && !has(pair.dataset.outlets, outlet);
      });
    });
    count.textContent = shown;
    reset.hidden = !speaker && !outlet;
    remember(speaker, outlet);
  }
  if (window.URLSearchParams) {
    var asked = new URLSearchParams(location.search);
    choose(form.elements.speaker, asked.get("speaker") || "");
    choose(form.elements.outlet, asked.get("outlet") || "");
  }
  form.addEventListener("change", apply);
  function clear() {
    form.elements.speaker.value = "";
    form.elements.outlet.value = "";
    apply();
  }
  reset.addEventListener("click", function () {
    clear();
    // The button hides itself: keep the keyboard's place in the form.
    form.elements.speaker.focus();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
  // A shared address may name a group its filter hides: show everything rather than
  // land on nothing.
  function reveal() {
    var target = document.getElementById(hashId());
    if (target && target.closest(".group") && target.closest(".group").hidden) {
      clear();
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();

// A link to a group that is not on this page, because later builds moved it to another
// page or gave it a new id when a fuller version was quoted: look up where it is now.
(function () {
  var script = document.querySelector("script[data-addresses]");
  if (!script || !window.fetch) return;
  function follow() {
    var id = hashId();
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
