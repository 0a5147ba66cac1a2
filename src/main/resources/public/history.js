/*
 * History: searches every conversation (GET /api/history) by text, status, case, role, language,
 * agent and dates, a page at a time, and shows one with its episodes, their packets and the
 * transcript. All data is inserted with textContent, never as HTML.
 */
(function () {
  'use strict';
  var C = window.LoginbotConsole;
  var $ = window.LoginbotDom.$;
  var el = window.LoginbotDom.el;
  var text = window.LoginbotText;
  var t = text.t;
  var PAGE = 25;
  var next = null;
  var query = '';
  document.title = t('history') + ' · loginbot';
  // The languages the content has, named in the agent's language.
  text.languages.forEach(function (code) {
    $('language').appendChild(el('option', { value: code, text: text.languageName(code) }));
  });
  // The content's cases: an article a writer adds is searchable without touching this page.
  text.cases.forEach(function (code) {
    $('case').appendChild(el('option', { value: code, text: C.label(code) }));
  });

  function signedIn() {
    $('sign-in-view').hidden = true;
    $('history-view').hidden = false;
    $('sign-out').hidden = false;
    C.api('GET', '/api/agents').then(function (agents) {
      var select = $('agent');
      agents.names.forEach(function (n) { select.appendChild(el('option', { value: n, text: n })); });
    }).catch(function () { /* the filter stays "Any" */ });
    search();
  }

  function signOut(message) {
    C.forget();
    $('history-view').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-view').hidden = false;
    $('sign-in-error').textContent = message || '';
  }
  C.onSignedOut(signOut);
  $('sign-out').addEventListener('click', function () { signOut(''); });
  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    C.keep($('token').value.trim());
    C.api('GET', '/api/me').then(signedIn).catch(function () {
      $('sign-in-error').textContent = t('tokenRefused');
    });
  });

  function params() {
    var parts = [];
    ['q', 'status', 'case', 'role', 'language', 'agent', 'from', 'to'].forEach(function (name) {
      var value = $(name).value.trim();
      if (value) parts.push(name + '=' + encodeURIComponent(value));
    });
    return parts.join('&');
  }

  function search(more) {
    if (!more) {
      query = params();
      next = null;
      $('results').textContent = '';
    }
    $('search-error').textContent = '';
    var path = '/api/history?limit=' + PAGE + (query ? '&' + query : '') + (more && next ? '&cursor=' + encodeURIComponent(next) : '');
    return C.api('GET', path).then(function (page) {
      page.items.forEach(function (c) { $('results').appendChild(result(c)); });
      next = page.next;
      $('more').hidden = !next;
      var n = $('results').children.length;
      $('result-count').textContent = n === 0 ? t('noMatch') : t(next ? 'foundMore' : 'found', { n: n });
    }).catch(function (error) {
      if (error.message !== 'unauthorized') $('search-error').textContent = error.message;
    });
  }

  function result(c) {
    var last = (c.episodes || []).filter(function (e) { return e.handoff; }).pop();
    var button = el('button', { type: 'button', class: 'conv', 'data-id': c.id }, [
      el('div', { class: 'row' }, [
        el('span', { class: 'reason', text: C.label(c.status) + (last ? ' · ' + C.reason(last.handoff.reason) : '') }),
        el('span', { class: 'wait', text: new Date(c.updatedAt).toLocaleDateString() })
      ]),
      el('div', { class: 'tags' }, [
        el('span', { class: 'tag role', text: c.role ? C.label(c.role) : t('roleUnknown') }),
        el('span', { class: 'tag lang', text: C.language(c.language) }),
        c.caseId ? el('span', { class: 'tag', text: C.label(c.caseId) }) : null,
        el('span', { class: 'tag', text: t('episodeCount', { n: (c.episodes || []).length }) })
      ]),
      el('div', { class: 'summary', text: last ? last.handoff.summary : c.id })
    ]);
    button.addEventListener('click', function () { open(c.id); });
    return el('li', {}, [button]);
  }

  function open(id) {
    C.api('GET', '/api/conversations/' + encodeURIComponent(id)).then(function (v) {
      $('placeholder').hidden = true;
      $('detail').hidden = false;
      $('detail-title').textContent = t('conversationId', { id: v.id });
      $('detail-meta').textContent = C.label(v.status) + ' · ' + t('via', { channel: v.channel }) + ' · '
        + t('started', { time: new Date(v.createdAt).toLocaleString() });
      var box = $('packet');
      box.textContent = '';
      var withPackets = (v.episodes || []).filter(function (e) { return e.handoff; });
      if (!withPackets.length) box.appendChild(el('p', { class: 'hint', text: t('neverHandedOff') }));
      withPackets.forEach(function (e) {
        box.appendChild(el('h4', { text: t('episode', { n: e.number }) + ' · ' + C.label(e.outcome) + (e.agent ? ' · ' + e.agent : '') }));
        box.appendChild(window.LoginbotPacket.packet(e.handoff, null));
      });
      box.appendChild(el('div', { class: 'earlier' }, [el('h4', { text: t('episodes') }), window.LoginbotPacket.episodes(v.episodes)]));
      var list = $('transcript');
      list.textContent = '';
      v.transcript.forEach(function (l) {
        var author = String(l.author).toLowerCase();
        var who = author === 'user' ? t('user') : author === 'bot' ? t('bot') : author === 'agent' ? (l.name || t('agent')) : t('note');
        list.appendChild(el('li', { class: 'line ' + author }, [
          el('div', { class: 'head' }, [el('strong', { text: who }), document.createTextNode(' · ' + new Date(l.at).toLocaleString())]),
          el('div', { class: 'text', text: l.text })
        ]));
      });
    }).catch(function (error) { $('search-error').textContent = error.message; });
  }

  $('search').addEventListener('submit', function (event) { event.preventDefault(); search(false); });
  $('more').addEventListener('click', function () { search(true); });

  if (C.token()) {
    C.api('GET', '/api/me').then(signedIn).catch(function () { signOut(''); });
  } else {
    signOut('');
  }
})();
