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
    document.querySelectorAll(".save-form button[type=submit], .status-moves button")
      .forEach(function (b) { b.disabled = !has; });
  }

  function problemText(body, status) {
    if (body && body.errors && body.errors.length) {
      return body.errors.map(function (e) { return e.field + ": " + e.message; }).join("; ");
    }
    return (body && (body.detail || body.title)) || ("HTTP " + status);
  }

  function send(method, path, payload, headers) {
    var all = { "Content-Type": "application/json", "Authorization": "Bearer " + key() };
    Object.keys(headers || {}).forEach(function (k) { all[k] = headers[k]; });
    return fetch(API + path, { method: method, headers: all, body: JSON.stringify(payload),
      credentials: "omit" })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) {
          if (!response.ok) throw new Error(problemText(body, response.status));
          return { body: body, etag: response.headers.get("ETag") };
        });
      });
  }

  function onSave(event) {
    event.preventDefault();
    var form = event.target;
    var out = form.querySelector(".result");
    var payload = {
      name: form.querySelector("input[name=name]").value,
      member_ids: form.dataset.memberIds.split(",").map(Number)
    };
    if (form.dataset.callId) payload.call_id = Number(form.dataset.callId);
    if (form.dataset.theme) payload.theme = form.dataset.theme;
    send("POST", "/consortia", payload).then(function (result) {
      var id = String(result.body.id);
      out.textContent = form.dataset.done.replace("{id}", id) + " ";
      var a = document.createElement("a");
      a.href = form.dataset.savedUrl.replace("/saved/ID", "/saved/" + id);
      a.textContent = "→ " + id;
      out.appendChild(a);
    }).catch(function (error) {
      out.textContent = form.dataset.failed.replace("{detail}", error.message);
    });
  }

  function onMove(event) {
    var button = event.target;
    var box = button.closest(".status-moves");
    var out = box.querySelector(".result");
    var headers = { "If-Match": '"' + box.dataset.version + '"' };
    send("PATCH", "/consortia/" + box.dataset.id, { status: button.dataset.status }, headers)
      .then(function (result) {
        box.dataset.version = String(result.body.version);
        out.textContent = button.dataset.moved;
        var now = document.getElementById("status-now");
        if (now) now.textContent = button.dataset.label;
        box.querySelectorAll("button").forEach(function (b) { b.hidden = true; });
      }).catch(function (error) {
        out.textContent = box.dataset.failed.replace("{detail}", error.message);
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
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
