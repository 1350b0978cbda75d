/* Practice mode of index.html: a timer for spoken answers (the flashcards are <details>
   elements and need no script). It counts from the clock (Date.now), not from ticks,
   so a busy or background tab never loses time. Its limits and words come from the
   #timer element's data attributes, written by showcase: data-min and data-max
   (seconds), data-idle, data-running, data-stopped ("{time}", "{verdict}"), and for
   each state (under, in-range, over) data-<state> (the verdict) and data-short-<state>
   (the badge). The status line is aria-live and changes only when something happens
   (start, stop, reset, crossing a limit), never every second. No network, nothing
   stored. */
(function () {
  var box = document.getElementById("timer");
  if (!box) { return; }
  var clock = document.getElementById("timer-clock");
  var badge = document.getElementById("timer-badge");
  var status = document.getElementById("timer-status");
  var start = document.getElementById("timer-start");
  var stop = document.getElementById("timer-stop");
  var reset = document.getElementById("timer-reset");
  var min = parseInt(box.getAttribute("data-min"), 10);
  var max = parseInt(box.getAttribute("data-max"), 10);
  var elapsed = 0;   // milliseconds counted before the current run
  var since = null;  // Date.now() when the current run started; null when stopped
  var ticker = null;
  var last = null;   // the state last shown

  function words(name) { return box.getAttribute("data-" + name) || ""; }
  function seconds() {
    return Math.floor((elapsed + (since === null ? 0 : Date.now() - since)) / 1000);
  }
  function format(total) {
    var s = total % 60;
    return Math.floor(total / 60) + ":" + (s < 10 ? "0" : "") + s;
  }
  function stateOf(total) {
    return total < min ? "under" : total > max ? "over" : "in-range";
  }
  function show(message) {
    var total = seconds();
    var state = stateOf(total);
    var idle = total === 0 && since === null;
    clock.textContent = format(total);
    badge.textContent = idle ? "" : words("short-" + state);
    box.setAttribute("data-state", idle ? "idle" : state);
    box.setAttribute("data-seconds", String(total));
    if (message) {
      status.textContent = message;
    } else if (since !== null && last !== null && state !== last) {
      status.textContent = format(total) + ": " + words(state);  // crossed a limit
    }
    last = state;
  }
  function running(on) {
    start.disabled = on;
    stop.disabled = !on;
  }
  start.addEventListener("click", function () {
    if (since !== null) { return; }
    since = Date.now();
    running(true);
    show(words("running"));
    ticker = setInterval(function () { show(""); }, 250);
    stop.focus();
  });
  stop.addEventListener("click", function () {
    if (since === null) { return; }
    elapsed += Date.now() - since;
    since = null;
    clearInterval(ticker);
    running(false);
    var total = seconds();
    show(words("stopped").replace("{time}", format(total)).replace("{verdict}", words(stateOf(total))));
    start.focus();
  });
  reset.addEventListener("click", function () {
    elapsed = 0;
    if (since !== null) { since = Date.now(); }
    show(since === null ? words("idle") : words("running"));
  });
  running(false);
  show(words("idle"));
})();
