/*
 * Analytics page: reads GET /api/analytics with the agent token kept by console-common.js, renders
 * the period's figures, timings by agent and day-by-day trends (analytics-charts.js), and downloads
 * the messages not understood as a TSV for labelling. All data is inserted with textContent.
 */
(function () {
  'use strict';
  var DAY_MS = 24 * 3600 * 1000;
  var common = window.LoginbotConsole;
  var charts = window.LoginbotCharts;
  var $ = window.LoginbotDom.$;
  var el = window.LoginbotDom.el;
  var NAMES = {};
  Object.keys(common.REASONS).forEach(function (k) { NAMES[k.toLowerCase()] = common.REASONS[k]; });
  NAMES.unknown = 'Handed back (reason not kept)';
  var LANGUAGES = { unknown: 'Unknown' };
  Object.keys(common.LANGUAGES).forEach(function (k) { LANGUAGES[k] = common.LANGUAGES[k]; });

  function percent(rate) { return rate === null || rate === undefined ? '–' : Math.round(rate * 100) + '%'; }
  function isoDate(d) { return d.toISOString().slice(0, 10); }
  function count(n, noun) { return n + ' ' + noun + (n === 1 ? '' : 's'); }

  // The date inputs are whole UTC days; the API takes [from, to), so "to" is the day after the last one shown.
  function query() {
    var from = $('from').value;
    var last = $('to').value;
    var to = isoDate(new Date(Date.parse(last + 'T00:00:00Z') + DAY_MS));
    return 'from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
  }

  function shown(e) { if (e.message !== 'unauthorized') $('report-error').textContent = e.message; }

  function load() {
    $('report-error').textContent = '';
    return common.api('GET', '/api/analytics?' + query()).then(render).catch(shown);
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
        el('span', { text: (names && names[k]) || common.label(k) }),
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

    $('kpi-first-reply').textContent = charts.duration(r.firstHumanReply.medianSeconds);
    $('kpi-first-reply-n').textContent = 'median over ' + count(r.firstHumanReply.answered, 'answered chat');
    $('kpi-handling').textContent = charts.duration(r.handlingTime.medianSeconds);
    $('kpi-handling-n').textContent = 'median over ' + count(r.handlingTime.handled, 'closed chat');
    trends(r.days);
    agents(r.agents);

    bars($('reasons'), r.handoffReasons, NAMES);
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

  function of(part, whole) { return part + ' of ' + count(whole, 'chat'); }

  function trends(days) {
    charts.rateBars($('trend-resolved'), days, function (d) { return d.resolutionRate; },
      function (d) { return d.chats ? percent(d.resolutionRate) + ', ' + of(d.resolvedByBot, d.chats) : 'no chats'; },
      'Share of chats resolved by the bot, per day');
    charts.rateBars($('trend-handoff'), days, function (d) { return d.handoffRate; },
      function (d) { return d.chats ? percent(d.handoffRate) + ', ' + of(d.handedOff, d.chats) : 'no chats'; },
      'Share of chats handed off to a person, per day');
    charts.rateBars($('trend-helpful'), days, function (d) { return d.helpfulShare; },
      function (d) {
        return d.helpfulAnswers ? percent(d.helpfulShare) + ' of ' + count(d.helpfulAnswers, 'answer')
          + (d.averageRating === null ? '' : ', rated ' + d.averageRating.toFixed(1) + ' / 5') : 'no answers';
      },
      'Share of "Was this helpful?" answers that said yes, per day');
  }

  function agents(list) {
    var body = $('agents');
    body.textContent = '';
    list.forEach(function (a) {
      body.appendChild(el('tr', {}, [
        el('td', { text: a.agent }),
        el('td', { class: 'num', text: String(a.chats) }),
        el('td', { class: 'num', text: charts.duration(a.firstHumanReply.medianSeconds) }),
        el('td', { class: 'num', text: charts.duration(a.handlingTime.medianSeconds) })
      ]));
    });
    $('agents-empty').hidden = list.length > 0;
  }

  // A plain link cannot carry the bearer token, so fetch the file and hand it to the browser.
  function download() {
    fetch('/api/analytics/not-understood.tsv?' + query(),
      { headers: { Authorization: 'Bearer ' + common.token() }, credentials: 'omit' })
      .then(function (response) {
        if (response.status === 401) {
          signOut('Your token is no longer accepted. Please sign in again.');
          throw new Error('unauthorized');
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
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
      .catch(shown);
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
    common.forget();
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
      common.keep(candidate);
      common.api('GET', '/api/analytics?' + query()).then(function () {
        $('token').value = '';
        return showReport();
      }).catch(function (err) {
        common.forget();
        $('sign-in-error').textContent = err.message === 'unauthorized' ? 'This token is not accepted.' : err.message;
      });
    });
    common.onSignedOut(signOut);
    if (common.token()) showReport(); else signOut('');
  });
})();
