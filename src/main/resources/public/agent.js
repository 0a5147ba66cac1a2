/*
 * Agent console: the handoff queue in three views (mine, unassigned, all; longest waiting first, a
 * page at a time), one conversation with its packet and transcript, and the agent's actions: take,
 * reply, hand back, close, each refused by the server when another agent handles the conversation
 * unless the agent takes it over. Live updates come from /api/events; the API stays the truth. All
 * conversation data is inserted with textContent, never as HTML.
 */
(function () {
  'use strict';
  var C = window.LoginbotConsole;
  var $ = window.LoginbotDom.$;
  var el = window.LoginbotDom.el;
  var t = window.LoginbotText.t;
  var PAGE = 25;
  var FALLBACK_POLL_MS = 15000;
  var TITLE = t('agentConsole') + ' · loginbot';

  var me = null;
  var view = 'all';
  var selected = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null;
  var queueItems = [];
  var queueNext = null;
  var shown = null; // the conversation view on screen
  var shownSeq = 0;
  var lastButtons = [];
  var stopEvents = null;
  var live = false;
  var fallbackTimer = null;
  var refreshTimer = null;
  var pendingIds = {};
  var pendingAll = false;

  // ---------- signing in and out ----------
  function signIn(candidate) {
    C.keep(candidate);
    return C.api('GET', '/api/me').then(function (agent) {
      me = agent.name;
      $('agent-name').textContent = me;
      window.LoginbotCanned.load();
      $('who').hidden = false;
      $('sign-in-view').hidden = true;
      $('console-view').hidden = false;
      loadQueue(true);
      checkAlerts({}, true);
      if (selected) openConversation(selected);
      stopEvents = C.events(onEvent, function (on) {
        live = on;
        $('live').className = on ? 'live on' : 'live';
        $('live').title = on ? t('liveUpdates') : t('reconnecting');
      });
      fallback();
    });
  }

  function signOut(message) {
    C.forget();
    me = null;
    if (stopEvents) stopEvents();
    stopEvents = null;
    clearTimeout(fallbackTimer);
    $('queue').textContent = '';
    $('transcript').textContent = '';
    $('packet').textContent = '';
    $('context').textContent = '';
    $('detail').hidden = true;
    $('placeholder').hidden = false;
    $('who').hidden = true;
    $('console-view').hidden = true;
    $('sign-in-view').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('token').value = '';
    $('token').focus();
    document.title = TITLE;
  }
  C.onSignedOut(signOut);

  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    var candidate = $('token').value.trim();
    if (!candidate) {
      $('sign-in-error').textContent = t('enterToken');
      return;
    }
    $('sign-in-error').textContent = '';
    signIn(candidate).catch(function (error) {
      if (error.message !== 'unauthorized') $('sign-in-error').textContent = t('couldNotSignIn', { error: error.message });
      else $('sign-in-error').textContent = t('tokenRefused');
    });
  });
  $('sign-out').addEventListener('click', function () { signOut(''); });

  // ---------- live updates ----------
  function onEvent(e) {
    if (e.event !== 'changed') return;
    if (e.data && e.data.many) pendingAll = true;
    ((e.data && e.data.ids) || []).forEach(function (id) { pendingIds[id] = true; });
    // Several events in a burst make one refresh.
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 150);
  }

  function refresh() {
    var ids = pendingIds;
    var all = pendingAll;
    pendingIds = {};
    pendingAll = false;
    loadQueue(false);
    if (selected && (all || ids[selected])) loadDetail();
    checkAlerts(ids, all);
  }

  // ---------- alerts: desktop notifications and an optional sound ----------
  var knownHandoffs = null; // unassigned ids seen so far; null until the first read
  var seenUser = {}; // my conversations: id -> the last customer line seen
  function checkAlerts(ids, all) {
    C.api('GET', '/api/queue?view=unassigned&limit=100').then(function (page) {
      var now = {};
      page.items.forEach(function (c) {
        now[c.id] = true;
        if (knownHandoffs && !knownHandoffs[c.id]) {
          notify(t('newHandoff'), C.reason(c.handoff && c.handoff.reason) + ': ' + ((c.handoff && c.handoff.summary) || c.id), c.id);
        }
      });
      knownHandoffs = now;
    }).catch(function () {});
    C.api('GET', '/api/queue?view=mine&limit=100').then(function (page) {
      page.items.forEach(function (c) {
        if (all || ids[c.id] || seenUser[c.id] === undefined) {
          C.api('GET', '/api/conversations/' + encodeURIComponent(c.id)).then(userLines).catch(function () {});
        }
      });
    }).catch(function () {});
  }

  /**
   * Notifies of a customer's line newer than the last one seen in a conversation I handle. The
   * first look at a conversation only sets where "new" starts.
   */
  function userLines(v) {
    if (v.status !== 'handoff' || v.assignee !== me) return;
    var users = v.transcript.filter(function (l) { return String(l.author).toLowerCase() === 'user'; });
    var last = users.length ? users[users.length - 1] : null;
    var seq = last ? last.seq : 0;
    if (seenUser[v.id] !== undefined && seq > seenUser[v.id]) {
      notify(t('newCustomerMessage'), last.text, v.id);
    }
    seenUser[v.id] = Math.max(seq, seenUser[v.id] || 0);
  }

  function notify(title, body, id) {
    if ($('sound').checked) beep();
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    var n = new Notification(title, { body: String(body).slice(0, 160), tag: 'loginbot-' + id });
    n.onclick = function () { window.focus(); openConversation(id); };
  }

  function beep() {
    try {
      var AudioContext = window.AudioContext || window.webkitAudioContext;
      var ctx = new AudioContext();
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.08;
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.18);
    } catch (e) { /* no audio here */ }
  }

  function showNotifyState() {
    var supported = 'Notification' in window;
    $('notify').hidden = !supported || Notification.permission === 'granted';
    $('notify').disabled = supported && Notification.permission === 'denied';
    $('notify').title = supported && Notification.permission === 'denied' ? t('alertsBlocked') : t('alertsAsk');
  }
  $('notify').addEventListener('click', function () {
    Notification.requestPermission().then(showNotifyState);
  });
  try { $('sound').checked = localStorage.getItem('loginbot.sound') === 'on'; } catch (e) { /* default off */ }
  $('sound').addEventListener('change', function () {
    try { localStorage.setItem('loginbot.sound', $('sound').checked ? 'on' : 'off'); } catch (e) { /* kept for the page */ }
  });
  showNotifyState();

  // ---------- keyboard ----------
  $('help-open').addEventListener('click', function () { $('help').showModal(); });
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
    if (typing || event.ctrlKey || event.metaKey || event.altKey || $('console-view').hidden) return;
    if (event.key === '?') { event.preventDefault(); $('help').showModal(); }
    else if (event.key === 't' && shown && !$('take').hidden) { event.preventDefault(); act('/take').catch(function () {}); }
    else if (event.key === 'n') { event.preventDefault(); $('note-mode').click(); $('reply-text').focus(); }
    else if (event.key === 'j' || event.key === 'k') {
      var i = queueItems.map(function (c) { return c.id; }).indexOf(selected);
      var next = queueItems[Math.max(0, Math.min(queueItems.length - 1, i + (event.key === 'j' ? 1 : -1)))];
      if (next) { event.preventDefault(); openConversation(next.id); }
    }
  });

  /** While the stream is down, read the store now and then, so nothing is missed. */
  function fallback() {
    clearTimeout(fallbackTimer);
    fallbackTimer = setTimeout(function () {
      if (!C.token()) return;
      if (!live) {
        loadQueue(false);
        if (selected) loadDetail();
      }
      fallback();
    }, FALLBACK_POLL_MS);
  }

  // ---------- the queue ----------
  Array.prototype.forEach.call(document.querySelectorAll('.view'), function (tab) {
    tab.addEventListener('click', function () {
      view = tab.dataset.view;
      loadQueue(true);
    });
  });
  $('queue-more').addEventListener('click', function () {
    C.api('GET', '/api/queue?view=' + view + '&limit=' + PAGE + '&cursor=' + encodeURIComponent(queueNext))
      .then(function (page) {
        queueItems = queueItems.concat(page.items);
        queueNext = page.next;
        renderQueue(page.counts);
      }).catch(function () { /* shown on the next refresh */ });
  });

  /** Reads the first page again (as many rows as are shown, so "Show more" is kept). */
  function loadQueue(reset) {
    var limit = reset ? PAGE : Math.min(100, Math.max(PAGE, queueItems.length));
    var asked = view;
    return C.api('GET', '/api/queue?view=' + asked + '&limit=' + limit).then(function (page) {
      if (asked !== view) return;
      queueItems = page.items;
      queueNext = page.next;
      renderQueue(page.counts);
    }).catch(function () { /* shown on the next refresh */ });
  }

  function renderQueue(counts) {
    Array.prototype.forEach.call(document.querySelectorAll('.view'), function (tab) {
      tab.setAttribute('aria-selected', tab.dataset.view === view ? 'true' : 'false');
      tab.querySelector('.n').textContent = String(counts[tab.dataset.view]);
    });
    var list = $('queue');
    var focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : null;
    list.textContent = '';
    queueItems.forEach(function (c) {
      var packet = c.handoff || {};
      var since = packet.at || c.updatedAt;
      var owner = c.assignee
        ? el('span', { class: 'tag owner' + (c.assignee === me ? ' mine' : ''),
          text: c.assignee === me ? t('you') : t('handlingTag', { name: c.assignee }) })
        : null;
      var button = el('button', { type: 'button', class: 'conv', 'data-id': c.id,
        'aria-current': c.id === selected ? 'true' : 'false' }, [
        el('div', { class: 'row' }, [
          el('span', { class: 'reason', text: C.reason(packet.reason) }),
          el('span', { class: 'wait', title: t('waitingSince', { time: new Date(since).toLocaleString() }),
            text: C.waited(since) })
        ]),
        el('div', { class: 'tags' }, [
          owner,
          el('span', { class: 'tag role', text: c.role ? C.label(c.role) : t('roleUnknown') }),
          el('span', { class: 'tag lang', text: C.language(c.language) }),
          c.caseId ? el('span', { class: 'tag', text: C.label(c.caseId) }) : null
        ]),
        el('div', { class: 'summary', text: packet.summary || c.id })
      ]);
      button.addEventListener('click', function () { openConversation(c.id); });
      list.appendChild(el('li', {}, [button]));
      if (c.id === focusedId) button.focus();
    });
    $('queue-empty').hidden = queueItems.length > 0;
    $('queue-more').hidden = !queueNext;
    $('queue-count').textContent = t('queueCount', { all: counts.all, unassigned: counts.unassigned });
    document.title = C.titled(TITLE, counts.unassigned);
  }

  // ---------- one conversation ----------
  function openConversation(id) {
    if (id !== selected || !shown) {
      shownSeq = 0;
      shown = null;
      lastButtons = [];
      $('transcript').textContent = '';
      $('action-error').textContent = '';
    }
    selected = id;
    if (location.hash !== '#' + encodeURIComponent(id)) history.replaceState(null, '', '#' + encodeURIComponent(id));
    Array.prototype.forEach.call(document.querySelectorAll('.conv'), function (b) {
      b.setAttribute('aria-current', b.dataset.id === id ? 'true' : 'false');
    });
    loadDetail();
  }

  function loadDetail() {
    var id = selected;
    return C.api('GET', '/api/conversations/' + encodeURIComponent(id)).then(function (v) {
      if (id === selected) renderDetail(v);
    }).catch(function (error) {
      if (error.status === 404 && id === selected) {
        $('action-error').textContent = t('gone');
        selected = null;
      }
    });
  }

  function renderDetail(v) {
    shown = v;
    $('placeholder').hidden = true;
    $('detail').hidden = false;
    var name = v.context && v.context.name;
    $('detail-title').textContent = name ? t('conversationWith', { name: name }) : t('conversationId', { id: v.id });
    $('context').textContent = '';
    $('context').appendChild(window.LoginbotContext.context(v));
    $('detail').dataset.id = v.id;
    var meta = $('detail-meta');
    meta.textContent = '';
    meta.appendChild(el('span', { class: 'status ' + v.status, text: C.label(v.status) }));
    meta.appendChild(el('span', { text: '· ' + (v.role ? C.label(v.role) : t('roleUnknown').toLowerCase()) }));
    meta.appendChild(el('span', { text: '· ' + C.language(v.language) }));
    meta.appendChild(el('span', { text: '· ' + t('via', { channel: v.channel }) }));
    meta.appendChild(el('span', { text: '· ' + t('started', { time: new Date(v.createdAt).toLocaleString() }) }));
    renderPacket(v);
    renderTranscript(v.transcript);
    renderOwner(v);
    userLines(v);
    signalSeen(v);
    var key = [v.id, v.caseId, v.role, v.language].join('|');
    if (key !== readyKey) {
      readyKey = key;
      loadReadyReplies(v.id);
    }
  }

  // ---------- ready replies ----------
  var readyKey = null;
  function loadReadyReplies(id) {
    C.api('GET', '/api/conversations/' + encodeURIComponent(id) + '/replies').then(function (r) {
      if (id !== selected) return;
      var list = $('ready-list');
      list.textContent = '';
      $('ready-case').textContent = r.caseTitle ? '(' + r.caseTitle + ', ' + C.language(r.language) + ')' : '';
      $('ready').hidden = !r.steps.length;
      r.steps.forEach(function (step) {
        var button = el('button', { type: 'button', class: 'ready-reply', 'data-step': step.step,
          title: t('insertReply') }, [
          step.tried ? el('span', { class: 'tag tried', text: t('botTried', { outcome: step.outcome || t('noAnswer') }) }) : null,
          r.role ? null : el('span', { class: 'tag role', text: C.label(step.role) }),
          el('span', { class: 'ready-text', text: step.text })
        ]);
        button.addEventListener('click', function () { insertReply(step.text); });
        list.appendChild(el('li', {}, [button]));
      });
    }).catch(function () { $('ready').hidden = true; });
  }

  window.LoginbotReply = Object.freeze({ insert: function (text) { insertReply(text); } });
  window.LoginbotCanned.init();

  /** Puts text into the reply box at the cursor, on its own paragraph. */
  function insertReply(text) {
    var box = $('reply-text');
    if (box.disabled) return;
    var start = box.selectionStart;
    var end = box.selectionEnd;
    var before = box.value.slice(0, start);
    var after = box.value.slice(end);
    var glue = before && !/\n$/.test(before) ? '\n' : '';
    box.value = before + glue + text + after;
    var caret = (before + glue + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
  }

  function heldByOther(v) { return v.assignee && v.assignee !== me; }

  function renderOwner(v) {
    var withAgent = v.status === 'handoff';
    var other = withAgent && heldByOther(v);
    var owner = $('owner');
    owner.textContent = '';
    owner.className = 'owner' + (other ? ' other' : '');
    if (withAgent) {
      owner.appendChild(document.createTextNode(
        !v.assignee ? t('nobodyHandling') : v.assignee === me ? t('youHandle') : t('otherHandles', { name: v.assignee })));
      if (other) {
        var takeOver = el('button', { type: 'button', class: 'secondary', id: 'take-over', text: t('takeOver') });
        takeOver.addEventListener('click', function () { act('/take?takeOver=true').catch(function () {}); });
        owner.appendChild(takeOver);
      }
    }
    $('take').hidden = !withAgent || !!v.assignee;
    var noting = $('note-mode').checked;
    $('reply-text').disabled = !noting && (!withAgent || other);
    $('reply-send').disabled = !noting && (!withAgent || other);
    $('reply-send').textContent = noting ? t('addNote') : t('sendReply');
    $('hand-back').disabled = !withAgent;
    $('close').disabled = v.status === 'closed';
    $('reply-note').textContent = noting ? t('notesPrivate') : !withAgent
      ? (v.status === 'closed' ? t('closedNote') : t('botHasIt'))
      : other ? t('takeOverToReply') : t('userSeesReply');
  }

  function renderPacket(v) {
    var box = $('packet');
    box.textContent = '';
    var episodes = v.episodes || [];
    var earlier = episodes.filter(function (e) { return e.handoff; });
    var p = v.handoff || (earlier.length ? earlier[earlier.length - 1].handoff : null);
    if (!p) {
      box.appendChild(el('p', { class: 'hint', text: t('noPacket') }));
    } else {
      if (!v.handoff || v.status !== 'handoff') {
        box.appendChild(el('p', { class: 'hint', text: v.status === 'handoff'
          ? t('earlierHandoff') : t('pastHandoff') }));
      }
      box.appendChild(window.LoginbotPacket.packet(p, screenshot));
    }
    if (episodes.length > 1) {
      box.appendChild(el('div', { class: 'earlier' }, [el('h4', { text: t('episodes') }), window.LoginbotPacket.episodes(episodes)]));
    }
  }

  function renderTranscript(lines) {
    var list = $('transcript');
    if (lines.length && lines[lines.length - 1].seq < shownSeq) {
      list.textContent = '';
      shownSeq = 0;
      lastButtons = [];
    }
    var nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    lines.filter(function (l) { return l.seq > shownSeq; }).forEach(function (l) {
      var author = String(l.author).toLowerCase();
      var who = author === 'user' ? t('user') : author === 'bot' ? t('bot') : author === 'agent' ? (l.name || t('agent'))
        : author === 'note' ? t('internalNoteBy', { name: l.name || t('agent') }) : t('note');
      var head = el('div', { class: 'head' }, [el('strong', { text: who }),
        document.createTextNode(' · ' + new Date(l.at).toLocaleTimeString())]);
      var clicked = author === 'user' ? lastButtons.filter(function (b) { return b.payload === l.text; })[0] : null;
      if (clicked) {
        head.appendChild(el('span', { class: 'intent', text: t('clickedButton') }));
      } else if (author === 'user' && l.intent) {
        var confidence = typeof l.confidence === 'number' ? ' ' + Math.round(l.confidence * 100) + '%' : '';
        head.appendChild(el('span', { class: 'intent', title: t('understood'),
          text: (l.understood ? l.intent : t('notUnderstood', { intent: l.intent })) + confidence }));
      }
      var item = el('li', { class: 'line ' + author },
        [head, author === 'agent'
          ? window.LoginbotMarkdown.render(l.text, el('div', { class: 'text md' }))
          : el('div', { class: 'text', text: clicked ? clicked.title : l.text })]);
      var image = author === 'user' && /^\[image (att_[A-Za-z0-9_-]{22})\]/.exec(l.text);
      if (image) item.appendChild(screenshot(image[1]));
      if (author === 'bot') lastButtons = l.buttons || [];
      if (l.buttons && l.buttons.length) {
        item.appendChild(el('div', { class: 'buttons',
          text: t('buttons', { titles: l.buttons.map(function (b) { return b.title; }).join(' · ') }) }));
      }
      list.appendChild(item);
      shownSeq = l.seq;
    });
    if (nearBottom) list.scrollTop = list.scrollHeight;
  }

  /** An image the user sent, fetched with the agent's token (images are never public). */
  function screenshot(attachmentId) {
    var img = el('img', { class: 'shot', alt: t('screenshotAlt') });
    var link = el('a', { href: '#', class: 'shot-link', title: t('openFullSize') }, [img]);
    fetch('/api/conversations/' + encodeURIComponent(selected) + '/attachments/' + encodeURIComponent(attachmentId),
      { headers: { Authorization: 'Bearer ' + C.token() }, credentials: 'omit' })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.blob(); })
      .then(function (blob) {
        img.src = URL.createObjectURL(blob);
        link.href = img.src;
        link.target = '_blank';
      }).catch(function () { img.alt = t('screenshotGone'); });
    return link;
  }

  // ---------- acting on it ----------
  function act(path, body) {
    var id = selected;
    $('action-error').textContent = '';
    return C.api('POST', '/api/conversations/' + encodeURIComponent(id) + path, body).then(function (v) {
      if (id === selected) renderDetail(v);
      loadQueue(false);
    }).catch(function (error) {
      if (error.message !== 'unauthorized') $('action-error').textContent = error.message;
      if (error.status === 409) loadDetail();
      throw error;
    });
  }

  /** The query that takes the conversation over, after asking, when someone else handles it. */
  function overIfAsked(what) {
    if (!shown || shown.status !== 'handoff' || !heldByOther(shown)) return '';
    return window.confirm(t('takeOverConfirm', { name: shown.assignee, action: what }))
      ? '?takeOver=true' : null;
  }

  $('reply').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text) return;
    $('reply-send').disabled = true;
    act($('note-mode').checked ? '/notes' : '/messages', { text: text }).then(function () {
      $('reply-text').value = '';
      $('reply-text').focus();
    }).catch(function () { /* message shown */ }).then(function () {
      if (shown) renderOwner(shown);
    });
  });
  // ---------- what the customer sees of the agent: typing and seen ----------
  // Both are best-effort hints: a failed signal is dropped, never retried or shown as an error.
  var typingSentAt = 0, seenSent = {};
  function mayReply(v) {
    return v && v.status === 'handoff' && !heldByOther(v) && !$('note-mode').checked;
  }
  $('reply-text').addEventListener('input', function () {
    // The widget shows "… is typing" for 6 s per signal: repeat at most every 3 s while typing.
    if (!mayReply(shown) || !$('reply-text').value.trim() || Date.now() - typingSentAt < 3000) return;
    typingSentAt = Date.now();
    C.api('POST', '/api/conversations/' + encodeURIComponent(shown.id) + '/typing').catch(function () {});
  });
  /** Tells the widget that the customer's lines up to the last one shown were seen, once each. */
  function signalSeen(v) {
    if (!v || v.status !== 'handoff' || heldByOther(v) || document.visibilityState !== 'visible') return;
    var users = (v.transcript || []).filter(function (l) { return String(l.author).toLowerCase() === 'user'; });
    var last = users.length ? users[users.length - 1].seq : 0;
    if (!last || seenSent[v.id] >= last) return;
    seenSent[v.id] = last;
    C.api('POST', '/api/conversations/' + encodeURIComponent(v.id) + '/seen', { seq: last }).catch(function () {});
  }
  document.addEventListener('visibilitychange', function () { signalSeen(shown); });

  $('reply-text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      $('reply').requestSubmit();
    }
  });
  $('note-mode').addEventListener('change', function () { if (shown) renderOwner(shown); });
  $('take').addEventListener('click', function () { act('/take').catch(function () {}); });
  $('hand-back').addEventListener('click', function () {
    var over = overIfAsked(t('handBackAction'));
    if (over !== null) act('/handback' + over).catch(function () {});
  });
  $('close').addEventListener('click', function () {
    var over = overIfAsked(t('closeAction'));
    if (over === null) return;
    if (!over && !window.confirm(t('closeConfirm'))) return;
    act('/close' + over).catch(function () {});
  });

  // ---------- start ----------
  if (C.token()) {
    signIn(C.token()).catch(function () { signOut(''); });
  } else {
    signOut('');
  }
})();
