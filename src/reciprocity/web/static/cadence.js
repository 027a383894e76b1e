/* The ritual form's "how often": show only the fields the chosen cadence uses.
   Without this script every field shows, each with a hint saying when it counts. */
(function () {
  "use strict";
  function key(every, which) {
    if (every === "month") { return which === "date" ? "month-date" : "month-weekday"; }
    return every.replace(/ /g, "-");
  }
  document.querySelectorAll("[data-cadence]").forEach(function (box) {
    var every = box.querySelector("select[name=every]");
    var which = box.querySelector("select[name=which]");
    var parts = box.querySelectorAll("[data-cadence-for]");
    function show() {
      var chosen = key(every.value, which.value);
      parts.forEach(function (part) {
        var wanted = part.getAttribute("data-cadence-for").split(" ");
        var shown = wanted.indexOf(chosen) >= 0 || (chosen.indexOf("month") === 0 && wanted.indexOf("month") >= 0);
        part.hidden = !shown;
        if (shown && part.tagName === "DETAILS") { part.open = true; }
      });
      box.classList.add("shaped");
    }
    every.addEventListener("change", show);
    which.addEventListener("change", show);
    show();
  });
})();
