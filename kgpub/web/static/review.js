// The review page's one script: text selected in the source text becomes the evidence span of a body
// to add. Offsets are Unicode code points into text.txt, as every evidence span in kgpub (Python's
// str indices); the DOM counts UTF-16 code units, so a character outside the BMP (an emoji, 𝔸) is
// one character here but two units there. Each piece of the text is an element carrying its own
// code-point start (data-start), so only the part of one text node before the boundary is counted.
// The server checks that text[start:end] is exactly the quote sent with it.
(function () {
  "use strict";
  var text = document.getElementById("source-text");
  var form = document.getElementById("add-form");
  if (!text || !form) {
    return;
  }
  var fields = {
    start: form.querySelector("[name=start]"),
    end: form.querySelector("[name=end]"),
    quote: form.querySelector("[name=quote]"),
    name: form.querySelector("[name=name]"),
  };
  var status = document.getElementById("selection-status");
  var whole = Array.from(text.textContent); // code points, in order

  function codePoints(s) {
    return Array.from(s).length;
  }

  // The code-point offset in text.txt of a DOM boundary point (container, offset), or null.
  function position(container, offset) {
    if (container.nodeType === Node.TEXT_NODE) {
      var piece = container.parentElement && container.parentElement.closest("[data-start]");
      if (!piece || !text.contains(piece)) {
        return null;
      }
      return Number(piece.dataset.start) + codePoints(container.data.slice(0, offset));
    }
    if (container === text) {
      var next = text.children[offset];
      return next ? Number(next.dataset.start) : whole.length;
    }
    var element = container.closest && container.closest("[data-start]");
    if (!element || !text.contains(element)) {
      return null;
    }
    return offset === 0 ? Number(element.dataset.start) : Number(element.dataset.end);
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) {
      return;
    }
    var start = position(range.startContainer, range.startOffset);
    var end = position(range.endContainer, range.endOffset);
    if (start === null || end === null) {
      return;
    }
    while (start < end && /\s/.test(whole[start])) {
      start += 1; // a selection's stray leading or trailing blank is not evidence
    }
    while (end > start && /\s/.test(whole[end - 1])) {
      end -= 1;
    }
    if (end <= start) {
      return;
    }
    var quote = whole.slice(start, end).join("");
    fields.start.value = String(start);
    fields.end.value = String(end);
    fields.quote.value = quote;
    if (!fields.name.dataset.edited) {
      fields.name.value = quote.length <= 200 ? quote : "";
    }
    status.textContent = "Selected characters " + start + "–" + end + ": “" + quote + "”";
  }

  fields.name.addEventListener("input", function () {
    fields.name.dataset.edited = "1";
  });
  document.addEventListener("selectionchange", update);
})();
