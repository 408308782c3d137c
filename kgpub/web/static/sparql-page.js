/* The query page's editor: YASGUI on this server's endpoint, with the named queries as examples.
   A static file, not an inline script: the Content-Security-Policy allows scripts from this site only
   (script-src 'self'), so nothing a page shows from the data can ever run. */
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  if (typeof Yasgui === "undefined" || !root) { return; }
  var endpoint = new URL(root.dataset.endpoint, window.location.href).toString();
  var examples = JSON.parse(document.getElementById("kgpub-examples").textContent);
  // Nothing may be fetched from other sites: no LOV class/property lookups, no prefix.cc.
  Yasgui.defaults.yasqe.autocompleters = ["prefixes", "variables"];
  Yasgui.defaults.yasqe.prefixCcApi = null;
  Yasgui.defaults.requestConfig.endpoint = endpoint;
  if (examples.length) { Yasgui.defaults.yasqe.value = examples[0]; }
  Yasgui.defaults.endpointCatalogueOptions.getData = function () { return [{ endpoint: endpoint }]; };
  var yasgui = new Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: "kgpub-yasgui"
  });
  document.querySelectorAll("button.load-example").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      yasgui.getTab().setQuery(examples[Number(button.dataset.example)]);
      root.scrollIntoView();
    });
  });
  document.getElementById("plain-form").hidden = true;
  window.kgpubYasgui = yasgui;
})();
