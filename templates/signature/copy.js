/* Copy buttons for showcase's pages. A button with data-copy="ID" copies the text of the
   element with that id; with data-copy-kind="html" it copies the element's HTML as rich
   text (text/html, with data-copy-text="ID2" naming its plain-text twin), so that it
   pastes into Gmail, Outlook or Apple Mail with its formatting. The async Clipboard API
   is used where the page may; otherwise the selection is copied with execCommand. */
(function () {
  var status = document.getElementById("status");
  var clear = null;
  function say(message) {
    if (!status) { return; }
    status.textContent = message;
    if (clear) { clearTimeout(clear); }
    clear = setTimeout(function () { status.textContent = ""; }, 4000);
  }
  function copied(button, kind) {
    document.body.setAttribute("data-copied", kind);
    document.body.setAttribute("data-copied-target", button.getAttribute("data-copy"));
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = "Copied";
    setTimeout(function () { button.textContent = label; }, 1600);
    say(kind === "html" ? "Copied with formatting. Paste it into your mail app's signature settings."
                        : "Copied.");
  }
  function viaSelection(node, button, kind) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    selection.removeAllRanges();
    if (ok) { copied(button, kind); } else { say("Select the text and press Ctrl+C (Cmd+C on a Mac)."); }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) { return; }
    var node = document.getElementById(button.getAttribute("data-copy"));
    if (!node) { return; }
    var kind = button.getAttribute("data-copy-kind") === "html" ? "html" : "text";
    if (kind === "html") {
      var twin = document.getElementById(button.getAttribute("data-copy-text") || "");
      var html = node.innerHTML;
      var text = twin ? twin.textContent : node.innerText;
      window.showcaseLastCopy = { "text/html": html, "text/plain": text };
      if (navigator.clipboard && window.ClipboardItem) {
        var item = new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" })
        });
        navigator.clipboard.write([item]).then(function () { copied(button, kind); },
                                               function () { viaSelection(node, button, kind); });
      } else {
        viaSelection(node, button, kind);
      }
    } else {
      var plain = node.textContent;
      window.showcaseLastCopy = { "text/plain": plain };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(plain).then(function () { copied(button, kind); },
                                                  function () { viaSelection(node, button, kind); });
      } else {
        viaSelection(node, button, kind);
      }
    }
  });
})();
