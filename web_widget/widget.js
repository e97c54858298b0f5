/*! Seen web widget: a chat with Seen for safeguarding board websites. No dependencies.
 *
 *   <script src="https://HOST/widget.js" data-board="derby" async></script>
 *
 * Attributes (all optional but data-board):
 *   data-board     the board's area id or name, sent with every message so Seen knows the area
 *   data-title     the panel's title                        (default "Seen")
 *   data-position  "right" or "left"                        (default "right")
 *   data-server    the Seen bot's address (socket.io)       (default: where widget.js came from, port 5005)
 *   data-colour    the launcher and buttons' colour, a hex  (default #1d4f91; one with less than 4.5:1
 *                  contrast against white text is refused with a console warning)
 *
 * Page API, callable before the script loads (calls are queued):
 *   <script>window.seen=window.seen||function(){(seen.q=seen.q||[]).push(arguments)};</script>
 *   seen("open"); seen("close"); seen("reset")
 * The widget fires `seen:ready` on document once the launcher can be used.
 *
 * "Follow up a case", under the notices, sends those words, as a reply button would: Seen then
 * asks for the earlier note's reference and looks the case up in the board's area.
 *
 * Talks Socket.IO (Engine.IO 4) over a WebSocket to Rasa's socket.io channel.
 * The browser keeps nothing a script on the page could read of the
 * conversation: sessionStorage holds only the opaque session id Seen minted
 * (and whether the panel is open), for this tab only. After a reload or on
 * another page of the same site the widget asks Seen for the conversation
 * again; "Start again" and closing the tab end it. Text from the bot and the
 * user is only ever set as text, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) { console.warn("Seen widget: load it with a plain <script> tag (document.currentScript is missing)."); return; }
  if (window.__seenWidget) { console.warn("Seen widget: already on this page; the second copy does nothing."); return; }
  window.__seenWidget = true;

  var DEFAULT_COLOUR = "#1d4f91";
  var config = {
    board: (script.getAttribute("data-board") || "").trim(),
    title: (script.getAttribute("data-title") || "Seen").trim(),
    position: script.getAttribute("data-position") === "left" ? "left" : "right",
    server: (script.getAttribute("data-server") || defaultServer(script.src)).replace(/\/+$/, ""),
    colour: safeColour(script.getAttribute("data-colour"))
  };
  if (!config.board) console.warn("Seen widget: data-board is missing, so Seen will ask which area the practitioner works in.");

  var STORE = "seen-widget:" + (config.board || "none");
  var TEXT = {
    open: "Talk to Seen about a neglect concern",
    close: "Close Seen",
    restart: "Start again",
    followUp: "Follow up a case",              // sent as typed: Seen knows these words (knowledge/follow_up.yml)
    emergency: "In an emergency call 999.",
    privacy: "Please don't enter names or identifying details.",
    label: "Your message",
    placeholder: "Type your message",
    send: "Send",
    typing: "Seen is typing",
    you: "You said:",
    bot: "Seen said:",
    replies: "Suggested replies",
    unreachable: "A child in immediate danger: call 999 now. Seen can't be reached just now: your message has not been sent and is still in the box.",
    retry: "Try again",
    connecting: "Connecting to Seen…"
  };

  var state = load();
  var socket = null, connected = false, pending = null, retryTimer = null, retryDelay = 1000, typingTimer = null;

  // ---- the page: a host element with a shadow root, so neither page nor widget styles leak ----
  var host = document.createElement("div");
  host.setAttribute("data-seen-widget", "");
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  addStyles(root, css(config));

  var launcher = el("button", { type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": "seen-panel" });
  launcher.appendChild(el("span", { "aria-hidden": "true", "class": "launcher-mark" }, "?"));
  launcher.appendChild(el("span", {}, TEXT.open));

  var panel = el("section", { id: "seen-panel", "class": "panel", role: "dialog", "aria-label": config.title, hidden: "" });
  var header = el("div", { "class": "header" });
  header.appendChild(el("h2", { "class": "title" }, config.title));
  var restart = el("button", { type: "button", "class": "secondary" }, TEXT.restart);
  var closer = el("button", { type: "button", "class": "icon", "aria-label": TEXT.close }, "×");
  header.appendChild(restart);
  header.appendChild(closer);
  var notices = el("div", { "class": "notices" });
  notices.appendChild(el("p", { "class": "emergency" }, TEXT.emergency));
  notices.appendChild(el("p", { "class": "privacy" }, TEXT.privacy));
  var followUp = el("button", { type: "button", "class": "secondary follow-up" }, TEXT.followUp);
  notices.appendChild(followUp);
  var log = el("div", { "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0", "aria-label": "Conversation" });
  var typing = el("p", { "class": "typing", hidden: "" }, TEXT.typing);
  var problem = el("div", { "class": "problem", role: "alert", hidden: "" });
  var form = el("form", { "class": "composer" });
  var inputId = "seen-input";
  form.appendChild(el("label", { "for": inputId, "class": "visually-hidden" }, TEXT.label));
  var input = el("textarea", { id: inputId, rows: "2", placeholder: TEXT.placeholder, autocomplete: "off", maxlength: "4000" });
  var send = el("button", { type: "submit", "class": "primary" }, TEXT.send);
  form.appendChild(input);
  form.appendChild(send);
  [header, notices, log, typing, problem, form].forEach(function (part) { panel.appendChild(part); });

  var frame = el("div", { "class": "frame " + config.position });
  frame.appendChild(panel);
  frame.appendChild(launcher);
  root.appendChild(frame);

  // ---- behaviour ----
  launcher.addEventListener("click", function () { if (panel.hidden) openPanel(); else closePanel(); });
  closer.addEventListener("click", closePanel);
  restart.addEventListener("click", reset);
  followUp.addEventListener("click", function () { deliver(TEXT.followUp, TEXT.followUp); input.focus(); });  // then type the reference
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") { event.preventDefault(); closePanel(); } });
  form.addEventListener("submit", function (event) { event.preventDefault(); submit(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); submit(input.value); }
  });

  function openPanel(restoring) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    state.open = true; save();
    connect();
    if (restoring !== true) input.focus();               // after a reload, don't take focus from the page
    scrollDown();
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    state.open = false; save();
    launcher.focus();
  }

  function reset() {
    state = { id: null, log: [], open: true };
    save();
    while (log.firstChild) log.removeChild(log.firstChild);
    input.value = "";
    pending = null;
    hide(problem);
    if (socket) { socket.onclose = null; socket.close(); }
    socket = null; connected = false;
    connect();
    input.focus();
  }

  function submit(text) {
    text = (text || "").trim();
    if (!text) return;
    deliver(text, text);
  }

  /** Show `shown` as the user's message and send `payload`; if Seen can't be reached, keep it for "Try again". */
  function deliver(shown, payload) {
    if (!connected) {
      pending = { shown: shown, payload: payload };
      showProblem();
      connect();
      return;
    }
    hide(problem);
    addMessage({ from: "user", text: shown });
    disableReplies();
    socket.send("42" + JSON.stringify(["user_uttered", {
      message: payload, session_id: state.id, metadata: { board: config.board }
    }]));
    if (input.value.trim() === shown) input.value = "";
    showTyping();
  }

  function showProblem() {
    while (problem.firstChild) problem.removeChild(problem.firstChild);
    problem.appendChild(el("p", {}, TEXT.unreachable));
    var again = el("button", { type: "button", "class": "secondary" }, TEXT.retry);
    again.addEventListener("click", function () { retryDelay = 1000; problem.firstChild.textContent = TEXT.connecting; connect(); });
    problem.appendChild(again);
    problem.hidden = false;
  }

  // ---- Socket.IO over a WebSocket: just the packets Rasa's channel uses ----
  function connect() {
    if (socket && (socket.readyState === 0 || socket.readyState === 1)) return;
    clearTimeout(retryTimer);
    var url = config.server.replace(/^http/, "ws") + "/socket.io/?EIO=4&transport=websocket";
    try { socket = new WebSocket(url); } catch (error) { console.warn("Seen widget: cannot open " + url, error); return scheduleRetry(); }
    socket.onmessage = function (event) {
      var data = String(event.data), type = data.charAt(0);
      if (type === "0") socket.send("40");                 // Engine.IO open: join the default namespace
      else if (type === "2") socket.send("3");             // ping: pong
      else if (type === "4") onPacket(data.slice(1));      // a Socket.IO packet
    };
    socket.onclose = function () {
      connected = false;
      hideTyping();
      if (pending) showProblem();
      scheduleRetry();
    };
    socket.onerror = function () { console.warn("Seen widget: cannot reach " + config.server); };
  }

  function scheduleRetry() {
    if (panel.hidden && !pending) return;                  // reconnect when the panel is next opened
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function onPacket(packet) {
    var type = packet.charAt(0);
    if (type === "0") {                                    // namespace joined: ask for our session
      socket.send("42" + JSON.stringify(["session_request", { session_id: state.id }]));
    } else if (type === "2") {
      var event;
      try { event = JSON.parse(packet.slice(1)); } catch (error) { return console.warn("Seen widget: unreadable message", error); }
      if (event[0] === "session_confirm") onSession(event[1]);
      else if (event[0] === "history") onHistory(event[1]);
      else if (event[0] === "bot_uttered") onBotMessage(event[1] || {});
    } else if (type === "4") {
      console.warn("Seen widget: the server refused the connection", packet.slice(1));
    }
  }

  function onSession(id) {
    var resumed = typeof id === "string" && id === state.id && !state.log.length;
    state.id = typeof id === "string" ? id : state.id;
    save();
    if (resumed) socket.send("42" + JSON.stringify(["history_request", {}]));  // a reload: fetch what was said
    connected = true;
    retryDelay = 1000;
    hide(problem);
    if (pending) { var waiting = pending; pending = null; deliver(waiting.shown, waiting.payload); }
  }

  function onBotMessage(message) {
    if (typeof message.text !== "string" || !message.text) {
      return console.warn("Seen widget: a message without text was not shown");
    }
    var replies = (message.quick_replies || []).filter(function (r) { return r && r.title; })
      .map(function (r) { return { title: String(r.title), payload: String(r.payload || r.title) }; });
    hideTyping();
    addMessage({ from: "bot", text: message.text, replies: replies });
    showTyping(600);                                       // more messages of the same turn may follow
  }

  /** The conversation so far, sent by Seen after a reload: only the last bot turn's replies can be pressed. */
  function onHistory(messages) {
    if (!Array.isArray(messages) || state.log.length) return;
    var lastUser = -1;
    messages.forEach(function (m, i) { if (m && m.from === "user") lastUser = i; });
    messages.forEach(function (m, i) {
      if (!m || typeof m.text !== "string" || (m.from !== "bot" && m.from !== "user")) return;
      var replies = (m.replies || []).filter(function (r) { return r && r.title; })
        .map(function (r) { return { title: String(r.title), payload: String(r.payload || r.title) }; });
      addMessage({ from: m.from, text: m.text, replies: replies, used: i < lastUser });
    });
  }

  // ---- the conversation on screen (in memory only) ----
  function addMessage(message) {
    state.log.push(message);
    if (state.log.length > 200) state.log.shift();
    render(message);
    scrollDown();
  }

  function render(message) {
    var item = el("div", { "class": "message " + message.from });
    item.appendChild(el("span", { "class": "visually-hidden" }, message.from === "bot" ? TEXT.bot : TEXT.you));
    var body = el("p", { "class": "text" });
    linkify(body, message.text);
    item.appendChild(body);
    if (message.replies && message.replies.length) {
      var group = el("div", { "class": "replies", role: "group", "aria-label": TEXT.replies });
      message.replies.forEach(function (reply) {
        var button = el("button", { type: "button", "class": "reply" }, reply.title);
        button.addEventListener("click", function () { deliver(reply.title, reply.payload); });
        if (message.used) button.disabled = true;
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
  }

  function disableReplies() {
    state.log.forEach(function (m) { if (m.replies && m.replies.length) m.used = true; });
    Array.prototype.forEach.call(log.querySelectorAll("button.reply"), function (b) { b.disabled = true; });
  }

  /** Text with http(s) and www. links made clickable; everything set as text, never HTML. */
  function linkify(target, text) {
    var pattern = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi, last = 0, match;
    while ((match = pattern.exec(text))) {
      var url = match[0].replace(/[.,;:!?)\]]+$/, "");
      target.appendChild(document.createTextNode(text.slice(last, match.index)));
      var link = el("a", { href: /^www\./i.test(url) ? "https://" + url : url, target: "_blank", rel: "noopener noreferrer" }, url);
      target.appendChild(link);
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    target.appendChild(document.createTextNode(text.slice(last)));
  }

  function showTyping(forMs) {
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, forMs || 15000);
  }

  function hideTyping() { typing.hidden = true; clearTimeout(typingTimer); typingTimer = null; }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function hide(node) { node.hidden = true; }

  // ---- storage: this tab only, and only the session id and whether the panel is open ----
  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORE) || "null");
      if (saved && typeof saved === "object") {
        return { id: typeof saved.id === "string" ? saved.id : null, log: [], open: saved.open === true };
      }
    } catch (error) { /* storage off or unreadable: start afresh */ }
    return { id: null, log: [], open: false };
  }

  function save() {
    try {
      window.sessionStorage.setItem(STORE, JSON.stringify({ id: state.id, open: state.open }));
    } catch (error) { /* private mode: keep it in memory */ }
  }

  // ---- helpers ----
  function el(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function defaultServer(src) {
    var url = new URL(src, window.location.href);
    return url.protocol + "//" + url.hostname + ":5005";
  }

  function safeColour(value) {
    value = (value || "").trim();
    if (!value) return DEFAULT_COLOUR;
    if (!/^#[0-9a-f]{6}$/i.test(value)) { console.warn("Seen widget: data-colour must be like #1d4f91; using the default."); return DEFAULT_COLOUR; }
    if (contrastWithWhite(value) < 4.5) { console.warn("Seen widget: " + value + " is too light for white text (WCAG AA needs 4.5:1); using the default."); return DEFAULT_COLOUR; }
    return value;
  }

  function contrastWithWhite(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    return 1.05 / (luminance + 0.05);
  }

  function addStyles(target, text) {
    if (target !== host && "adoptedStyleSheets" in document && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(text);                             // not blocked by a host page's style-src policy
      target.adoptedStyleSheets = [sheet];
    } else {
      target.appendChild(el("style", {}, text));
    }
  }

  function css(c) {
    var side = c.position;
    return [
      // !important inside the shadow root beats the host page's !important on the host element.
      ":host{all:initial !important;display:block !important;position:fixed !important;z-index:2147483000 !important;bottom:0 !important;" + side + ":0 !important;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Arial,sans-serif !important;color:#0b0c0c !important;}",
      "*,*::before,*::after{box-sizing:border-box;}",
      ".frame{display:flex;flex-direction:column;align-items:" + (side === "left" ? "flex-start" : "flex-end") + ";gap:12px;margin:16px;font-size:16px;line-height:1.5;}",
      ".launcher{display:inline-flex;align-items:center;gap:8px;min-height:48px;padding:10px 18px;border:2px solid #0b0c0c;border-radius:24px;background:" + c.colour + ";color:#fff;font:inherit;font-weight:700;cursor:pointer;box-shadow:0 2px 6px rgba(0,0,0,.3);}",
      ".launcher-mark{display:inline-block;width:24px;height:24px;border-radius:50%;background:#fff;color:" + c.colour + ";text-align:center;line-height:24px;}",
      ".panel{display:flex;flex-direction:column;width:380px;max-width:calc(100vw - 32px);height:560px;max-height:calc(100vh - 110px);background:#fff;border:2px solid #0b0c0c;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.35);overflow:hidden;}",
      ".panel[hidden]{display:none;}",
      ".header{display:flex;align-items:center;gap:8px;padding:8px 12px;background:" + c.colour + ";color:#fff;}",
      ".title{flex:1;margin:0;font-size:18px;font-weight:700;color:#fff;}",
      ".notices{padding:6px 12px;border-bottom:1px solid #b1b4b6;background:#fff;font-size:14px;}",
      ".notices p{margin:0;}",
      ".notices .follow-up{margin-top:6px;}",
      ".emergency{color:#a01a0e;font-weight:700;}",
      ".log{flex:1;overflow-y:auto;padding:12px;background:#f3f2f1;}",
      ".message{margin:0 0 10px;max-width:90%;}",
      ".message .text{margin:0;padding:8px 12px;border-radius:8px;white-space:pre-wrap;overflow-wrap:anywhere;}",
      ".message.bot .text{background:#fff;border:1px solid #b1b4b6;}",
      ".message.user{margin-left:auto;}",
      ".message.user .text{background:" + c.colour + ";color:#fff;}",
      ".message a{color:#1d4f91;text-decoration:underline;}",
      ".message.user a{color:#fff;}",
      ".replies{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px;}",
      "button{font:inherit;font-size:15px;cursor:pointer;}",
      ".reply{min-height:40px;padding:6px 12px;border:2px solid " + c.colour + ";border-radius:20px;background:#fff;color:" + c.colour + ";font-weight:700;}",
      ".reply:disabled{border-color:#505a5f;color:#505a5f;cursor:default;}",
      ".typing{margin:0;padding:4px 12px;font-size:14px;color:#505a5f;background:#f3f2f1;}",
      ".typing[hidden],.problem[hidden]{display:none;}",
      ".problem{padding:8px 12px;background:#fff4f2;border-top:3px solid #a01a0e;font-size:14px;}",
      ".problem p{margin:0 0 6px;}",
      ".composer{display:flex;gap:8px;padding:8px;border-top:1px solid #b1b4b6;background:#fff;}",
      ".composer textarea{flex:1;min-height:44px;padding:8px;border:2px solid #0b0c0c;border-radius:4px;font:inherit;font-size:16px;resize:none;}",
      ".primary{min-width:64px;min-height:44px;border:2px solid #0b0c0c;border-radius:4px;background:" + c.colour + ";color:#fff;font-weight:700;}",
      ".secondary{min-height:36px;padding:4px 10px;border:2px solid #0b0c0c;border-radius:4px;background:#fff;color:#0b0c0c;}",
      ".icon{width:40px;height:40px;border:2px solid #fff;border-radius:4px;background:transparent;color:#fff;font-size:24px;line-height:1;}",
      "button:focus-visible,textarea:focus-visible,a:focus-visible,.log:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c;}",
      ".visually-hidden{position:absolute !important;width:1px !important;height:1px !important;margin:-1px !important;padding:0 !important;overflow:hidden !important;clip:rect(0 0 0 0) !important;white-space:nowrap !important;border:0 !important;}",
      "@media (max-width:480px){.frame{margin:8px;}.panel{position:fixed;inset:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0;border:0;}}"
    ].join("\n");
  }

  // ---- start: reopen this tab's conversation, then hand over the page API ----
  function start() {
    document.body.appendChild(host);
    if (state.open) openPanel(true);
    var queued = (window.seen && window.seen.q) || [];
    window.seen = function (command) {
      if (command === "open") openPanel();
      else if (command === "close") closePanel();
      else if (command === "reset") reset();
      else console.warn("Seen widget: unknown command " + command + " (open, close or reset)");
    };
    Array.prototype.forEach.call(queued, function (args) { window.seen.apply(null, args); });
    document.dispatchEvent(new CustomEvent("seen:ready"));
  }

  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
