/* showcase edit: a form for every section of the profile, generated from its JSON Schema,
   saved as you type (what you type is always saved), with problems shown at their field
   and a live preview beside it. No framework, no network but this page's own server. */
(function () {
  "use strict";

  var TOKEN = document.querySelector('meta[name="showcase-token"]').content;
  var SAVE_DELAY_MS = 300;
  var POLL_MS = 1500;
  var DATE_PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
  var LINE_PATTERN = "^[^\\n\\r]*$";

  var state = {
    schema: null, data: null, etag: null, problems: [], previewVersion: -1, page: "resume",
    timer: null, saving: false, again: false, conflict: null, uid: 0
  };
  var form = document.getElementById("form");
  var statusEl = document.getElementById("save-status");

  // --- the server --------------------------------------------------------------------

  function request(method, url, body, headers) {
    var init = { method: method, headers: headers || {}, cache: "no-store" };
    if (method !== "GET") { init.headers["X-Showcase-Token"] = TOKEN; }
    if (body !== undefined) { init.body = body; }
    return fetch(url, init).then(function (response) {
      if (response.status === 304) { return { status: 304, json: null }; }
      return response.json().then(function (json) {
        return { status: response.status, json: json, etag: response.headers.get("ETag") };
      });
    });
  }

  function say(text) { statusEl.textContent = text; }

  // --- paths ("credentials[2].issued", as `showcase validate` names fields) ----------------

  function pathText(path) {
    var out = "";
    path.forEach(function (part) {
      if (typeof part === "number") { out += "[" + part + "]"; }
      else { out += (out ? "." : "") + part; }
    });
    return out;
  }

  function getAt(path) {
    var node = state.data;
    for (var i = 0; i < path.length && node !== undefined && node !== null; i++) {
      node = node[path[i]];
    }
    return node;
  }

  function setAt(path, value) {
    var node = state.data;
    for (var i = 0; i < path.length - 1; i++) {
      if (node[path[i]] === undefined || node[path[i]] === null) {
        node[path[i]] = typeof path[i + 1] === "number" ? [] : {};
      }
      node = node[path[i]];
    }
    var last = path[path.length - 1];
    if (value === undefined) {
      if (Array.isArray(node)) { node.splice(last, 1); } else { delete node[last]; }
    } else {
      node[last] = value;
    }
  }

  // --- the schema ----------------------------------------------------------------------

  function deref(s) {
    var seen = 0;
    while (s && s.$ref && seen++ < 20) {
      var target = state.schema.$defs[s.$ref.split("/").pop()] || {};
      var merged = Object.assign({}, target, s);
      delete merged.$ref;
      merged.title = s.title || target.title;
      merged.description = s.description || target.description;
      s = merged;
    }
    return s || {};
  }

  function alternatives(s) {
    s = deref(s);
    if (!s.anyOf) { return [s]; }
    var out = [];
    s.anyOf.forEach(function (alt) { out = out.concat(alternatives(alt)); });
    return out;
  }

  /* What kind of control a schema asks for: {kind, schema, nullable}. */
  function describe(raw) {
    var s = deref(raw);
    var alts = alternatives(s);
    var nonNull = alts.filter(function (a) { return a.type !== "null"; });
    var nullable = nonNull.length < alts.length;
    var kind, main = nonNull[0] || {};
    if (nonNull.some(function (a) { return a.pattern === DATE_PATTERN; })) {
      kind = "date";
    } else if (nonNull.length > 1) {
      kind = "json";
    } else if (main.enum) {
      kind = "select";
    } else if (main.type === "boolean") {
      kind = "checkbox";
    } else if (main.type === "integer" || main.type === "number") {
      kind = "number";
    } else if (main.type === "object" && main.properties) {
      kind = "object";
    } else if (main.type === "object" && main.propertyNames) {
      kind = "titles";
    } else if (main.type === "array") {
      var items = deref(main.items || {});
      if (items.type === "object" || items.properties) { kind = "list"; }
      else if (items.enum) { kind = "choices"; }
      else { kind = "lines"; }
    } else if (main.type === "string") {
      kind = (main.pattern || main.format || main.maxLength) ? "line" : "text";
    } else {
      kind = "json";
    }
    var merged = Object.assign({}, main);
    merged.title = s.title || main.title;
    merged.description = s.description || main.description;
    return { kind: kind, schema: merged, nullable: nullable };
  }

  // --- building controls ----------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; }
      else if (attrs[key] !== null && attrs[key] !== undefined) { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function nextId(prefix) { state.uid += 1; return prefix + "-" + state.uid; }

  function humanTitle(key, s) {
    if (s && s.title) { return s.title; }
    var text = String(key).replace(/_/g, " ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function credentialIds() {
    return (state.data.credentials || []).map(function (c) { return c && c.id; })
      .filter(function (id) { return typeof id === "string" && id; });
  }

  function changed() {
    clearTimeout(state.timer);
    say("Unsaved changes…");
    state.timer = setTimeout(save, SAVE_DELAY_MS);
  }

  /* A labelled field wrapper: label, help, the control, a place for its problems. */
  function wrap(path, label, help, control, labelFor) {
    var box = el("div", { "class": "field", "data-field": pathText(path) });
    var helpId = help ? nextId("help") : null;
    box.appendChild(el("label", { "for": labelFor, text: label }));
    if (help) {
      box.appendChild(el("p", { "class": "help", id: helpId, text: help }));
    }
    box.appendChild(control);
    var input = box.querySelector("#" + labelFor) || control;
    if (helpId) { input.setAttribute("aria-describedby", helpId); }
    return box;
  }

  function scalarControl(info, path, key) {
    var s = info.schema, value = getAt(path), id = nextId("f");
    var label = humanTitle(key, s), help = s.description || "";
    var input;
    var isStackPick = key === "credentials" && path.length > 1;
    var isIdPick = key === "credential" || key === "hide" || isStackPick;

    function store(v) { setAt(path, v); changed(); }

    if (isIdPick && (info.kind === "lines" || info.kind === "choices")) {
      return choicesControl(path, label, help, credentialIds(), true);
    }
    if (key === "credential" && info.kind === "line") {
      input = el("select", { id: id, "data-path": pathText(path) });
      input.appendChild(el("option", { value: "", text: "(none)" }));
      credentialIds().forEach(function (cid) {
        input.appendChild(el("option", { value: cid, text: cid }));
      });
      if (value && credentialIds().indexOf(value) < 0) {
        input.appendChild(el("option", { value: value, text: value + " (no such credential)" }));
      }
      input.value = value || "";
      input.addEventListener("change", function () { store(input.value || undefined); });
      return wrap(path, label, help, input, id);
    }
    switch (info.kind) {
      case "select":
        input = el("select", { id: id, "data-path": pathText(path) });
        if (info.nullable || s["default"] === undefined) {
          input.appendChild(el("option", { value: "", text: "(not set)" }));
        }
        s.enum.forEach(function (option) {
          input.appendChild(el("option", { value: option, text: option }));
        });
        if (value !== undefined && value !== null && s.enum.indexOf(value) < 0) {
          input.appendChild(el("option", { value: String(value), text: String(value) }));
        }
        input.value = value === undefined || value === null ? (s["default"] || "") : String(value);
        input.addEventListener("change", function () { store(input.value || undefined); });
        return wrap(path, label, help, input, id);
      case "checkbox":
        input = el("input", { type: "checkbox", id: id, "data-path": pathText(path) });
        input.checked = value === true;
        input.addEventListener("change", function () { store(input.checked ? true : undefined); });
        return wrap(path, label, help, input, id);
      case "number":
        input = el("input", { type: "text", inputmode: "decimal", id: id, "data-path": pathText(path) });
        input.value = value === undefined || value === null ? "" : String(value);
        input.addEventListener("input", function () {
          var text = input.value.trim();
          var number = Number(text);
          store(text === "" ? undefined : (isFinite(number) ? number : input.value));
        });
        return wrap(path, label, help, input, id);
      case "date":
        return dateControl(path, label, help, value);
      case "text":
        input = el("textarea", { id: id, rows: "3", "data-path": pathText(path) });
        input.value = value === undefined || value === null ? "" : String(value);
        input.addEventListener("input", function () {
          store(input.value === "" ? undefined : input.value);
        });
        return wrap(path, label, help, input, id);
      case "lines":
        input = el("textarea", { id: id, rows: "3", "data-path": pathText(path) });
        input.value = Array.isArray(value) ? value.join("\n") : "";
        input.addEventListener("input", function () {
          var lines = input.value.split("\n").map(function (l) { return l.trim(); })
            .filter(function (l) { return l; });
          store(lines);
        });
        return wrap(path, label, (help ? help + " " : "") + "One per line.", input, id);
      case "choices":
        return choicesControl(path, label, help, deref(s.items).enum, false);
      case "titles":
        return titlesControl(path, label, help, s);
      case "json":
        input = el("textarea", { id: id, rows: "3", "data-path": pathText(path) });
        input.value = value === undefined ? "" : JSON.stringify(value, null, 2);
        input.addEventListener("input", function () {
          var text = input.value.trim();
          if (text === "") { store(undefined); return; }
          try { store(JSON.parse(text)); } catch (e) { store(input.value); }
        });
        return wrap(path, label, (help ? help + " " : "") + "As JSON.", input, id);
      default: // "line"
        input = el("input", { type: "text", id: id, "data-path": pathText(path) });
        input.value = value === undefined || value === null ? "" : String(value);
        input.addEventListener("input", function () {
          store(input.value === "" ? undefined : input.value);
        });
        return wrap(path, label, help, input, id);
    }
  }

  function dateControl(path, label, help, value) {
    var id = nextId("f");
    var text = el("input", {
      type: "text", id: id, inputmode: "numeric", placeholder: "YYYY-MM",
      "data-path": pathText(path), autocomplete: "off"
    });
    text.value = value === undefined || value === null ? "" : String(value);
    var pickerId = nextId("pick");
    var picker = el("input", { type: "month", id: pickerId, "aria-label": label + ": pick a month" });
    if (/^\d{4}-\d{2}$/.test(text.value)) { picker.value = text.value; }
    function store(v) {
      if (v === "") { setAt(path, undefined); }
      else if (/^\d{4}$/.test(v)) { setAt(path, Number(v)); }
      else { setAt(path, v); }
      changed();
    }
    text.addEventListener("input", function () {
      picker.value = /^\d{4}-\d{2}$/.test(text.value) ? text.value : "";
      store(text.value.trim());
    });
    picker.addEventListener("change", function () {
      if (picker.value) { text.value = picker.value; store(picker.value); }
    });
    var box = el("div", { "class": "month" }, [text, picker]);
    return wrap(path, label, help || "YYYY-MM", box, id);
  }

  function choicesControl(path, label, help, options, ids) {
    var value = getAt(path);
    var chosen = Array.isArray(value) ? value.slice() : (typeof value === "string" && value ? [value] : []);
    var group = el("fieldset", { "class": "field", "data-field": pathText(path), "data-path": pathText(path) });
    group.appendChild(el("legend", { text: label }));
    if (help) { group.appendChild(el("p", { "class": "help", text: help })); }
    var all = options.slice();
    chosen.forEach(function (c) { if (all.indexOf(c) < 0) { all.push(c); } });
    if (!all.length) {
      group.appendChild(el("p", { "class": "help", text: ids
        ? "Give your credentials an id to choose them here."
        : "Nothing to choose." }));
    }
    var box = el("div", { "class": "checks" });
    all.forEach(function (option) {
      var id = nextId("c");
      var input = el("input", { type: "checkbox", id: id, value: option });
      input.checked = chosen.indexOf(option) >= 0;
      input.addEventListener("change", function () {
        var now = Array.isArray(getAt(path)) ? getAt(path).slice() : [];
        if (input.checked && now.indexOf(option) < 0) { now.push(option); }
        if (!input.checked) { now = now.filter(function (x) { return x !== option; }); }
        setAt(path, now);
        changed();
      });
      box.appendChild(el("label", { "for": id }, [input, document.createTextNode(" " + option)]));
    });
    group.appendChild(box);
    return group;
  }

  function titlesControl(path, label, help, s) {
    var names = deref(s.propertyNames || {}).enum || [];
    var group = el("fieldset", { "class": "field", "data-field": pathText(path) });
    group.appendChild(el("legend", { text: label }));
    if (help) { group.appendChild(el("p", { "class": "help", text: help })); }
    names.forEach(function (name) {
      var info = { kind: "line", schema: { title: "Heading for " + name }, nullable: true };
      group.appendChild(scalarControl(info, path.concat([name]), name));
    });
    return group;
  }

  function objectControl(info, path, key, top) {
    var s = info.schema;
    var box = el("fieldset", { "data-field": pathText(path), "class": top ? "section" : "" });
    if (key !== null) {
      box.appendChild(el("legend", { text: humanTitle(key, s) }));
    }
    if (s.description && key !== null && top) {
      box.appendChild(el("p", { "class": "help", text: s.description }));
    }
    Object.keys(s.properties || {}).forEach(function (name) {
      box.appendChild(control(s.properties[name], path.concat([name]), name));
    });
    return box;
  }

  function itemLabel(item, index, noun) {
    var name = item && (item.name || item.title || item.group || item.institution ||
      item.language || item.organization);
    return noun + " " + (index + 1) + (name ? ": " + name : "");
  }

  function nounOf(key, s) {
    var title = deref(deref(s).items || {}).title || humanTitle(key, s);
    return title.replace(/s$/, "");
  }

  function listControl(info, path, key) {
    var s = info.schema;
    var section = el("fieldset", { "class": "list", "data-field": pathText(path), "data-list": pathText(path) });
    section.appendChild(el("legend", { text: humanTitle(key, s) }));
    if (s.description) { section.appendChild(el("p", { "class": "help", text: s.description })); }
    var itemsBox = el("div", { "class": "items" });
    section.appendChild(itemsBox);
    var noun = nounOf(key, s);
    var itemSchema = s.items;

    function list() {
      var value = getAt(path);
      return Array.isArray(value) ? value : [];
    }

    function rerender(focusIndex, focusAction) {
      var fresh = listControl(info, path, key);
      section.replaceWith(fresh);
      showProblems();
      if (focusIndex !== undefined) {
        var button = fresh.querySelector('[data-index="' + focusIndex + '"][data-action="' + focusAction + '"]') ||
          fresh.querySelector('[data-index="' + focusIndex + '"][data-action="remove"]') ||
          fresh.querySelector('[data-action="add"]');
        if (button) { button.focus(); }
      }
    }

    function move(from, to) {
      var items = list().slice();
      if (to < 0 || to >= items.length || from === to) { return; }
      var moved = items.splice(from, 1)[0];
      items.splice(to, 0, moved);
      setAt(path, items);
      changed();
      say(noun + " " + (from + 1) + " moved to position " + (to + 1) + ".");
      rerender(to, from < to ? "down" : "up");
    }

    list().forEach(function (item, index) {
      var label = itemLabel(item, index, noun);
      var itemBox = el("div", { "class": "item", "data-index": String(index) });
      var head = el("div", { "class": "item-head" });
      var grip = el("span", { "class": "grip", draggable: "true", text: label });
      head.appendChild(grip);
      [["up", "Move up", index - 1], ["down", "Move down", index + 1]].forEach(function (spec) {
        var b = el("button", {
          type: "button", "class": "small", "data-action": spec[0], "data-index": String(index),
          "aria-label": spec[1] + ": " + label, text: spec[0] === "up" ? "↑" : "↓"
        });
        if (spec[2] < 0 || spec[2] >= list().length) { b.disabled = true; }
        b.addEventListener("click", function () { move(index, spec[2]); });
        head.appendChild(b);
      });
      var dup = el("button", { type: "button", "class": "small", "data-action": "duplicate",
        "data-index": String(index), "aria-label": "Duplicate: " + label, text: "Duplicate" });
      dup.addEventListener("click", function () {
        var items = list().slice();
        var copy = JSON.parse(JSON.stringify(items[index]));
        if (copy && typeof copy.id === "string" && copy.id) { copy.id = copy.id + "-copy"; }
        items.splice(index + 1, 0, copy);
        setAt(path, items);
        changed();
        rerender(index + 1, "remove");
      });
      head.appendChild(dup);
      var remove = el("button", { type: "button", "class": "small", "data-action": "remove",
        "data-index": String(index), "aria-label": "Remove: " + label, text: "Remove" });
      remove.addEventListener("click", function () {
        var items = list().slice();
        items.splice(index, 1);
        setAt(path, items);
        changed();
        say(label + " removed.");
        rerender(Math.min(index, items.length - 1), "remove");
      });
      head.appendChild(remove);
      // Drag and drop; keyboard users have the buttons and Alt+Arrow keys.
      grip.addEventListener("dragstart", function (event) {
        event.dataTransfer.setData("text/x-showcase-index", String(index));
        event.dataTransfer.effectAllowed = "move";
        itemBox.classList.add("dragging");
      });
      grip.addEventListener("dragend", function () { itemBox.classList.remove("dragging"); });
      itemBox.addEventListener("dragover", function (event) {
        if (event.dataTransfer.types.indexOf("text/x-showcase-index") >= 0) {
          event.preventDefault();
          itemBox.classList.add("drop-target");
        }
      });
      itemBox.addEventListener("dragleave", function () { itemBox.classList.remove("drop-target"); });
      itemBox.addEventListener("drop", function (event) {
        var from = event.dataTransfer.getData("text/x-showcase-index");
        if (from === "") { return; }
        event.preventDefault();
        move(Number(from), index);
      });
      itemBox.addEventListener("keydown", function (event) {
        if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
          event.preventDefault();
          move(index, index + (event.key === "ArrowUp" ? -1 : 1));
        }
      });
      itemBox.appendChild(head);
      var body = el("div", { "class": "item-body" });
      var itemInfo = describe(itemSchema);
      itemInfo.schema = Object.assign({}, itemInfo.schema);
      body.appendChild(objectControl(itemInfo, path.concat([index]), null, false));
      itemBox.appendChild(body);
      itemsBox.appendChild(itemBox);
    });

    var add = el("button", { type: "button", "class": "primary", "data-action": "add",
      text: "Add " + noun.toLowerCase() });
    add.addEventListener("click", function () {
      var items = list().slice();
      items.push({});
      setAt(path, items);
      changed();
      rerender();
      var boxes = document.querySelectorAll('[data-list="' + pathText(path) + '"] .item');
      var last = boxes[boxes.length - 1];
      var first = last && last.querySelector("input, select, textarea");
      if (first) { first.focus(); }
    });
    section.appendChild(add);
    if (path.length === 1 && key === "credentials") { section.appendChild(dropZone()); }
    return section;
  }

  /* A value that may take several shapes (`open_to`: a list, or {roles, visibility}):
     the form of the shape it has now; an empty one gets the richest (an object). */
  function pickAlternative(raw, value) {
    var s = deref(raw);
    var alts = alternatives(s).filter(function (a) { return a.type !== "null"; });
    var wanted = Array.isArray(value) ? "array" :
      value !== null && typeof value === "object" ? "object" :
      typeof value === "string" ? "string" :
      typeof value === "number" ? "number" : (value === undefined ? "object" : null);
    var found = alts.filter(function (a) {
      return a.type === wanted || (wanted === "number" && a.type === "integer");
    })[0] || (value === undefined ? alts[0] : null);
    if (!found) { return null; }
    return Object.assign({}, found, { title: s.title || found.title,
      description: s.description || found.description });
  }

  function control(raw, path, key) {
    var info = describe(raw);
    if (info.kind === "json") {
      var alt = pickAlternative(raw, getAt(path));
      if (alt) { info = describe(alt); }
    }
    if (info.kind === "object") { return objectControl(info, path, key, path.length === 1); }
    if (info.kind === "list") { return listControl(info, path, key); }
    return scalarControl(info, path, key);
  }

  function render() {
    form.textContent = "";
    state.uid = 0;
    var s = state.schema;
    Object.keys(s.properties).forEach(function (name) {
      form.appendChild(control(s.properties[name], [name], name));
    });
    showProblems();
  }

  // --- import by drag and drop -----------------------------------------------------------

  function dropZone() {
    var inputId = nextId("import");
    var input = el("input", { type: "file", id: inputId, multiple: "multiple", "class": "visually-hidden",
      accept: ".csv,.json,.png,.svg,.zip" });
    var zone = el("div", { "class": "dropzone", id: "dropzone" }, [
      el("p", { text: "Drop a LinkedIn Certifications.csv, an Open Badge (JSON, PNG or SVG) or a Credly export here to add its credentials, or " }),
      el("label", { "for": inputId, "class": "button-like", text: "choose files to import" }),
      input
    ]);
    input.addEventListener("change", function () { importFiles(input.files); input.value = ""; });
    zone.addEventListener("dragover", function (event) {
      if (event.dataTransfer.types.indexOf("Files") >= 0) {
        event.preventDefault(); zone.classList.add("over");
      }
    });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault(); zone.classList.remove("over");
      importFiles(event.dataTransfer.files);
    });
    return zone;
  }

  function importFiles(files) {
    var queue = Array.prototype.slice.call(files || []);
    var added = 0, messages = [];
    function next() {
      var file = queue.shift();
      if (!file) {
        if (added) { render(); changed(); }
        say("Imported " + added + " credential" + (added === 1 ? "" : "s") +
          (messages.length ? ". " + messages.join(" ") : "."));
        return;
      }
      request("POST", "/api/import", file, {
        "Content-Type": "application/octet-stream", "X-Filename": encodeURIComponent(file.name)
      }).then(function (answer) {
        var json = answer.json || {};
        if (json.error) { messages.push(json.error); }
        (json.warnings || []).forEach(function (w) { messages.push(w); });
        (json.credentials || []).forEach(function (c) {
          if (!Array.isArray(state.data.credentials)) { state.data.credentials = []; }
          state.data.credentials.push(c);
          added += 1;
        });
      }).catch(function () { messages.push(file.name + ": could not be sent."); }).then(next);
    }
    next();
  }

  // --- problems at their fields ------------------------------------------------------------

  function findField(fieldPath) {
    var probe = fieldPath;
    while (probe) {
      var node = form.querySelector('[data-path="' + CSS.escape(probe) + '"]') ||
        form.querySelector('[data-field="' + CSS.escape(probe) + '"]');
      if (node) { return node; }
      var cut = Math.max(probe.lastIndexOf("."), probe.lastIndexOf("["));
      probe = cut > 0 ? probe.slice(0, cut) : "";
    }
    return null;
  }

  function showProblems() {
    form.querySelectorAll(".error-text, .hint-text").forEach(function (n) { n.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (n) {
      n.removeAttribute("aria-invalid");
      var kept = (n.getAttribute("aria-describedby") || "").split(" ")
        .filter(function (id) { return id && id.indexOf("problem-") !== 0; });
      if (kept.length) { n.setAttribute("aria-describedby", kept.join(" ")); }
      else { n.removeAttribute("aria-describedby"); }
    });
    var list = document.getElementById("problems-list");
    var panel = document.getElementById("problems");
    list.textContent = "";
    var errors = 0;
    state.problems.forEach(function (problem, index) {
      var isError = problem.severity === "error";
      if (isError) { errors += 1; }
      var target = problem.field ? findField(problem.field) : null;
      var id = "problem-" + index;
      var text = (problem.field ? problem.field + ": " : "") + problem.message;
      if (target) {
        var input = target.matches("input, select, textarea") ? target :
          target.querySelector("input, select, textarea");
        var box = target.closest(".field") || target;
        box.appendChild(el("p", { id: id, "class": isError ? "error-text" : "hint-text",
          text: (isError ? "Error: " : "Hint: ") + problem.message }));
        if (input) {
          if (isError) { input.setAttribute("aria-invalid", "true"); }
          var described = input.getAttribute("aria-describedby");
          input.setAttribute("aria-describedby", (described ? described + " " : "") + id);
        }
      }
      var link = el("a", { href: "#", text: (isError ? "Error: " : "Warning: ") + text });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var focus = target && (target.matches("input, select, textarea") ? target :
          target.querySelector("input, select, textarea"));
        if (focus) { focus.focus(); }
      });
      list.appendChild(el("li", { "class": problem.severity }, [link]));
    });
    panel.hidden = state.problems.length === 0;
    panel.classList.toggle("has-errors", errors > 0);
    document.getElementById("problems-title").textContent =
      errors ? errors + " error" + (errors === 1 ? "" : "s") + " (saved as typed; the preview keeps the last valid version)"
        : state.problems.length + " hint" + (state.problems.length === 1 ? "" : "s");
  }

  // --- saving, conflicts, the preview --------------------------------------------------

  function accept(json, etag) {
    state.etag = etag || json.etag;
    state.problems = json.problems || [];
    showProblems();
    updatePreview(json.preview);
  }

  function save() {
    if (state.saving) { state.again = true; return; }
    if (state.conflict) { return; }
    state.saving = true;
    say("Saving…");
    var body = JSON.stringify({ profile: state.data });
    request("PUT", "/api/profile", body, {
      "Content-Type": "application/json", "If-Match": state.etag
    }).then(function (answer) {
      if (answer.status === 200) {
        accept(answer.json, answer.etag);
        var errors = state.problems.filter(function (p) { return p.severity === "error"; }).length;
        say(errors ? "Saved, with " + errors + " error" + (errors === 1 ? "" : "s") + "." : "Saved.");
      } else if (answer.status === 412) {
        showConflict(answer.json, answer.etag, "The file changed on disk (another editor?) " +
          "after this page loaded it. Your last change is not saved yet.");
      } else {
        say("Not saved: " + ((answer.json && answer.json.error) || ("error " + answer.status)));
      }
    }).catch(function () {
      say("Not saved: the showcase edit server is not answering (is it still running?).");
    }).then(function () {
      state.saving = false;
      if (state.again) { state.again = false; save(); }
    });
  }

  function showConflict(json, etag, text) {
    state.conflict = { json: json, etag: etag || json.etag };
    document.getElementById("conflict-text").textContent = text;
    document.getElementById("conflict").hidden = false;
    say("The file changed on disk.");
  }

  function resolveConflict(keepMine) {
    var conflict = state.conflict;
    state.conflict = null;
    document.getElementById("conflict").hidden = true;
    if (!conflict) { return; }
    if (keepMine) {
      state.etag = conflict.etag;
      save();
    } else {
      state.data = conflict.json.profile || {};
      accept(conflict.json, conflict.etag);
      render();
      say("Loaded the version on disk.");
    }
  }

  function updatePreview(preview) {
    if (!preview) { return; }
    document.getElementById("stale").hidden = !preview.stale;
    if (preview.version !== state.previewVersion) {
      state.previewVersion = preview.version;
      showPage(state.page);
    }
  }

  function showPage(page) {
    state.page = page;
    var frame = document.getElementById("preview");
    frame.src = "/preview/" + page + ".html?v=" + state.previewVersion;
    frame.title = "Preview of the " + (page === "posts" ? "LinkedIn posts" : page);
    document.querySelectorAll(".tabs [role=tab]").forEach(function (tab) {
      var on = tab.getAttribute("data-page") === page;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      if (on) { document.getElementById("pane").setAttribute("aria-labelledby", tab.id); }
    });
  }

  function poll() {
    if (state.saving || state.conflict || state.timer && statusEl.textContent === "Unsaved changes…") {
      setTimeout(poll, POLL_MS);
      return;
    }
    request("GET", "/api/profile", undefined, { "If-None-Match": state.etag || "" })
      .then(function (answer) {
        if (answer.status === 200 && answer.etag !== state.etag && !state.saving) {
          showConflict(answer.json, answer.etag, "The file changed on disk (another editor?). " +
            "Load that version, or keep what this page shows and overwrite it.");
        } else if (answer.status === 200) {
          updatePreview(answer.json.preview);
        }
      }).catch(function () {}).then(function () { setTimeout(poll, POLL_MS); });
  }

  // --- start -------------------------------------------------------------------------

  document.getElementById("conflict-reload").addEventListener("click", function () { resolveConflict(false); });
  document.getElementById("conflict-keep").addEventListener("click", function () { resolveConflict(true); });
  var tabs = Array.prototype.slice.call(document.querySelectorAll(".tabs [role=tab]"));
  tabs.forEach(function (tab, index) {
    tab.addEventListener("click", function () { showPage(tab.getAttribute("data-page")); });
    tab.addEventListener("keydown", function (event) {
      var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (!step) { return; }
      var next = tabs[(index + step + tabs.length) % tabs.length];
      next.focus();
      showPage(next.getAttribute("data-page"));
    });
  });

  Promise.all([
    fetch("/api/schema", { cache: "no-store" }).then(function (r) { return r.json(); }),
    request("GET", "/api/profile")
  ]).then(function (results) {
    state.schema = results[0];
    var answer = results[1];
    if (answer.status !== 200) {
      form.textContent = (answer.json && answer.json.error) || "The profile could not be read.";
      say("Not loaded.");
      return;
    }
    state.etag = answer.etag;
    state.problems = answer.json.problems || [];
    if (answer.json.profile === null) {
      form.textContent = "This file cannot be shown as a form until it is valid YAML: fix the " +
        "problem listed above in a text editor; this page notices the change.";
      showProblems();
      say("Waiting for valid YAML.");
      setTimeout(function waitForYaml() {
        request("GET", "/api/profile", undefined, { "If-None-Match": state.etag })
          .then(function (a) {
            if (a.status === 200 && a.json.profile !== null) { location.reload(); }
            else { setTimeout(waitForYaml, POLL_MS); }
          }).catch(function () { setTimeout(waitForYaml, POLL_MS); });
      }, POLL_MS);
      return;
    }
    state.data = answer.json.profile;
    render();
    updatePreview(answer.json.preview);
    say("All changes are saved as you type.");
    setTimeout(poll, POLL_MS);
  }).catch(function () {
    say("The showcase edit server is not answering.");
  });
})();
