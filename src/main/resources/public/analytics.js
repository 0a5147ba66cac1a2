/*
 * Analytics page: reads GET /api/analytics with the agent token the console keeps in sessionStorage,
 * renders the period's figures, and downloads the messages not understood as a TSV for labelling.
 * All data is inserted with textContent, never as HTML.
 */
(function () {
  'use strict';
  var TOKEN_KEY = 'loginbot.agentToken';
  var DAY_MS = 24 * 3600 * 1000;
  var REASONS = {
    user_asked: 'Asked for a person',
    steps_exhausted: 'Steps did not help',
    not_understood: 'Bot did not understand',
    support_action: 'Needs a support action',
    unknown: 'Handed back (reason not kept)'
  };
  var LANGUAGES = { en: 'English', fr: 'French', unknown: 'Unknown' };

  var token = null;
  try { token = sessionStorage.getItem(TOKEN_KEY); } catch (e) { token = null; }

  var $ = window.LoginbotDom.$;
  var el = window.LoginbotDom.el;
  function percent(rate) { return rate === null || rate === undefined ? '–' : Math.round(rate * 100) + '%'; }
  function isoDate(d) { return d.toISOString().slice(0, 10); }
  function count(n, noun) { return n + ' ' + noun + (n === 1 ? '' : 's'); }
  function human(label) { return label.replace(/_/g, ' ').replace(/^./, function (c) { return c.toUpperCase(); }); }

  // The date inputs are whole UTC days; the API takes [from, to), so "to" is the day after the last one shown.
  function query() {
    var from = $('from').value;
    var last = $('to').value;
    var to = isoDate(new Date(Date.parse(last + 'T00:00:00Z') + DAY_MS));
    return 'from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
  }

  function request(path, signingIn) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + token }, credentials: 'omit' })
      .then(function (response) {
        if (response.status === 401) {
          signOut(signingIn ? 'This token is not accepted.' : 'Your token is no longer accepted. Please sign in again.');
          throw new Error('unauthorized');
        }
        if (!response.ok) {
          return response.json().catch(function () { return null; }).then(function (payload) {
            throw new Error(payload && payload.message ? payload.message : 'HTTP ' + response.status);
          });
        }
        return response;
      });
  }

  function load() {
    $('report-error').textContent = '';
    return request('/api/analytics?' + query())
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function (e) { if (e.message !== 'unauthorized') $('report-error').textContent = e.message; });
  }

  function bars(list, counts, names) {
    list.textContent = '';
    var keys = Object.keys(counts || {});
    var max = keys.reduce(function (m, k) { return Math.max(m, counts[k]); }, 0);
    if (!keys.length) {
      list.appendChild(el('li', {}, [el('span', { class: 'none', text: 'None in this period' })]));
      return;
    }
    keys.forEach(function (k) {
      var fill = el('span');
      fill.style.width = (max ? Math.round(100 * counts[k] / max) : 0) + '%';
      list.appendChild(el('li', {}, [
        el('span', { text: (names && names[k]) || human(k) }),
        el('span', { class: 'bar', 'aria-hidden': 'true' }, [fill]),
        el('span', { class: 'n', text: String(counts[k]) })
      ]));
    });
  }

  function render(r) {
    $('kpi-chats').textContent = String(r.chats);
    $('kpi-messages').textContent = count(r.userMessages, 'user message');
    $('kpi-resolved').textContent = percent(r.resolutionRate);
    $('kpi-resolved-n').textContent = count(r.resolvedByBot, 'chat');
    $('kpi-handoff').textContent = percent(r.handoffRate);
    $('kpi-handoff-n').textContent = count(r.handedOff, 'chat');
    $('kpi-unfinished').textContent = String(r.unfinished);
    var s = r.satisfaction;
    $('kpi-helpful').textContent = percent(s.helpfulShare);
    $('kpi-helpful-n').textContent = s.helpfulYes + ' of ' + count(s.helpfulAnswers, 'answer');
    $('kpi-rating').textContent = s.averageRating === null ? '–' : s.averageRating.toFixed(1) + ' / 5';
    $('kpi-rating-n').textContent = count(s.ratings, 'rating');

    bars($('reasons'), r.handoffReasons, REASONS);
    bars($('cases'), r.cases);
    var ratings = {};
    ['5', '4', '3', '2', '1'].forEach(function (k) { ratings[k] = (s.ratingCounts || {})[k] || 0; });
    bars($('ratings'), s.ratings ? ratings : {}, { 5: '★★★★★', 4: '★★★★', 3: '★★★', 2: '★★', 1: '★' });
    bars($('channels'), r.channels);
    bars($('languages'), r.languages, LANGUAGES);

    var body = $('not-understood');
    body.textContent = '';
    r.notUnderstood.forEach(function (m) {
      body.appendChild(el('tr', {}, [
        el('td', { text: m.text }),
        el('td', { class: 'num', text: String(m.count) }),
        el('td', { class: 'num', text: String(m.conversations) }),
        el('td', { class: 'when', text: new Date(m.lastSeen).toLocaleString() })
      ]));
    });
    $('nu-empty').hidden = r.notUnderstood.length > 0;
    $('nu-summary').textContent = r.notUnderstoodMessages + ' of ' + r.userMessages
      + ' user messages not understood (' + r.notUnderstood.length + ' distinct shown)';
    $('export').disabled = r.notUnderstood.length === 0;
  }

  // A plain link cannot carry the bearer token, so fetch the file and hand it to the browser.
  function download() {
    request('/api/analytics/not-understood.tsv?' + query())
      .then(function (response) {
        var name = 'not-understood.tsv';
        var match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
        if (match) name = match[1];
        return response.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var a = el('a', { href: url, download: name });
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
        });
      })
      .catch(function (e) { if (e.message !== 'unauthorized') $('report-error').textContent = e.message; });
  }

  function setDays(days) {
    var today = new Date();
    $('to').value = isoDate(today);
    $('from').value = isoDate(new Date(today.getTime() - (days - 1) * DAY_MS));
  }

  function showReport() {
    $('sign-in-view').hidden = true;
    $('report-view').hidden = false;
    $('sign-out').hidden = false;
    return load();
  }

  function signOut(message) {
    token = null;
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing stored */ }
    $('report-view').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in-view').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('token').focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    setDays(7);
    $('period').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    Array.prototype.forEach.call(document.querySelectorAll('.quick button'), function (b) {
      b.addEventListener('click', function () { setDays(Number(b.getAttribute('data-days'))); load(); });
    });
    $('export').addEventListener('click', download);
    $('sign-out').addEventListener('click', function () { signOut(''); });
    $('sign-in').addEventListener('submit', function (e) {
      e.preventDefault();
      var candidate = $('token').value.trim();
      if (!candidate) { $('sign-in-error').textContent = 'Enter your agent token.'; return; }
      token = candidate;
      request('/api/analytics?' + query(), true).then(function () {
        try { sessionStorage.setItem(TOKEN_KEY, token); } catch (err) { /* tab-only session */ }
        $('token').value = '';
        return showReport();
      }).catch(function (err) {
        if (err.message !== 'unauthorized') $('sign-in-error').textContent = err.message;
      });
    });
    if (token) showReport(); else signOut('');
  });
})();
