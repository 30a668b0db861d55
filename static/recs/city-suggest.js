// Suggests city names as one types, in every box marked data-suggest (the address of
// cities:city-names) with a <datalist>: thousands of cities are too many for a list.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 2 || typed === asked) {
          return;
        }
        asked = typed;
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { names: [] }; })
          .then(function (data) {
            if (input.value.trim() !== typed) {
              return; // the visitor has typed on meanwhile
            }
            list.replaceChildren.apply(list, data.names.map(function (name) {
              var option = document.createElement("option");
              option.value = name;
              return option;
            }));
          })
          .catch(function () {}); // no suggestions: the box still takes a whole name
      }, 150);
    });
  });
})();
