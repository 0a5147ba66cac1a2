/*
 * loginbot chat widget. Embed with one tag:
 *   <script src="https://BOT/widget.js" data-role="customer" data-lang="fr" async></script>
 * Options (all optional): data-role (customer | professional), data-lang (en | fr), data-user-name,
 * data-user-email, data-colour (#rgb or #rrggbb), data-position (right | left), data-greeting.
 * Plain JavaScript, no dependencies. Every text from users, agents or the bot is inserted with
 * textContent (never innerHTML), so nobody can inject markup into the page.
 */
(function () {
  'use strict';
  if (window.__loginbotWidget) return;
  window.__loginbotWidget = true;

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script) return;
  var BASE = new URL('.', script.src).href;
  var data = script.dataset;

  var STRINGS = {
    en: {
      title: 'Account help', bot: 'Assistant', you: 'You', youSaid: 'You said', agentTag: 'Support agent',
      online: 'Assistant · answers right away', waiting: 'Waiting for a support agent',
      withAgent: 'Chatting with {name}', ended: 'Conversation ended',
      open: 'Open support chat', openUnread: 'Open support chat, {n} new message(s)', close: 'Close chat',
      log: 'Conversation', chips: 'Suggested replies', input: 'Message', placeholder: 'Type your message…',
      send: 'Send', typing: 'The assistant is typing…', fineprint: 'Never share your password in this chat.',
      greeting: 'Hi{name}! I can help you get back into your account. What happens when you try to log in?',
      starters: ['I can\'t log in', '“Invalid user / password”', 'My account is disabled',
        'I forgot my password', 'Talk to a person'],
      endedNote: 'This conversation has ended.', restart: 'New conversation',
      notSent: 'Not sent.', retry: 'Retry', tooMany: 'Too many messages, please wait a moment.'
    },
    fr: {
      title: 'Aide à la connexion', bot: 'Assistant', you: 'Vous', youSaid: 'Vous avez écrit',
      agentTag: 'Agent du support', online: 'Assistant · répond tout de suite',
      waiting: 'En attente d’un agent du support', withAgent: 'En conversation avec {name}',
      ended: 'Conversation terminée', open: 'Ouvrir le chat d’aide',
      openUnread: 'Ouvrir le chat d’aide, {n} nouveau(x) message(s)', close: 'Fermer le chat',
      log: 'Conversation', chips: 'Réponses suggérées', input: 'Message', placeholder: 'Écrivez votre message…',
      send: 'Envoyer', typing: 'L’assistant écrit…', fineprint: 'Ne partagez jamais votre mot de passe ici.',
      greeting: 'Bonjour{name} ! Je peux vous aider à retrouver l’accès à votre compte. Que se passe-t-il quand vous essayez de vous connecter ?',
      starters: ['Je n’arrive pas à me connecter', '« Utilisateur / mot de passe invalide »',
        'Mon compte est désactivé', 'J’ai oublié mon mot de passe', 'Parler à une personne'],
      endedNote: 'Cette conversation est terminée.', restart: 'Nouvelle conversation',
      notSent: 'Non envoyé.', retry: 'Réessayer', tooMany: 'Trop de messages, patientez un instant.'
    }
  };

  function oneOf(value, allowed) {
    var v = (value || '').trim().toLowerCase();
    return allowed.indexOf(v) >= 0 ? v : null;
  }
  var opts = {
    role: oneOf(data.role, ['customer', 'professional']),
    language: oneOf((data.lang || '').slice(0, 2), ['en', 'fr']),
    name: (data.userName || '').trim().slice(0, 120) || null,
    email: (data.userEmail || '').trim().slice(0, 254) || null,
    colour: data.colour || data.color || null,
    position: data.position === 'left' ? 'left' : 'right',
    greeting: (data.greeting || '').trim() || null
  };
  var uiLang = opts.language || ((navigator.language || 'en').toLowerCase().indexOf('fr') === 0 ? 'fr' : 'en');
  var T = STRINGS[uiLang];
  var STORE_KEY = 'loginbot.conversation:' + BASE;
  var OPEN_KEY = 'loginbot.open:' + BASE;

  // ---------- storage (may be unavailable: private modes, blocked cookies) ----------
  function readJson(storage, key) {
    try { return JSON.parse(storage.getItem(key) || 'null'); } catch (e) { return null; }
  }
  function write(storage, key, value) {
    try {
      if (value === null) storage.removeItem(key); else storage.setItem(key, JSON.stringify(value));
    } catch (e) { /* the conversation then lasts as long as the page */ }
  }
  function storage(name) {
    try { return window[name]; } catch (e) { return null; }
  }
  var local = storage('localStorage') || { getItem: function () { return null; }, setItem: function () {}, removeItem: function () {} };
  var session = storage('sessionStorage') || local;

  // ---------- DOM helpers ----------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var ICONS = {
    chat: ['M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6c-.6.5-1.5.1-1.5-.7V16A2.5 2.5 0 0 1 4 13.5z'],
    close: ['M6 6l12 12', 'M18 6L6 18'],
    send: ['M4 12l16-8-6 16-2.5-6.5z', 'M11.5 13.5L20 4'],
    person: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4.5 20a7.5 7.5 0 0 1 15 0']
  };
  function icon(name) {
    var svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('fill', name === 'chat' ? 'currentColor' : 'none');
    svg.setAttribute('stroke', 'currentColor');
    svg.setAttribute('stroke-width', name === 'chat' ? '0' : '2');
    svg.setAttribute('stroke-linecap', 'round');
    svg.setAttribute('stroke-linejoin', 'round');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    ICONS[name].forEach(function (d) {
      var path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    });
    return svg;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? '' : values[k]; });
  }

  /** Appends text to a node, turning web addresses and e-mail addresses into links (as text). */
  function appendLinked(node, text) {
    var pattern = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
    var last = 0, match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) node.appendChild(document.createTextNode(text.slice(last, match.index)));
      var target = match[0];
      var link = el('a', { href: target.indexOf('@') > 0 && target.indexOf('://') < 0 ? 'mailto:' + target : target,
        target: '_blank', rel: 'noopener noreferrer', text: target });
      node.appendChild(link);
      last = match.index + target.length;
    }
    if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
  }

  // ---------- colours: keep text readable on a custom accent ----------
  function hexToRgb(hex) {
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((hex || '').trim());
    if (!m) return null;
    var h = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(h.slice(i, i + 2), 16); });
  }
  function luminance(rgb) {
    var c = rgb.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
  function applyColour(host, hex) {
    var rgb = hexToRgb(hex);
    if (!rgb) {
      if (hex) console.warn('loginbot widget: data-colour must look like #1a73e8; using the default');
      return;
    }
    var white = [255, 255, 255];
    var ink = rgb.slice();
    while (contrast(ink, white) < 4.5) ink = ink.map(function (v) { return Math.round(v * 0.9); });
    host.style.setProperty('--lb-accent', hex);
    host.style.setProperty('--lb-on-accent', contrast(rgb, white) >= 4.5 ? '#ffffff' : '#0f172a');
    host.style.setProperty('--lb-accent-ink', 'rgb(' + ink.join(',') + ')');
  }

  // ---------- HTTP ----------
  function api(method, path, body, token) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Widget-Token'] = token;
    return fetch(BASE + path, {
      method: method, headers: headers, credentials: 'omit', mode: 'cors',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        var error = new Error('HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    });
  }
  function messageId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // ---------- state ----------
  // A link from an e-mailed answer (#loginbot=<id>.<token>) reopens that conversation here.
  var reopened = /(?:^#|&)loginbot=(w_[A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]+)/.exec(location.hash);
  if (reopened) {
    write(local, STORE_KEY, { id: reopened[1], token: reopened[2] });
    write(session, OPEN_KEY, true);
    try { history.replaceState(null, '', location.href.split('#')[0]); } catch (e) { /* keep the hash */ }
  }

  var state = {
    conversation: readJson(local, STORE_KEY), // {id, token}
    lastSeq: 0, status: 'bot', agent: null, open: false, unread: 0,
    queue: [], sending: false, events: null, reconnect: null, restoring: false, lastButtons: []
  };

  // ---------- build the UI ----------
  var host = el('div', { id: 'loginbot-widget', 'data-lang': uiLang });
  host.hidden = true; // shown once the stylesheet has loaded, so nothing flashes unstyled
  if (opts.position === 'left') host.classList.add('pos-left');
  applyColour(host, opts.colour);
  var root = host.attachShadow({ mode: 'open' });
  var sheet = el('link', { rel: 'stylesheet', href: BASE + 'widget.css' });
  sheet.addEventListener('load', function () { host.hidden = false; });
  sheet.addEventListener('error', function () { host.hidden = false; });

  var badge = el('span', { class: 'badge', 'aria-hidden': 'true' });
  badge.hidden = true;
  var launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false',
    'aria-controls': 'lb-panel', 'aria-label': T.open }, [icon('chat'), badge]);

  var subtitle = el('p', { class: 'subtitle', id: 'lb-subtitle', text: T.online });
  var closeButton = el('button', { type: 'button', class: 'icon-button close', 'aria-label': T.close }, [icon('close')]);
  var header = el('div', { class: 'header' }, [
    el('div', { class: 'avatar', 'aria-hidden': 'true' }, [icon('person')]),
    el('div', { class: 'heading' }, [el('h2', { class: 'title', id: 'lb-title', text: T.title }), subtitle]),
    closeButton
  ]);
  var log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
    'aria-label': T.log, tabindex: '0' });
  var pendingBox = el('div', { class: 'pending-box', 'aria-hidden': 'true' });
  var typing = el('div', { class: 'typing', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]);
  typing.hidden = true;
  var typingStatus = el('p', { class: 'sr-only', role: 'status' });
  var chips = el('div', { class: 'chips', role: 'group', 'aria-label': T.chips });
  var scroller = el('div', { class: 'scroller' }, [log, pendingBox, typing, chips, typingStatus]);
  var restartButton = el('button', { type: 'button', class: 'restart', text: T.restart });
  var ended = el('div', { class: 'ended' }, [el('span', { text: T.endedNote }), restartButton]);
  ended.hidden = true;
  var input = el('textarea', { id: 'lb-input', rows: '1', maxlength: '4000', placeholder: T.placeholder,
    autocomplete: 'off', 'aria-describedby': 'lb-fineprint' });
  var sendButton = el('button', { type: 'submit', class: 'send', 'aria-label': T.send }, [icon('send')]);
  var composer = el('form', { class: 'composer' }, [
    el('label', { for: 'lb-input', class: 'sr-only', text: T.input }), input, sendButton
  ]);
  var fineprint = el('p', { class: 'fineprint', id: 'lb-fineprint', text: T.fineprint });
  var panel = el('section', { class: 'panel', id: 'lb-panel', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'lb-title', 'aria-describedby': 'lb-subtitle' },
    [header, scroller, ended, composer, fineprint]);
  panel.hidden = true;
  root.appendChild(sheet);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---------- rendering ----------
  var timeFormat = new Intl.DateTimeFormat(uiLang, { hour: 'numeric', minute: '2-digit' });
  var dateTimeFormat = new Intl.DateTimeFormat(uiLang, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  function timeElement(iso) {
    var at = iso ? new Date(iso) : new Date();
    var today = at.toDateString() === new Date().toDateString();
    return el('time', { datetime: at.toISOString(), text: (today ? timeFormat : dateTimeFormat).format(at) });
  }

  function greet() {
    var who = opts.name ? ' ' + opts.name.split(/\s+/)[0] : '';
    var text = opts.greeting || fill(T.greeting, { name: who });
    log.appendChild(message('bot', null, text, null));
  }

  /** One message; `author` is user, bot or agent. */
  function message(author, name, text, at) {
    var bubble = el('div', { class: 'bubble' });
    if (author === 'user') bubble.textContent = text; else appendLinked(bubble, text);
    var meta = el('div', { class: 'meta' });
    if (author === 'user') {
      if (at !== undefined) meta.appendChild(timeElement(at));
      return el('div', { class: 'msg user' }, [el('span', { class: 'sr-only', text: T.youSaid + ':' }), bubble, meta]);
    }
    meta.appendChild(el('span', { class: 'who', text: author === 'agent' ? (name || T.agentTag) : T.bot }));
    if (author === 'agent') meta.appendChild(el('span', { class: 'tag', text: T.agentTag }));
    if (at) {
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(timeElement(at));
    }
    return el('div', { class: 'msg ' + author }, [meta, bubble]);
  }

  function showChips(buttons) {
    chips.textContent = '';
    buttons.forEach(function (b) {
      var chip = el('button', { type: 'button', class: 'chip', text: b.title });
      chip.addEventListener('click', function () {
        send(b.payload || b.title, b.title);
        input.focus();
      });
      chips.appendChild(chip);
    });
    chips.hidden = buttons.length === 0;
  }

  function applyLine(line) {
    if (line.seq <= state.lastSeq) return;
    state.lastSeq = line.seq;
    var shown = line.text;
    if (line.author === 'user') {
      // A chip sends its payload; show the title the person clicked.
      state.lastButtons.forEach(function (b) { if (b.payload === line.text) shown = b.title; });
      var pending = pendingBox.firstChild;
      if (pending && !pending.classList.contains('failed')) pendingBox.removeChild(pending);
    }
    log.appendChild(message(line.author, line.name, shown, line.at));
    if (line.author === 'agent') state.agent = line.name;
    if (line.author === 'bot') {
      state.lastButtons = line.buttons || [];
      showChips(state.lastButtons);
    } else {
      showChips([]);
    }
    if (line.author !== 'user' && !state.open && !state.restoring) {
      state.unread += 1;
      updateLauncher();
    }
    updateHeader();
    scrollDown();
  }

  function applyStatus(status) {
    if (!status || status === state.status) return;
    state.status = status;
    if (status !== 'handoff') state.agent = null;
    ended.hidden = status !== 'closed';
    updateHeader();
  }

  function updateHeader() {
    var waiting = state.status === 'handoff';
    subtitle.textContent = state.status === 'closed' ? T.ended
      : waiting ? (state.agent ? fill(T.withAgent, { name: state.agent }) : T.waiting) : T.online;
    subtitle.className = 'subtitle' + (state.status === 'closed' ? ' ended' : waiting && !state.agent ? ' waiting' : '');
  }

  function updateLauncher() {
    badge.hidden = state.unread === 0;
    badge.textContent = state.unread > 9 ? '9+' : String(state.unread);
    launcher.setAttribute('aria-label', state.open ? T.close : state.unread ? fill(T.openUnread, { n: state.unread }) : T.open);
  }

  function setTyping(on) {
    typing.hidden = !on;
    typingStatus.textContent = on ? T.typing : '';
    if (on) scrollDown();
  }

  function scrollDown() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  // ---------- conversation ----------
  function ensureConversation() {
    if (state.conversation) return Promise.resolve(state.conversation);
    return api('POST', 'widget/conversations', {}).then(function (created) {
      state.conversation = { id: created.id, token: created.token };
      write(local, STORE_KEY, state.conversation);
      return state.conversation;
    });
  }

  function conversationPath(suffix) {
    return 'widget/conversations/' + encodeURIComponent(state.conversation.id) + suffix;
  }

  function send(text, display) {
    text = text.trim();
    if (!text) return;
    var pending = message('user', null, display || text, undefined);
    pending.classList.add('pending');
    pendingBox.appendChild(pending);
    showChips([]);
    scrollDown();
    state.queue.push({ text: text, id: messageId(), pending: pending });
    pump();
  }

  function pump() {
    if (state.sending || !state.queue.length) return;
    var item = state.queue[0];
    state.sending = true;
    setTyping(state.status === 'bot');
    ensureConversation().then(function () {
      var body = { text: item.text, clientMessageId: item.id };
      if (opts.role) body.role = opts.role;
      if (opts.language) body.language = opts.language;
      if (state.lastSeq === 0 && opts.name) body.name = opts.name;
      if (state.lastSeq === 0 && opts.email) body.email = opts.email;
      // Where the chat is, so an answer e-mailed to a user who left links back to it.
      if (state.lastSeq === 0) body.page = location.href.split('#')[0];
      return api('POST', conversationPath('/messages?after=' + state.lastSeq), body, state.conversation.token);
    }).then(function (result) {
      result.lines.forEach(applyLine);
      applyStatus(result.status);
      state.lastSeq = Math.max(state.lastSeq, result.lastSeq);
      if (item.pending.parentNode) item.pending.parentNode.removeChild(item.pending);
      state.queue.shift();
      connectEvents();
      finish(true);
    }).catch(function (error) {
      if (error.status === 401 || error.status === 403) forget();
      item.pending.classList.add('failed');
      var retry = el('button', { type: 'button', text: T.retry });
      var problem = el('p', { class: 'error', role: 'alert' }, [
        document.createTextNode(error.status === 429 ? T.tooMany : T.notSent), retry]);
      item.pending.appendChild(problem);
      retry.addEventListener('click', function () {
        item.pending.classList.remove('failed');
        item.pending.removeChild(problem);
        pump();
        input.focus();
      });
      finish(false);
    });
    function finish(next) {
      state.sending = false;
      setTyping(false);
      if (next) pump();
    }
  }

  /** The stored conversation no longer opens (key changed, data deleted): start afresh next time. */
  function forget() {
    disconnectEvents();
    state.conversation = null;
    state.lastSeq = 0;
    write(local, STORE_KEY, null);
  }

  function restart() {
    forget();
    state.status = 'bot';
    state.agent = null;
    state.lastButtons = [];
    state.queue = [];
    log.textContent = '';
    pendingBox.textContent = '';
    ended.hidden = true;
    greet();
    showChips(T.starters.map(function (s) { return { title: s, payload: s }; }));
    updateHeader();
    input.focus();
  }

  function restore() {
    if (!state.conversation) return;
    state.restoring = true;
    api('GET', conversationPath('/messages?after=0'), undefined, state.conversation.token).then(function (result) {
      applyStatus(result.status);
      result.lines.forEach(applyLine);
      state.lastSeq = Math.max(state.lastSeq, result.lastSeq);
      ended.hidden = state.status !== 'closed';
      state.restoring = false;
      connectEvents();
    }).catch(function (error) {
      state.restoring = false;
      if (error.status === 401 || error.status === 403) restart();
    });
  }

  // ---------- live updates (Server-Sent Events; the browser reconnects by itself) ----------
  function connectEvents() {
    if (state.events || !state.conversation || !window.EventSource) return;
    var url = BASE + conversationPath('/events?after=' + state.lastSeq + '&token=' + encodeURIComponent(state.conversation.token));
    var source = new EventSource(url);
    state.events = source;
    source.addEventListener('line', function (event) { applyLine(JSON.parse(event.data)); });
    source.addEventListener('status', function (event) { applyStatus(JSON.parse(event.data).status); });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        // Refused outright (e.g. the server restarted its limits): try again a little later.
        disconnectEvents();
        state.reconnect = setTimeout(connectEvents, 5000);
      }
    });
  }
  function disconnectEvents() {
    if (state.events) state.events.close();
    state.events = null;
    clearTimeout(state.reconnect);
  }

  // ---------- opening and closing ----------
  function setOpen(open, focus) {
    state.open = open;
    panel.hidden = !open;
    host.classList.toggle('open', open);
    launcher.setAttribute('aria-expanded', String(open));
    write(session, OPEN_KEY, open);
    if (open) {
      state.unread = 0;
      scrollDown();
      if (focus) input.focus();
    } else if (focus) {
      launcher.focus();
    }
    updateLauncher();
  }

  launcher.addEventListener('click', function () { setOpen(!state.open, true); });
  closeButton.addEventListener('click', function () { setOpen(false, true); });
  restartButton.addEventListener('click', restart);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = '';
    autosize();
    send(text);
    input.focus();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit ? composer.requestSubmit() : composer.dispatchEvent(new Event('submit'));
    }
  });
  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 3, 120) + 'px';
  }
  input.addEventListener('input', autosize);

  // ---------- start ----------
  greet();
  if (state.conversation) {
    showChips([]);
    restore();
  } else {
    showChips(T.starters.map(function (s) { return { title: s, payload: s }; }));
  }
  updateHeader();
  updateLauncher();
  function mount() {
    document.body.appendChild(host);
    if (readJson(session, OPEN_KEY)) setOpen(true, false);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
