// The city form's "Fill in from the gazetteer": looks up the Italian name in the chosen
// country (cities:gazetteer, offline GeoNames), lists the places of that name largest
// first, and fills in population, coordinates and region with the one the editor picks.
(function () {
  "use strict";

  function field(name) {
    return document.getElementById("id_" + name);
  }

  function set(name, value) {
    var input = field(name);
    if (input && value !== "" && value !== null && value !== undefined) {
      input.value = value;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function choose(box, place) {
    set("population", place.population);
    set("latitude", place.latitude);
    set("longitude", place.longitude);
    if (place.region && field("region") && !field("region").value) {
      set("region", place.region);
    }
    var done = document.createElement("p");
    done.textContent = box.dataset.filled.replace("{place}", place.name);
    box.querySelector(".gazetteer-places").replaceChildren(done);
  }

  function show(box, typed, places) {
    var list = box.querySelector(".gazetteer-places");
    if (!places.length) {
      var none = document.createElement("p");
      none.textContent = box.dataset.none.replace("{name}", typed);
      list.replaceChildren(none);
      return;
    }
    var items = document.createElement("ul");
    places.forEach(function (place) {
      var item = document.createElement("li");
      var name = document.createElement("strong");
      name.textContent = place.name;
      var population = place.population.toLocaleString(document.documentElement.lang || undefined);
      var details = [place.region_label, population + " " + box.dataset.inhabitants,
        place.latitude + ", " + place.longitude].filter(Boolean).join(" · ");
      var use = document.createElement("button");
      use.type = "button";
      use.className = "button";
      use.textContent = box.dataset.use;
      use.setAttribute("aria-label", box.dataset.use + ": " + place.name + " (" + details + ")");
      use.addEventListener("click", function () { choose(box, place); });
      item.append(name, " — " + details + " ", use);
      items.append(item);
    });
    list.replaceChildren(items);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".gazetteer").forEach(function (box) {
      box.querySelector(".gazetteer-find").addEventListener("click", function () {
        var name = (field("name_it") || field("name")).value.trim();
        var list = box.querySelector(".gazetteer-places");
        if (!name) {
          list.textContent = box.dataset.noName;
          return;
        }
        var country = field("country") ? field("country").value : "IT";
        fetch(box.dataset.url + "?" + new URLSearchParams({ name: name, country: country }), {
          headers: { Accept: "application/json" },
          credentials: "same-origin"
        })
          .then(function (response) { return response.json(); })
          .then(function (data) { show(box, name, data.places); });
      });
    });
  });
})();
