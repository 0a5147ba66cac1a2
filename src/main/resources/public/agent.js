/*
 * Agent console: signs in with an agent token (kept in sessionStorage, so it ends with the tab),
 * polls the handoff queue and the open conversation through the agent API, replies, hands back,
 * closes. All conversation data is inserted with textContent, never as HTML.
 */
(function () {
  'use strict';
  var TOKEN_KEY = 'loginbot.agentToken';
  var POLL_MS = 2000;
  var REASONS = {
    USER_ASKED: 'Asked for a person',
    STEPS_EXHAUSTED: 'Steps did not help',
    NOT_UNDERSTOOD: 'Bot did not understand',
    SUPPORT_ACTION: 'Needs a support action'
  };
  var LANGUAGES = { en: 'English', fr: 'French' };

  var token = null;
  try { token = sessionStorage.getItem(TOKEN_KEY); } catch (e) { token = null; }
  var selected = location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null;
  var queueTimer = null;
  var detailTimer = null;
  var shownSeq = 0;
  var shownStatus = null;
  var lastButtons = []; // the buttons of the last bot line shown, to name a clicked payload

  var $ = window.LoginbotDom.$;
  var el = window.LoginbotDom.el;

  function api(method, path, body) {
    var headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, credentials: 'omit',
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (response.status === 401) {
        signOut('Your token is no longer accepted. Please sign in again.');
        throw new Error('unauthorized');
      }
      return response.json().catch(function () { return null; }).then(function (payload) {
        if (!response.ok) {
          var error = new Error(payload && payload.message ? payload.message : 'HTTP ' + response.status);
          error.status = response.status;
          throw error;
        }
        return payload;
      });
    });
  }

  // ---------- signing in and out ----------
  function signIn(candidate) {
    token = candidate;
    return api('GET', '/api/me').then(function (me) {
      try { sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { /* tab-only session */ }
      $('agent-name').textContent = me.name;
      $('who').hidden = false;
      $('sign-in-view').hidden = true;
      $('console-view').hidden = false;
      pollQueue();
      if (selected) openConversation(selected);
    });
  }

  function signOut(message) {
    token = null;
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing stored */ }
    clearTimeout(queueTimer);
    clearTimeout(detailTimer);
    $('queue').textContent = '';
    $('transcript').textContent = '';
    $('packet').textContent = '';
    $('detail').hidden = true;
    $('placeholder').hidden = false;
    $('who').hidden = true;
    $('console-view').hidden = true;
    $('sign-in-view').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('token').value = '';
    $('token').focus();
  }

  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    var candidate = $('token').value.trim();
    if (!candidate) {
      $('sign-in-error').textContent = 'Enter your agent token.';
      return;
    }
    $('sign-in-error').textContent = '';
    signIn(candidate).catch(function (error) {
      if (error.message !== 'unauthorized') $('sign-in-error').textContent = 'Could not sign in: ' + error.message;
      else $('sign-in-error').textContent = 'That token was not accepted.';
    });
  });
  $('sign-out').addEventListener('click', function () { signOut(''); });

  // ---------- the queue ----------
  function waited(iso) {
    var minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));
    if (minutes < 1) return 'just now';
    if (minutes < 60) return minutes + ' min';
    var hours = Math.floor(minutes / 60);
    if (hours < 24) return hours + ' h ' + (minutes % 60) + ' min';
    return Math.floor(hours / 24) + ' d';
  }
  function label(code) {
    if (!code) return 'unknown';
    var words = String(code).replace(/[_-]+/g, ' ').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function pollQueue() {
    clearTimeout(queueTimer);
    if (!token) return;
    api('GET', '/api/conversations').then(renderQueue).catch(function () { /* shown on the next poll */ })
      .then(function () { if (token) queueTimer = setTimeout(pollQueue, POLL_MS); });
  }

  function renderQueue(items) {
    var list = $('queue');
    var focusedId = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.id : null;
    list.textContent = '';
    items.forEach(function (c) {
      var packet = c.handoff || {};
      var since = packet.at || c.updatedAt;
      var button = el('button', { type: 'button', class: 'conv', 'data-id': c.id,
        'aria-current': c.id === selected ? 'true' : 'false' }, [
        el('div', { class: 'row' }, [
          el('span', { class: 'reason', text: REASONS[packet.reason] || 'Handed off' }),
          el('span', { class: 'wait', title: 'Waiting since ' + new Date(since).toLocaleString(),
            text: waited(since) })
        ]),
        el('div', { class: 'tags' }, [
          el('span', { class: 'tag role', text: c.role ? label(c.role) : 'Role unknown' }),
          el('span', { class: 'tag lang', text: LANGUAGES[c.language] || 'Language unknown' }),
          c.caseId ? el('span', { class: 'tag', text: label(c.caseId) }) : null
        ]),
        el('div', { class: 'summary', text: packet.summary || c.id })
      ]);
      button.addEventListener('click', function () { openConversation(c.id); });
      list.appendChild(el('li', {}, [button]));
      if (c.id === focusedId) button.focus();
    });
    $('queue-empty').hidden = items.length > 0;
    $('queue-count').textContent = items.length === 1 ? '1 waiting' : items.length + ' waiting';
  }

  // ---------- one conversation ----------
  function openConversation(id) {
    var changed = id !== selected;
    selected = id;
    if (location.hash !== '#' + encodeURIComponent(id)) history.replaceState(null, '', '#' + encodeURIComponent(id));
    if (changed || !shownStatus) {
      shownSeq = 0;
      shownStatus = null;
      lastButtons = [];
      $('transcript').textContent = '';
      $('action-error').textContent = '';
    }
    Array.prototype.forEach.call(document.querySelectorAll('.conv'), function (b) {
      b.setAttribute('aria-current', b.dataset.id === id ? 'true' : 'false');
    });
    pollDetail();
  }

  function pollDetail() {
    clearTimeout(detailTimer);
    if (!token || !selected) return;
    var id = selected;
    api('GET', '/api/conversations/' + encodeURIComponent(id)).then(function (view) {
      if (id === selected) renderDetail(view);
    }).catch(function (error) {
      if (error.status === 404 && id === selected) {
        $('action-error').textContent = 'This conversation no longer exists.';
        selected = null;
      }
    }).then(function () { if (token && selected) detailTimer = setTimeout(pollDetail, POLL_MS); });
  }

  function renderDetail(view) {
    $('placeholder').hidden = true;
    $('detail').hidden = false;
    $('detail-title').textContent = 'Conversation ' + view.id;
    var meta = $('detail-meta');
    meta.textContent = '';
    meta.appendChild(el('span', { class: 'status ' + view.status, text: label(view.status) }));
    meta.appendChild(el('span', { text: '· ' + (view.role ? label(view.role) : 'role unknown') }));
    meta.appendChild(el('span', { text: '· ' + (LANGUAGES[view.language] || 'language unknown') }));
    meta.appendChild(el('span', { text: '· via ' + view.channel }));
    meta.appendChild(el('span', { text: '· started ' + new Date(view.createdAt).toLocaleString() }));
    renderPacket(view);
    renderTranscript(view.transcript);
    var withAgent = view.status === 'handoff';
    $('reply-text').disabled = !withAgent;
    $('reply-send').disabled = !withAgent;
    $('hand-back').disabled = !withAgent;
    $('close').disabled = view.status === 'closed';
    $('reply-note').textContent = withAgent ? 'The user sees your reply live, under your name.'
      : view.status === 'closed' ? 'This conversation is closed.' : 'The bot has this conversation.';
    shownStatus = view.status;
  }

  function renderPacket(view) {
    var box = $('packet');
    box.textContent = '';
    var p = view.handoff;
    if (!p) {
      box.appendChild(el('p', { class: 'hint', text: 'No handoff packet: the bot has not handed this conversation over.' }));
      return;
    }
    var dl = el('dl');
    function row(term, value) {
      if (value === null || value === undefined || value === '') return;
      dl.appendChild(el('dt', { text: term }));
      dl.appendChild(typeof value === 'string' ? el('dd', { text: value }) : el('dd', {}, [value]));
    }
    row('Summary', el('div', { class: 'summary', text: p.summary || '—' }));
    row('Reason', REASONS[p.reason] || label(p.reason));
    var wait = waited(p.at);
    row('Handed off', new Date(p.at).toLocaleString() + ' (' + (wait === 'just now' ? wait : wait + ' ago') + ')');
    row('Role', p.role ? label(p.role) : 'Unknown');
    row('Language', LANGUAGES[String(p.language).toLowerCase()] || 'Unknown');
    row('Case', p.caseId ? label(p.caseId) : 'None');
    row('Identifier given', p.identifier);
    if (p.steps && p.steps.length) {
      row('Steps tried', el('ol', {}, p.steps.map(function (s) {
        return el('li', { text: label(String(s.step).split('/').pop()) + ' — ' + (s.outcome || 'no answer') });
      })));
    }
    var facts = Object.keys(p.facts || {}).filter(function (k) { return k !== 'screenshot'; });
    if (facts.length) {
      row('Facts', el('ul', {}, facts.map(function (k) { return el('li', { text: label(k) + ': ' + p.facts[k] }); })));
    }
    if (p.facts && p.facts.screenshot) row('Screenshot', screenshot(p.facts.screenshot));
    box.appendChild(dl);
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
      var who = author === 'user' ? 'User' : author === 'bot' ? 'Bot' : author === 'agent' ? (l.name || 'Agent') : 'Note';
      var head = el('div', { class: 'head' }, [el('strong', { text: who }),
        document.createTextNode(' · ' + new Date(l.at).toLocaleTimeString())]);
      var clicked = author === 'user' ? lastButtons.filter(function (b) { return b.payload === l.text; })[0] : null;
      if (clicked) {
        head.appendChild(el('span', { class: 'intent', text: 'clicked a button' }));
      } else if (author === 'user' && l.intent) {
        var confidence = typeof l.confidence === 'number' ? ' ' + Math.round(l.confidence * 100) + '%' : '';
        head.appendChild(el('span', { class: 'intent', title: 'What the bot understood',
          text: (l.understood ? '' : 'not understood: ') + l.intent + confidence }));
      }
      var item = el('li', { class: 'line ' + author },
        [head, el('div', { class: 'text', text: clicked ? clicked.title : l.text })]);
      var image = author === 'user' && /^\[image (att_[A-Za-z0-9_-]{22})\]/.exec(l.text);
      if (image) item.appendChild(screenshot(image[1]));
      if (author === 'bot') lastButtons = l.buttons || [];
      if (l.buttons && l.buttons.length) {
        item.appendChild(el('div', { class: 'buttons',
          text: 'Buttons: ' + l.buttons.map(function (b) { return b.title; }).join(' · ') }));
      }
      list.appendChild(item);
      shownSeq = l.seq;
    });
    if (nearBottom) list.scrollTop = list.scrollHeight;
  }

  /** An image the user sent, fetched with the agent's token (images are never public). */
  function screenshot(attachmentId) {
    var img = el('img', { class: 'shot', alt: 'Screenshot the user sent' });
    var link = el('a', { href: '#', class: 'shot-link', title: 'Open full size' }, [img]);
    fetch('/api/conversations/' + encodeURIComponent(selected) + '/attachments/' + encodeURIComponent(attachmentId),
      { headers: { Authorization: 'Bearer ' + token }, credentials: 'omit' })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.blob(); })
      .then(function (blob) {
        img.src = URL.createObjectURL(blob);
        link.href = img.src;
        link.target = '_blank';
      }).catch(function () { img.alt = 'Screenshot (no longer available)'; });
    return link;
  }

  // ---------- acting on it ----------
  function act(path, body) {
    var id = selected;
    $('action-error').textContent = '';
    return api('POST', '/api/conversations/' + encodeURIComponent(id) + path, body).then(function (view) {
      if (id === selected) renderDetail(view);
      pollQueue();
    }).catch(function (error) {
      if (error.message !== 'unauthorized') $('action-error').textContent = error.message;
      throw error;
    });
  }

  $('reply').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text) return;
    $('reply-send').disabled = true;
    act('/messages', { text: text }).then(function () {
      $('reply-text').value = '';
      $('reply-text').focus();
    }).catch(function () { /* message shown */ }).then(function () {
      $('reply-send').disabled = shownStatus !== 'handoff';
    });
  });
  $('reply-text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      $('reply').requestSubmit();
    }
  });
  $('hand-back').addEventListener('click', function () { act('/handback').catch(function () {}); });
  $('close').addEventListener('click', function () { act('/close').catch(function () {}); });

  // ---------- start ----------
  if (token) {
    signIn(token).catch(function () { signOut(''); });
  } else {
    signOut('');
  }
})();
