// The search page: Pagefind's interface over the index the build made (/pagefind/),
// started with the words of a link to it (?q=…), so a search can be shared or bookmarked.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  if (typeof PagefindUI !== "function") {
    // No index (the build could not make one: it said why): say so.
    box.querySelector(".search-unavailable").hidden = false;
    return;
  }
  var search = new PagefindUI({
    element: "#search",
    bundlePath: box.dataset.index,
    baseUrl: box.dataset.base,
    showImages: false,
    showSubResults: true,
    autofocus: true,
    processResult: titled
  });
  // A claim's verdict and an article's outlet beside its title, what a reader picks by
  // (read there first, rather than in a tag below the excerpt, where Pagefind puts them).
  function titled(result) {
    var meta = result.meta;
    if (meta.verdict) meta.title += " — rated " + meta.verdict;
    else if (meta.outlet) meta.title += " (" + meta.outlet + ")";
    delete meta.verdict;
    delete meta.outlet;
    return result;
  }
  // Pagefind's box has only a placeholder: the page's heading is its visible label.
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-labelledby", box.dataset.label);
  var words = new URLSearchParams(window.location.search).get("q");
  if (words) search.triggerSearch(words);
})();
