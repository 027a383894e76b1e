/* The page of a PDF being made: ask how it is going every second, say so in place,
   and show the finished page once it is ready. Without this script the page
   refreshes itself (a <noscript> refresh) and says the same. */
(function () {
  "use strict";
  var box = document.querySelector("[data-making]");
  if (!box) { return; }
  var said = box.querySelector("[data-said]");
  function look() {
    fetch(box.getAttribute("data-making"), { headers: { "accept": "application/json" }, cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : { state: "gone" }; })
      .then(function (now) {
        if (now.working) {
          if (said.textContent !== now.said) { said.textContent = now.said; }
          window.setTimeout(look, 1000);
        } else {
          window.location.replace(window.location.href);
        }
      })
      .catch(function () { window.setTimeout(look, 2000); });
  }
  window.setTimeout(look, 1000);
})();
