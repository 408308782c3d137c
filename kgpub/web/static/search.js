/* Suggestions for the search box every page has (base.html). Without this file the box still works:
   it submits to /search, a results page. Suggestions come from /search.json (kgpub/web/search.py);
   every text is set with textContent (never HTML), and a suggestion links only to an http(s) href. */
(function () {
  "use strict";
  var DELAY_MS = 120;
  var LIMIT = 8;

  function safeHref(href) {
    return typeof href === "string" && /^https?:\/\//i.test(href) ? href : null;
  }

  function setup(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    var endpoint = input.getAttribute("data-suggest");
    var timer = null;
    var sequence = 0;
    var active = -1;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      for (var i = 0; i < items.length; i++) {
        items[i].setAttribute("aria-selected", i === active ? "true" : "false");
      }
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    function render(results) {
      list.textContent = "";
      active = -1;
      results.forEach(function (r, i) {
        var href = safeHref(r.href);
        if (!href) return;
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var a = document.createElement("a");
        a.href = href;
        a.tabIndex = -1;
        var name = document.createElement("span");
        name.className = "suggestion-name";
        name.textContent = r.label;
        if (r.lang) name.lang = r.lang;
        a.appendChild(name);
        var meta = [r.type === "body" ? r.kind : r.type, r.context, r.municipality].filter(Boolean);
        if (meta.length) {
          var small = document.createElement("small");
          small.textContent = meta.join(" · ");
          a.appendChild(document.createTextNode(" "));
          a.appendChild(small);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      var shown = options().length > 0;
      list.hidden = !shown;
      input.setAttribute("aria-expanded", shown ? "true" : "false");
    }

    function fetchSuggestions() {
      var query = input.value;
      if (!query.trim()) {
        close();
        return;
      }
      var mine = ++sequence;
      var url = endpoint + "?q=" + encodeURIComponent(query) + "&limit=" + LIMIT;
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (body) {
          if (mine === sequence) render(body.results || []);
        })
        .catch(function () {
          if (mine === sequence) close();
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(options()[active].querySelector("a").href);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () {
      setTimeout(close, 200); /* after a click on a suggestion has followed its link */
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i++) setup(inputs[i]);
  });
})();
