/*
 * loginbot chat widget. Embed with one tag:
 *   <script src="https://BOT/widget.js" data-role="customer" data-lang="fr" async></script>
 * Options (all optional): data-role (customer | professional), data-lang (en, fr, or any language
 * the content has a lang/<code>/ui.yaml for), data-user-name,
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

  // Filled in by the server as it serves this script: the widget: section of every language's
  // content/lang/<code>/ui.yaml, the reference language (English) first.
  var STRINGS = /*@ui*/{};
  var LANGUAGES = Object.keys(STRINGS);
  var MAX_IMAGE = 5 * 1024 * 1024;

  function oneOf(value, allowed) {
    var v = (value || '').trim().toLowerCase();
    return allowed.indexOf(v) >= 0 ? v : null;
  }
  var opts = {
    role: oneOf(data.role, ['customer', 'professional']),
    language: oneOf((data.lang || '').split(/[-_]/)[0], LANGUAGES),
    name: (data.userName || '').trim().slice(0, 120) || null,
    email: (data.userEmail || '').trim().slice(0, 254) || null,
    colour: data.colour || data.color || null,
    position: data.position === 'left' ? 'left' : 'right',
    greeting: (data.greeting || '').trim() || null,
    appVersion: (data.appVersion || '').trim().slice(0, 60) || null
  };

  // What agents see as the device: the browser and the system, in words, never the raw agent string.
  function deviceOf(ua) {
    var system = /iPhone|iPad|iPod/.test(ua) ? 'iOS' : /Android/.test(ua) ? 'Android'
      : /Windows/.test(ua) ? 'Windows' : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
      : /CrOS/.test(ua) ? 'ChromeOS' : /Linux/.test(ua) ? 'Linux' : 'an unknown system';
    var browser = /Edg\//.test(ua) ? 'Edge' : /OPR\//.test(ua) ? 'Opera' : /Firefox\/|FxiOS/.test(ua) ? 'Firefox'
      : /Chrome\/|CriOS/.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'a browser';
    var mobile = /Mobi|iPhone|Android/.test(ua) ? ' (mobile)' : '';
    return browser + ' on ' + system + mobile;
  }
  var lang = opts.language || (navigator.languages || [navigator.language || '']).map(function (l) {
    return oneOf(String(l).split(/[-_]/)[0], LANGUAGES);
  }).filter(Boolean).concat(LANGUAGES)[0];
  var T = STRINGS[lang];
  var STORE_KEY = 'loginbot.conversation:' + BASE;
  var OPEN_KEY = 'loginbot.open:' + BASE;
  var UNSENT_KEY = 'loginbot.unsent:' + BASE;

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
  var ICONS = {
    chat: 'M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6c-.6.5-1.5.1-1.5-.7V16A2.5 2.5 0 0 1 4 13.5z',
    close: 'M6 6l12 12M18 6L6 18',
    send: 'M4 12l16-8-6 16-2.5-6.5zM11.5 13.5L20 4',
    person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20a7.5 7.5 0 0 1 15 0',
    clip: 'M20 11.5l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L9.7 17.2a1.7 1.7 0 0 1-2.4-2.4L15 7'
  };
  function icon(name) {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg'), path = document.createElementNS(ns, 'path');
    var filled = name === 'chat';
    [['viewBox', '0 0 24 24'], ['fill', filled ? 'currentColor' : 'none'], ['stroke', 'currentColor'],
      ['stroke-width', filled ? '0' : '2'], ['stroke-linecap', 'round'], ['stroke-linejoin', 'round'],
      ['aria-hidden', 'true'], ['focusable', 'false']].forEach(function (a) { svg.setAttribute(a[0], a[1]); });
    path.setAttribute('d', ICONS[name]);
    svg.appendChild(path);
    return svg;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? '' : values[k]; });
  }
  /** French typography: no-break spaces before « : ; ! ? » and inside guillemets, so no line starts with them. */
  function typo(text) {
    if (lang !== 'fr' || !text) return text;
    return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0')
      .replace(/([A-Za-zÀ-ÿ0-9)’'])([!?;])(?=\s|$)/g, '$1\u202f$2')
      .replace(/([A-Za-zÀ-ÿ)])(:)(?=\s)/g, '$1\u00a0$2');
  }
  function t(key, values) { return typo(fill(T[key], values || {})); }

  /** Appends text to a node, turning web addresses and e-mail addresses into links (as text). */
  function appendLinked(node, text) {
    var pattern = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
    var last = 0, match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) node.appendChild(document.createTextNode(text.slice(last, match.index)));
      var target = match[0];
      node.appendChild(el('a', { href: target.indexOf('@') > 0 && target.indexOf('://') < 0 ? 'mailto:' + target : target,
        target: '_blank', rel: 'noopener noreferrer', text: target }));
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
  function applyColour(node, hex) {
    var rgb = hexToRgb(hex);
    if (!rgb) {
      if (hex) console.warn('loginbot widget: data-colour must look like #1a73e8; using the default');
      return;
    }
    var white = [255, 255, 255], ink = rgb.slice();
    while (contrast(ink, white) < 4.5) ink = ink.map(function (v) { return Math.round(v * 0.9); });
    node.style.setProperty('--lb-accent', hex);
    node.style.setProperty('--lb-on-accent', contrast(rgb, white) >= 4.5 ? '#ffffff' : '#0f172a');
    node.style.setProperty('--lb-accent-ink', 'rgb(' + ink.join(',') + ')');
  }

  // ---------- HTTP ----------
  function request(method, path, body, token, type) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = type || 'application/json';
    if (token) headers['X-Widget-Token'] = token;
    return fetch(BASE + path, {
      method: method, headers: headers, credentials: 'omit', mode: 'cors',
      body: body === undefined ? undefined : type ? body : JSON.stringify(body)
    }).then(function (response) {
      setOffline(false);
      if (!response.ok) {
        var error = new Error('HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response;
    }, function (error) {
      // fetch rejects when the network fails, or when this site may not use the bot (CORS).
      setOffline(navigator.onLine === false);
      throw error;
    });
  }
  function api(method, path, body, token, type) {
    return request(method, path, body, token, type).then(function (r) { return r.json(); });
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
    lastSeq: 0, status: 'bot', agent: null, open: false, unread: 0, live: null, offline: false,
    queue: [], sending: false, events: null, reconnect: null, backoff: 2000, poll: null, retry: null,
    restoring: false, lastButtons: [], welcome: null, images: {}
  };

  // ---------- build the UI ----------
  var host = el('div', { id: 'loginbot-widget', lang: lang, dir: 'ltr' });
  host.hidden = true; // shown once the stylesheet has loaded, so nothing flashes unstyled
  if (opts.position === 'left') host.classList.add('pos-left');
  applyColour(host, opts.colour);
  var root = host.attachShadow({ mode: 'open' });
  var sheet = el('link', { rel: 'stylesheet', href: BASE + 'widget.css' });
  sheet.addEventListener('load', function () { host.hidden = false; });
  sheet.addEventListener('error', function () { host.hidden = false; });

  var labelled = []; // [node, key, attribute or null]: relabelled when the language changes
  function label(node, key, attribute) {
    labelled.push([node, key, attribute]);
    return node;
  }
  var badge = el('span', { class: 'badge', 'aria-hidden': 'true' });
  badge.hidden = true;
  var launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'lb-panel' }, [icon('chat'), badge]);
  var subtitle = el('p', { class: 'subtitle', id: 'lb-subtitle' });
  var closeButton = label(el('button', { type: 'button', class: 'icon-button close' }, [icon('close')]), 'close', 'aria-label');
  var header = el('div', { class: 'header' }, [
    el('div', { class: 'avatar', 'aria-hidden': 'true' }, [icon('person')]),
    el('div', { class: 'heading' }, [label(el('h2', { class: 'title', id: 'lb-title' }), 'title'), subtitle]),
    closeButton
  ]);
  var offline = label(el('p', { class: 'offline', role: 'status' }), 'offline');
  offline.hidden = true;
  var log = label(el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' }), 'log', 'aria-label');
  var pendingBox = el('div', { class: 'pending-box', 'aria-hidden': 'true' });
  var typing = el('div', { class: 'typing', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]);
  typing.hidden = true;
  var typingStatus = el('p', { class: 'sr-only', role: 'status' });
  var chips = label(el('div', { class: 'chips', role: 'group' }), 'chips', 'aria-label');
  var scroller = el('div', { class: 'scroller' }, [log, pendingBox, typing, chips, typingStatus]);
  var leaveButton = label(el('button', { type: 'button' }), 'leave');
  var notice = el('div', { class: 'notice' }, [label(el('span'), 'found'), leaveButton]);
  notice.hidden = true;
  var restartButton = label(el('button', { type: 'button', class: 'restart' }), 'restart');
  var closedChips = label(el('div', { class: 'chips', role: 'group' }), 'chips', 'aria-label');
  var closed = el('div', { class: 'closed' }, [label(el('span'), 'endedNote'), closedChips, restartButton]);
  closed.hidden = true;
  var input = label(el('textarea', { id: 'lb-input', rows: '1', maxlength: '4000', autocomplete: 'off',
    'aria-describedby': 'lb-fineprint', enterkeyhint: 'send' }), 'placeholder', 'placeholder');
  var fileInput = el('input', { type: 'file', accept: 'image/png,image/jpeg,image/webp', hidden: 'hidden', tabindex: '-1', 'aria-hidden': 'true' });
  var attachButton = label(el('button', { type: 'button', class: 'attach' }, [icon('clip')]), 'attach', 'aria-label');
  var sendButton = label(el('button', { type: 'submit', class: 'send' }, [icon('send')]), 'send', 'aria-label');
  var composer = el('form', { class: 'composer' }, [label(el('label', { for: 'lb-input', class: 'sr-only' }), 'input'),
    attachButton, input, sendButton, fileInput]);
  var fineprint = label(el('p', { class: 'fineprint', id: 'lb-fineprint' }), 'fineprint');
  var panel = el('section', { class: 'panel', id: 'lb-panel', role: 'dialog', 'aria-modal': 'false',
    'aria-labelledby': 'lb-title', 'aria-describedby': 'lb-subtitle' },
    [header, offline, scroller, notice, closed, composer, fineprint]);
  panel.hidden = true;
  root.appendChild(sheet);
  root.appendChild(panel);
  root.appendChild(launcher);

  // ---------- language ----------
  var timeFormat, dayFormat;
  function setLanguage(next) {
    if (!STRINGS[next]) return;
    var changed = next !== lang;
    lang = next;
    T = STRINGS[lang];
    host.setAttribute('lang', lang);
    panel.setAttribute('lang', lang);
    var clock = lang === 'fr' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { hour: 'numeric', minute: '2-digit' };
    timeFormat = new Intl.DateTimeFormat(lang, clock);
    dayFormat = new Intl.DateTimeFormat(lang, Object.assign({ weekday: 'long' }, clock));
    labelled.forEach(function (l) {
      if (l[2]) l[0].setAttribute(l[2], t(l[1])); else l[0].textContent = t(l[1]);
    });
    if (state.status === 'closed') input.placeholder = t('placeholderEnded');
    updateHeader();
    updateLauncher();
    if (changed && !state.conversation) loadWelcome();
  }

  // ---------- rendering ----------
  function timeElement(iso) {
    var at = iso ? new Date(iso) : new Date();
    var today = at.toDateString() === new Date().toDateString();
    return el('time', { datetime: at.toISOString(), text: (today ? timeFormat : dayFormat).format(at) });
  }

  /** The greeting stays first in the log; its starter buttons only before the first message. */
  function greet() {
    var old = log.querySelector('.greeting');
    if (old) log.removeChild(old);
    if (!state.conversation) log.textContent = '';
    var who = opts.name ? ' ' + opts.name.split(/\s+/)[0] : '';
    var text = opts.greeting || (state.welcome ? fill(state.welcome.text, { name: who }) : '');
    if (text) {
      var node = message('bot', null, text, null);
      node.classList.add('greeting');
      log.insertBefore(node, log.firstChild);
    }
    if (state.welcome && !state.conversation) showChips(state.welcome.buttons);
  }

  function loadWelcome() {
    var query = 'widget/welcome?lang=' + lang + (opts.role ? '&role=' + opts.role : '');
    api('GET', query).then(function (welcome) {
      state.welcome = welcome;
      if (!state.live) applySupport(welcome.support);
      greet();
    }).catch(function () { /* the greeting comes back with the connection */ });
  }

  /** One message; `author` is user, bot or agent. */
  function message(author, name, text, at, attachment, seq) {
    var bubble = el('div', { class: 'bubble' });
    if (attachment) {
      bubble.classList.add('image');
      bubble.appendChild(image(attachment));
    } else if (author === 'user') bubble.textContent = text;
    else if (author === 'agent' && window.LoginbotMarkdown) window.LoginbotMarkdown.render(text, bubble);
    else appendLinked(bubble, typo(text));
    var meta = el('div', { class: 'meta' });
    var node;
    if (author === 'user') {
      if (at !== undefined) meta.appendChild(timeElement(at));
      node = el('div', { class: 'msg user' }, [el('span', { class: 'sr-only', text: T.youSaid + ':' }), bubble, meta]);
    } else {
      meta.appendChild(el('span', { class: 'who', text: author === 'agent' ? (name || T.agentTag) : T.bot }));
      if (author === 'agent') meta.appendChild(el('span', { class: 'tag', text: T.agentTag }));
      if (at) {
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(timeElement(at));
      }
      node = el('div', { class: 'msg ' + author }, [meta, bubble]);
    }
    if (seq) node.setAttribute('data-seq', seq);
    return node;
  }

  /** An image the user sent: a local preview (a File), or fetched with the token (an id). */
  function image(source) {
    var img = el('img', { alt: T.image });
    if (typeof source !== 'string') {
      img.src = URL.createObjectURL(source);
    } else if (state.images[source]) {
      img.src = state.images[source];
    } else if (state.conversation) {
      request('GET', conversationPath('/attachments/' + encodeURIComponent(source)), undefined, state.conversation.token)
        .then(function (r) { return r.blob(); })
        .then(function (blob) { img.src = state.images[source] = URL.createObjectURL(blob); })
        .catch(function () { /* the alt text stays */ });
    }
    return img;
  }

  function showChips(buttons) {
    var target = state.status === 'closed' ? closedChips : chips;
    chips.textContent = '';
    closedChips.textContent = '';
    buttons.forEach(function (b) {
      var chip = el('button', { type: 'button', class: 'chip', text: typo(b.title) });
      // A tap must not summon the keyboard over the next buttons: the focus stays where it is.
      chip.addEventListener('click', function () { send(b.payload || b.title, b.title); });
      target.appendChild(chip);
    });
    chips.hidden = !chips.firstChild;
    closedChips.hidden = !closedChips.firstChild;
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
    log.appendChild(message(line.author, line.name, shown, line.at, line.attachment, line.seq));
    if (line.author === 'agent') state.agent = line.name;
    if (line.author === 'bot') state.lastButtons = line.buttons || [];
    showChips(line.author === 'bot' ? state.lastButtons : []);
    if (line.author !== 'user' && !state.open && !state.restoring) {
      state.unread += 1;
      updateLauncher();
    }
    placeSeen();
    updateHeader();
    scrollDown();
  }

  function applyLines(result) {
    if (result.live) applyLive(result.live); else applyStatus(result.status);
    result.lines.forEach(applyLine);
    state.lastSeq = Math.max(state.lastSeq, result.lastSeq);
  }

  function applyStatus(status) {
    if (!status || status === state.status) return;
    state.status = status;
    if (status !== 'handoff') state.agent = null;
    var ended = status === 'closed';
    closed.hidden = !ended;
    input.disabled = ended;
    attachButton.disabled = ended;
    sendButton.disabled = ended;
    input.placeholder = t(ended ? 'placeholderEnded' : 'placeholder');
    showChips(state.lastButtons);
    updateHeader();
  }

  function applyLive(live) {
    state.live = live;
    if (live.language && live.language !== lang) setLanguage(live.language);
    applyStatus(live.status);
    setTyping(!!live.typing, live.typing);
    placeSeen();
    updateHeader();
  }
  function applySupport(support) {
    state.live = state.live || { status: 'bot' };
    state.live.support = support;
    updateHeader();
  }

  function placeSeen() {
    var old = root.querySelector('.seen');
    if (old) old.parentNode.removeChild(old);
    var seen = state.live && state.live.seen;
    if (!seen || state.status !== 'handoff') return;
    var mine = log.querySelectorAll('.msg.user[data-seq]'), last = null;
    Array.prototype.forEach.call(mine, function (m) { if (+m.getAttribute('data-seq') <= seen.seq) last = m; });
    if (last) last.appendChild(el('p', { class: 'seen', text: t('seen', { name: seen.name || T.agentTag }) }));
  }

  function backAt(support) {
    return support && support.backAt ? dayFormat.format(new Date(support.backAt)) : '';
  }

  function updateHeader() {
    var live = state.live || {}, support = live.support || { open: true }, text, kind;
    if (state.status === 'closed') {
      text = t('ended'); kind = 'is-closed';
    } else if (state.status === 'handoff') {
      kind = state.agent ? '' : 'is-waiting';
      text = live.typing ? t('agentTyping', { name: live.typing })
        : state.agent ? t('withAgent', { name: state.agent })
        : !support.open ? t('waitAway', { at: backAt(support) })
        : live.queue ? t(live.queue.waitMinutes ? 'lineWait' : 'line', { n: live.queue.position, m: live.queue.waitMinutes })
        : t('waiting');
    } else {
      text = support.open ? t('online') : t('away', { at: backAt(support) });
      kind = support.open ? '' : 'is-away';
    }
    subtitle.textContent = text;
    subtitle.className = 'subtitle ' + kind;
    notice.hidden = !(state.status === 'handoff' && !state.agent);
  }

  function updateLauncher() {
    badge.hidden = state.unread === 0;
    badge.textContent = state.unread > 9 ? '9+' : String(state.unread);
    launcher.setAttribute('aria-label', state.open ? t('close') : state.unread ? t('openUnread', { n: state.unread }) : t('open'));
  }

  function setTyping(on, agentName) {
    typing.hidden = !on;
    typingStatus.textContent = on ? (agentName ? t('agentTyping', { name: agentName }) : t('typing')) : '';
    if (on) scrollDown();
  }

  function scrollDown() {
    scroller.scrollTop = scroller.scrollHeight;
    // In very low windows the whole panel scrolls (see widget.css); otherwise it must never move.
    if (getComputedStyle(panel).overflowY === 'auto') panel.scrollTop = panel.scrollHeight;
  }

  function setOffline(off) {
    if (state.offline === off) return;
    state.offline = off;
    offline.hidden = !off;
    if (!off) pump();
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
    enqueue({ text: text, display: display || text, id: messageId() });
  }

  function enqueue(item) {
    var pending = message('user', null, item.display, undefined, item.file);
    pending.classList.add('pending');
    pendingBox.appendChild(pending);
    item.pending = pending;
    showChips([]);
    scrollDown();
    state.queue.push(item);
    saveUnsent();
    pump();
  }

  /** Typed messages not yet accepted survive a reload and go out when the network is back. */
  function saveUnsent() {
    write(local, UNSENT_KEY, state.queue.filter(function (i) { return !i.file; })
      .map(function (i) { return { text: i.text, display: i.display, id: i.id }; }));
  }

  function pump() {
    if (state.sending || !state.queue.length) return;
    var item = state.queue[0];
    state.sending = true;
    clearTimeout(state.retry);
    setTyping(state.status === 'bot');
    ensureConversation().then(function () {
      var c = state.conversation;
      if (item.file) {
        var query = '?clientMessageId=' + item.id + '&after=' + state.lastSeq + (opts.role ? '&role=' + opts.role : '') + (opts.language ? '&language=' + opts.language : '');
        return api('POST', conversationPath('/attachments' + query), item.file, c.token, item.file.type);
      }
      var body = { text: item.text, clientMessageId: item.id };
      if (opts.role) body.role = opts.role;
      if (opts.language) body.language = opts.language;
      if (state.lastSeq === 0 && opts.name) body.name = opts.name;
      if (state.lastSeq === 0 && opts.email) body.email = opts.email;
      // Where the chat is, so an answer e-mailed to a user who left links back to it.
      if (state.lastSeq === 0) body.page = location.href.split('#')[0];
      // Shown to agents beside the conversation, so they need not ask.
      if (state.lastSeq === 0) body.device = deviceOf(navigator.userAgent || '');
      if (state.lastSeq === 0 && opts.appVersion) body.appVersion = opts.appVersion;
      return api('POST', conversationPath('/messages?after=' + state.lastSeq), body, c.token);
    }).then(function (result) {
      if (item.file && result.lines.length) state.images[result.lines[0].attachment] = item.pending.querySelector('img').src;
      applyLines(result);
      if (item.pending.parentNode) item.pending.parentNode.removeChild(item.pending);
      state.queue.shift();
      saveUnsent();
      connectEvents();
      finish();
      pump();
    }).catch(function (error) {
      finish();
      if (error.status === 401 || error.status === 403) {
        forget(); // expired or deleted: the same message goes into a new conversation
        return pump();
      }
      if (!error.status || error.status === 429 || error.status >= 500) {
        // The network or the server will be back: send again by itself, a little later each time.
        state.retry = setTimeout(pump, state.backoff);
        state.backoff = Math.min(state.backoff * 2, 30000);
        if (!state.offline) fail(item, error.status === 429 ? t('tooMany') : t('notSent'), false);
        return;
      }
      fail(item, error.status === 413 || error.status === 415 ? t('badImage') : t('notSent'), true);
    });
    function finish() {
      state.sending = false;
      setTyping(false);
    }
  }

  /** Shows a message that did not go out; `final`: it will not be retried by itself. */
  function fail(item, text, final) {
    var old = item.pending.querySelector('.error');
    if (old) item.pending.removeChild(old);
    var problem = el('p', { class: 'error', role: 'alert' }, [document.createTextNode(text)]);
    item.pending.classList.add('failed');
    item.pending.appendChild(problem);
    if (!final) return;
    state.queue.shift();
    saveUnsent();
    if (item.file) return;
    var retry = el('button', { type: 'button', text: T.retry });
    retry.addEventListener('click', function () {
      item.pending.parentNode.removeChild(item.pending);
      enqueue({ text: item.text, display: item.display, id: item.id });
    });
    problem.appendChild(retry);
  }

  /** The stored conversation no longer opens (expired, deleted): start afresh. */
  function forget() {
    disconnectEvents();
    state.conversation = null;
    state.lastSeq = 0;
    state.live = null;
    write(local, STORE_KEY, null);
  }

  function restart() {
    forget();
    state.status = 'bot';
    state.agent = null;
    state.lastButtons = [];
    pendingBox.textContent = '';
    closed.hidden = true;
    input.disabled = attachButton.disabled = sendButton.disabled = false;
    input.placeholder = t('placeholder');
    log.textContent = '';
    loadWelcome();
    updateHeader();
    input.focus();
  }

  function restore() {
    if (!state.conversation) return;
    state.restoring = true;
    api('GET', conversationPath('/messages?after=0'), undefined, state.conversation.token).then(function (result) {
      applyLines(result);
      state.restoring = false;
      connectEvents();
    }).catch(function (error) {
      state.restoring = false;
      if (error.status === 401 || error.status === 403) restart();
      else state.retry = setTimeout(restore, 5000);
    });
  }

  // ---------- live updates: a ticketed event stream, reconnected with backoff; polling while refused ----------
  function connectEvents() {
    if (state.events || !state.conversation || !window.EventSource) return startPolling();
    state.events = 'opening';
    api('POST', conversationPath('/tickets'), {}, state.conversation.token).then(function (ticket) {
      var source = new EventSource(BASE + conversationPath('/events?after=' + state.lastSeq + '&ticket=' + encodeURIComponent(ticket.ticket)));
      var opened = false;
      state.events = source;
      source.addEventListener('open', function () { opened = true; state.backoff = 2000; stopPolling(); });
      source.addEventListener('line', function (event) { applyLine(JSON.parse(event.data)); });
      source.addEventListener('status', function (event) { applyLive(JSON.parse(event.data)); });
      source.addEventListener('gone', function () { source.close(); restart(); });
      source.addEventListener('error', function () {
        // Tickets are single-use: reconnect ourselves with a new one, later each time.
        source.close();
        state.events = null;
        if (!opened) startPolling();
        retryEvents();
      });
    }).catch(function (error) {
      state.events = null;
      if (error.status === 401 || error.status === 403) return restart();
      startPolling();
      retryEvents();
    });
  }
  function retryEvents() {
    clearTimeout(state.reconnect);
    state.reconnect = setTimeout(connectEvents, state.backoff);
    state.backoff = Math.min(state.backoff * 2, 60000);
  }
  function startPolling() {
    if (state.poll || !state.conversation) return;
    state.poll = setInterval(function () {
      if (!state.conversation || state.sending) return;
      api('GET', conversationPath('/messages?after=' + state.lastSeq), undefined, state.conversation.token)
        .then(applyLines).catch(function (error) { if (error.status === 401) restart(); });
    }, 3000);
  }
  function stopPolling() {
    clearInterval(state.poll);
    state.poll = null;
  }
  function disconnectEvents() {
    if (state.events && state.events.close) state.events.close();
    state.events = null;
    clearTimeout(state.reconnect);
    stopPolling();
  }

  // ---------- opening and closing ----------
  var fullScreen = window.matchMedia('(max-width: 480px), (max-height: 560px)');
  var lastPointer = 'mouse';
  function setOpen(open, focus) {
    state.open = open;
    panel.hidden = !open;
    host.classList.toggle('open', open);
    launcher.setAttribute('aria-expanded', String(open));
    panel.setAttribute('aria-modal', String(open && fullScreen.matches));
    write(session, OPEN_KEY, open);
    if (open) {
      state.unread = 0;
      if (!state.welcome && !state.conversation) loadWelcome();
      scrollDown();
      // A tap must not pop the keyboard up over the conversation; a keyboard user lands in the input.
      if (focus) (lastPointer === 'touch' ? log : input).focus();
    } else if (focus) {
      launcher.focus();
    }
    updateLauncher();
  }

  root.addEventListener('pointerdown', function (event) { lastPointer = event.pointerType; }, true);
  launcher.addEventListener('click', function () { setOpen(!state.open, true); });
  closeButton.addEventListener('click', function () { setOpen(false, true); });
  restartButton.addEventListener('click', restart);
  leaveButton.addEventListener('click', function () {
    api('POST', conversationPath('/leave?after=' + state.lastSeq), {}, state.conversation.token)
      .then(applyLines).catch(function () { /* an agent answered meanwhile: nothing to leave */ });
  });
  attachButton.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    var file = fileInput.files[0];
    fileInput.value = '';
    if (!file) return;
    var item = { file: file, display: T.image, id: messageId() };
    if (['image/png', 'image/jpeg', 'image/webp'].indexOf(file.type) < 0 || file.size > MAX_IMAGE) {
      item.pending = message('user', null, '', undefined, file);
      pendingBox.appendChild(item.pending);
      state.queue.unshift(item);
      return fail(item, t('badImage'), true);
    }
    enqueue(item);
  });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false, true);
    } else if (event.key === 'Tab' && fullScreen.matches) {
      // Full screen is modal: the focus goes round inside the panel.
      var items = Array.prototype.filter.call(panel.querySelectorAll('button, textarea, [tabindex="0"]'),
        function (n) { return !n.disabled && n.offsetParent !== null; });
      var first = items[0], last = items[items.length - 1], active = root.activeElement;
      if (event.shiftKey && active === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && active === last) { event.preventDefault(); first.focus(); }
    }
  });
  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = '';
    autosize();
    send(text);
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
  window.addEventListener('online', function () { setOffline(false); clearTimeout(state.retry); state.backoff = 2000; pump(); });
  window.addEventListener('offline', function () { setOffline(true); });

  // ---------- start ----------
  setLanguage(lang);
  loadWelcome();
  if (state.conversation) restore();
  (readJson(local, UNSENT_KEY) || []).forEach(function (i) { enqueue(i); });
  if (navigator.onLine === false) setOffline(true);
  function mount() {
    document.body.appendChild(host);
    if (readJson(session, OPEN_KEY)) setOpen(true, false);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
