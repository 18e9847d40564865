// The explorer's only script: an API key kept in this tab's sessionStorage (never in a
// link or a cookie) and sent as a bearer header when saving or moving a consortium.
(function () {
  "use strict";
  var STORE = "clustermatch.key";
  var API = "/api/v1";

  function key() {
    try { return sessionStorage.getItem(STORE) || ""; } catch (e) { return ""; }
  }

  function showKeyState() {
    var has = key() !== "";
    var box = document.querySelector(".key");
    var state = document.getElementById("key-state");
    if (box && state) state.textContent = has ? box.dataset.set : box.dataset.unset;
    document.body.classList.toggle("has-key", has);
    // A consortium already saved from this form stays saved: its button is not offered again.
    document.querySelectorAll(".save-form:not([data-saved]) button[type=submit], " +
      ".status-moves button, #import-check")
      .forEach(function (b) { b.disabled = !has; });
  }

  function problemText(body, status) {
    if (body && body.errors && body.errors.length) {
      return body.errors.map(function (e) { return e.field + ": " + e.message; }).join("; ");
    }
    return (body && (body.detail || body.title)) || ("HTTP " + status);
  }

  // A failed write in the page's language: the API's own words on an English page, a
  // sentence per status on a Swedish one (the API answers in English).
  function failure(holder, error) {
    var data = holder.dataset;
    if (error.status === undefined) return data.failedNetwork;
    var english = document.documentElement.lang !== "sv";
    if (english && error.text) return error.text;
    var words = (error.status === 403 && error.adminOnly && data.failed403Admin) ||
      data["failed" + error.status];
    if (!words) return data.failedOther.replace("{status}", String(error.status));
    var fields = ((error.body && error.body.errors) || []).map(function (e) { return e.field; });
    return fields.length ? words + ": " + fields.join(", ") : words;
  }

  function send(method, path, payload, headers) {
    var all = { "Content-Type": "application/json", "Authorization": "Bearer " + key() };
    Object.keys(headers || {}).forEach(function (k) { all[k] = headers[k]; });
    return fetch(API + path, { method: method, headers: all, body: JSON.stringify(payload),
      credentials: "omit" })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          if (!response.ok) {
            throw { status: response.status, body: body, text: problemText(body, response.status) };
          }
          return { body: body, etag: response.headers.get("ETag") };
        });
      });
  }

  function onSave(event) {
    event.preventDefault();
    var form = event.target;
    if (form.dataset.saved) return;  // saved once already: never twice
    var out = form.querySelector(".result");
    var button = form.querySelector("button[type=submit]");
    var payload = {
      name: form.querySelector("input[name=name]").value,
      member_ids: form.dataset.memberIds.split(",").map(Number)
    };
    if (form.dataset.callId) payload.call_id = Number(form.dataset.callId);
    if (form.dataset.theme) payload.theme = form.dataset.theme;
    button.disabled = true;  // while the request is out, a second click sends nothing
    send("POST", "/consortia", payload).then(function (result) {
      var id = String(result.body.id);
      form.dataset.saved = id;
      button.disabled = true;
      out.textContent = form.dataset.done.replace("{id}", id) + " ";
      var a = document.createElement("a");
      a.href = form.dataset.savedUrl.replace("/saved/ID", "/saved/" + id);
      a.textContent = form.dataset.savedLink.replace("{id}", id);
      out.appendChild(a);
    }).catch(function (error) {
      button.disabled = key() === "";
      out.textContent = form.dataset.failed.replace("{detail}", failure(form, error));
    });
  }

  function onMove(event) {
    var button = event.target.closest("button");
    var box = button.closest(".status-moves");
    var out = box.querySelector(".result");
    var headers = { "If-Match": '"' + box.dataset.version + '"' };
    box.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    send("PATCH", "/consortia/" + box.dataset.id, { status: button.dataset.status }, headers)
      .then(function (result) {
        box.dataset.version = String(result.body.version);
        out.textContent = button.dataset.moved;
        var now = document.getElementById("status-now");
        if (now) now.textContent = button.dataset.label;
        box.querySelectorAll("button").forEach(function (b) { b.hidden = true; });
        var note = document.getElementById("admin-note");
        if (note) note.hidden = true;
      }).catch(function (error) {
        error.adminOnly = button.dataset.adminOnly === "true";
        box.querySelectorAll("button").forEach(function (b) { b.disabled = key() === ""; });
        out.textContent = box.dataset.failed.replace("{detail}", failure(box, error));
      });
  }

  // The import: files travel base64-encoded in a JSON body; a dry run comes first, and
  // only the files it checked may then be written.
  function base64Of(file) {
    return file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var text = "";
      for (var i = 0; i < bytes.length; i += 0x8000) {
        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      }
      return btoa(text);
    });
  }

  function showReport(form, heading, report) {
    var out = document.getElementById("import-result");
    out.textContent = "";
    var p = document.createElement("p");
    p.textContent = heading;
    out.appendChild(p);
    var table = document.createElement("table");
    var head = table.createTHead().insertRow();
    ["records", "created", "updated", "unchanged"].forEach(function (k) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = form.dataset[k];
      head.appendChild(th);
    });
    var body = table.createTBody();
    Object.keys(report).forEach(function (section) {
      var row = body.insertRow();
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = section;
      row.appendChild(th);
      ["created", "updated", "unchanged"].forEach(function (k) {
        row.insertCell().textContent = String(report[section][k]);
      });
    });
    out.appendChild(table);
  }

  function showProblem(form, body, status) {
    var out = document.getElementById("import-result");
    out.textContent = "";
    var p = document.createElement("p");
    p.className = "error-text";
    p.textContent = form.dataset.failed + " " + ((body && body.detail) || ("HTTP " + status));
    out.appendChild(p);
    var list = document.createElement("ul");
    ((body && body.errors) || []).forEach(function (e) {
      var li = document.createElement("li");
      li.textContent = e.field + ": " + e.message;
      list.appendChild(li);
    });
    out.appendChild(list);
  }

  function upload(form, dryRun) {
    var chosen = Array.prototype.slice.call(document.getElementById("import-files").files);
    return Promise.all(chosen.map(function (f) {
      return base64Of(f).then(function (content) { return { name: f.name, content: content }; });
    })).then(function (files) {
      return fetch("/explore/import", {
        method: "POST", credentials: "omit",
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + key() },
        body: JSON.stringify({ files: files, dry_run: dryRun })
      });
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) { showProblem(form, body, response.status); return false; }
        showReport(form, dryRun ? form.dataset.checked : form.dataset.done, body.report);
        return true;
      });
    });
  }

  function setUpImport() {
    var form = document.getElementById("import-form");
    if (!form) return;
    var write = document.getElementById("import-write");
    document.getElementById("import-files").addEventListener("change", function () {
      write.disabled = true;  // a new choice of files is checked again first
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      upload(form, true).then(function (ok) { write.disabled = !ok; });
    });
    write.addEventListener("click", function () {
      write.disabled = true;
      upload(form, false);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpImport();
    var form = document.getElementById("key-form");
    var input = document.getElementById("key-input");
    if (form) form.addEventListener("submit", function (event) {
      event.preventDefault();
      try { sessionStorage.setItem(STORE, input.value.trim()); } catch (e) { /* private mode */ }
      input.value = "";
      showKeyState();
    });
    var forget = document.getElementById("key-forget");
    if (forget) forget.addEventListener("click", function () {
      try { sessionStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
      showKeyState();
    });
    document.querySelectorAll(".save-form").forEach(function (f) {
      f.addEventListener("submit", onSave);
    });
    document.querySelectorAll(".status-moves button").forEach(function (b) {
      b.addEventListener("click", onMove);
    });
    showKeyState();
  });
})();
