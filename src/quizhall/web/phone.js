/* The audience's phone page. Plain ES5, for old phone browsers.
   The server pushes the phone's state over a WebSocket, and answers go over it too; a browser
   without WebSocket (or whose socket cannot connect) long polls with XMLHttpRequest instead.
   Every text from the contest is set with textContent: it is shown, never parsed as HTML. */
(function () {
  "use strict";
  var texts = JSON.parse(document.getElementById("texts").textContent);
  var token = load("quizhall.token");
  var version = -1;
  var current = null;     /* the question number on screen */
  var chosen = "";
  var sent = false;
  var deadline = 0;
  var polling = null;     /* the long poll in flight */
  var socket = null;      /* the open WebSocket, when there is one */
  var socketWorks = !!window.WebSocket;  /* false once a socket never opened: poll instead */
  var answered = null;    /* what to do with the reply to the answer sent on the socket */

  function el(id) { return document.getElementById(id); }
  function say(id, value) { el(id).textContent = value; }
  function show(id, on) { el(id).className = on ? "" : "hidden"; }
  function load(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function keep(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { } }

  function request(method, url, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    if (body) { xhr.setRequestHeader("Content-Type", "application/json"); }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      done(xhr.status, data || {});
    };
    xhr.send(body ? JSON.stringify(body) : null);
    return xhr;
  }

  function query(name) {
    var parts = window.location.search.replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var pair = parts[i].split("=");
      if (pair[0] === name) { return decodeURIComponent(pair[1] || ""); }
    }
    return "";
  }

  function poll() {
    var url = "api/state?v=" + version + (token ? "&token=" + encodeURIComponent(token) : "");
    var asked = token;
    polling = request("GET", url, null, function (status, data) {
      if (asked !== token) { version = -1; poll(); return; }  /* joined meanwhile */
      if (status === 200) {
        say("message", "");
        render(data);
        poll();
      } else {
        say("message", data.error || texts.offline);
        window.setTimeout(poll, 2000);
      }
    });
  }

  function listen() {
    if (!socketWorks) { poll(); return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var path = window.location.pathname.replace(/[^\/]*$/, "");
    var url = scheme + window.location.host + path + "api/ws" +
      (token ? "?token=" + encodeURIComponent(token) : "");
    var opened = false;
    var mine;
    try { mine = new window.WebSocket(url); } catch (e) { socketWorks = false; poll(); return; }
    socket = mine;
    mine.onopen = function () { opened = true; say("message", ""); };
    mine.onmessage = function (event) {
      var data = null;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.state) { render(data.state); }
      if (data.reply && answered) { var done = answered; answered = null; done(data.reply); }
    };
    mine.onclose = function () {
      if (socket !== mine) { return; }  /* replaced on purpose (after joining) */
      socket = null;
      if (answered) { var done = answered; answered = null; done({code: "offline"}); }
      if (!opened) { socketWorks = false; poll(); return; }  /* no WebSocket here: poll */
      say("message", texts.offline);
      window.setTimeout(listen, 2000);
    };
  }

  function render(state) {
    version = state.v;
    show("join", !state.joined);
    show("play", state.joined);
    show("unit-row", state.ask_unit);
    if (!state.joined) { return; }
    var line = state.nickname + " \u00b7 " + texts.score + " " + state.right;
    if (state.rank) { line += " \u00b7 " + texts.rank + " " + state.rank; }
    say("me", line);
    renderQuestion(state.question);
    renderWinners(state);
  }

  function renderQuestion(q) {
    show("question", !!q);
    if (!q) { say("status", texts.waiting); return; }
    if (q.n !== current) {
      current = q.n;
      chosen = "";
      sent = false;
      say("stem", q.n + ". " + q.stem);
      var box = el("options");
      while (box.firstChild) { box.removeChild(box.firstChild); }
      for (var i = 0; i < q.options.length; i++) {
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("data-letter", q.options[i][0]);
        button.onclick = choose(q.options[i][0], q.multiple);
        box.appendChild(button);
      }
    }
    if (q.mine) { chosen = q.mine; sent = true; }
    if (q.pending) { sent = true; }
    deadline = new Date().getTime() + q.left * 1000;
    var buttons = el("options").getElementsByTagName("button");
    for (var j = 0; j < buttons.length; j++) {
      var letter = buttons[j].getAttribute("data-letter");
      var label = letter + ". " + q.options[j][1];
      if (q.closed && q.counts) { label += "  (" + q.counts[letter] + ")"; }
      buttons[j].textContent = label;
      var classes = chosen.indexOf(letter) >= 0 ? "chosen" : "";
      if (q.closed && q.answer.indexOf(letter) >= 0) { classes += " right"; }
      buttons[j].className = classes;
      buttons[j].disabled = sent || q.closed || q.left <= 0;
    }
    show("submit", q.multiple && !sent && !q.closed && q.left > 0);
    if (q.closed) {
      var verdict = !q.mine ? texts.closed : (q.mine === q.answer ? texts.right : texts.wrong);
      say("status", verdict + " \u00b7 " + texts.answered_count + " " + q.count);
      say("left", "");
    } else if (sent) {
      say("status", texts.received + (chosen ? " " + chosen : ""));
    } else {
      say("status", "");
    }
    tick();
  }

  function renderWinners(state) {
    show("winners", !!state.winners);
    if (!state.winners) { return; }
    var box = el("winners");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var head = document.createElement("h2");
    head.textContent = state.won ? texts.you_won : texts.winners;
    box.appendChild(head);
    for (var i = 0; i < state.winners.length; i++) {
      var item = document.createElement("p");
      item.textContent = state.winners[i];
      box.appendChild(item);
    }
  }

  function choose(letter, multiple) {
    return function () {
      if (sent) { return; }
      if (!multiple) { chosen = letter; send(); return; }
      chosen = chosen.indexOf(letter) >= 0 ? chosen.replace(letter, "") : chosen + letter;
      var buttons = el("options").getElementsByTagName("button");
      for (var i = 0; i < buttons.length; i++) {
        var mine = chosen.indexOf(buttons[i].getAttribute("data-letter")) >= 0;
        buttons[i].className = mine ? "chosen" : "";
      }
    };
  }

  function send() {
    if (!chosen) { return; }
    sent = true;
    say("status", texts.sending);
    var buttons = el("options").getElementsByTagName("button");
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
    show("submit", false);
    var replied = function (ok, data) {
      if (ok) {
        say("status", texts.received + " " + data.choice);
        say("message", "");
      } else {
        if (data.code !== "answered") { sent = false; }
        say("message", data.error || texts.offline);
        for (var j = 0; j < buttons.length; j++) { buttons[j].disabled = sent; }
      }
    };
    if (socket && socket.readyState === 1) {
      answered = function (data) { replied(!!data.ok, data); };
      socket.send(JSON.stringify({answer: chosen}));
      return;
    }
    request("POST", "api/answer", {token: token, choice: chosen}, function (status, data) {
      replied(status === 200, data);
    });
  }

  function tick() {
    if (current === null) { return; }
    var left = Math.max(0, Math.ceil((deadline - new Date().getTime()) / 1000));
    if (el("status").textContent === texts.closed) { return; }
    if (deadline && !sent) {
      say("left", left > 0 ? texts.time_left + " " + left + " " + texts.seconds : texts.too_late);
    } else {
      say("left", "");
    }
  }

  el("submit").onclick = send;
  el("join").onsubmit = function () {
    say("message", "");
    var body = {code: el("code").value, nickname: el("nickname").value, unit: el("unit").value};
    el("join-button").disabled = true;
    request("POST", "api/join", body, function (status, data) {
      el("join-button").disabled = false;
      if (status === 200) {
        token = data.token;
        keep("quizhall.token", token);
        version = -1;
        /* listen again at once, as this device */
        if (socket) { var old = socket; socket = null; old.close(); listen(); }
        if (polling) { polling.abort(); }
      } else {
        say("message", data.error || texts.offline);
      }
    });
    return false;
  };
  el("code").value = query("c");
  window.setInterval(tick, 500);
  listen();
})();
