/* Filters the chronology by speaker, venue, stance and words, in place. The page works without it:
   the facet pages (actors/, venues/, stances/) do the same with plain links. */
(function () {
  "use strict";
  var form = document.getElementById("filter-form");
  if (!form) return;
  var events = Array.prototype.slice.call(document.querySelectorAll("article.event"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.month, section.year"));
  var status = document.getElementById("filter-status");
  var fields = { actor: "speaker", venue: "venue", stance: "stance" };
  var text = events.map(function (e) { return (e.textContent || "").toLowerCase(); });

  function apply() {
    var want = {}, active = false;
    Object.keys(fields).forEach(function (name) {
      want[fields[name]] = form.elements[name].value;
      if (want[fields[name]]) active = true;
    });
    var words = form.elements.q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0, total = 0;
    events.forEach(function (e, i) {
      var isContext = e.getAttribute("data-kind") === "context";
      var ok = words.every(function (w) { return text[i].indexOf(w) >= 0; });
      if (!isContext) {
        total += 1;
        Object.keys(want).forEach(function (key) {
          if (want[key] && e.getAttribute("data-" + key) !== want[key]) ok = false;
        });
      } else if (active) {
        ok = words.length === 0;  /* context entries stay as orientation */
      }
      e.hidden = !ok;
      if (ok && !isContext) shown += 1;
    });
    sections.forEach(function (s) {
      s.hidden = !s.querySelector("article.event:not([hidden]):not([data-kind=context])") && (active || words.length > 0);
    });
    status.textContent = (active || words.length) ? shown + " of " + total + " statements shown." : "";
    var params = new URLSearchParams();
    Object.keys(fields).forEach(function (n) { if (form.elements[n].value) params.set(n, form.elements[n].value); });
    if (form.elements.q.value) params.set("q", form.elements.q.value);
    var query = params.toString();
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", query ? "?" + query : window.location.pathname); } catch (err) { /* file: URLs */ }
    }
  }

  var initial = new URLSearchParams(window.location.search);
  ["actor", "venue", "stance", "q"].forEach(function (n) { if (initial.get(n)) form.elements[n].value = initial.get(n); });
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  apply();
})();
