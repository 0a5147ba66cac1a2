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
  var t = window.LoginbotText.t;
  document.title = t('analytics') + ' · loginbot';
  function reasonName(k) { return k === 'unknown' ? t('handedBackNoReason') : common.reason(k); }
  function languageName(k) { return k === 'unknown' ? t('unknownRole') : common.language(k); }

  function percent(rate) { return rate === null || rate === undefined ? '–' : Math.round(rate * 100) + '%'; }
  function isoDate(d) { return d.toISOString().slice(0, 10); }
  /** "3 chats": key is a "one|several" text of ui.yaml. */
  function count(n, key) { return t(key, { n: n }); }

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
      list.appendChild(el('li', {}, [el('span', { class: 'none', text: t('noneInPeriod') })]));
      return;
    }
    keys.forEach(function (k) {
      var fill = el('span');
      fill.style.width = (max ? Math.round(100 * counts[k] / max) : 0) + '%';
      list.appendChild(el('li', {}, [
        el('span', { text: names ? names(k) : common.label(k) }),
        el('span', { class: 'bar', 'aria-hidden': 'true' }, [fill]),
        el('span', { class: 'n', text: String(counts[k]) })
      ]));
    });
  }

  function render(r) {
    $('kpi-chats').textContent = String(r.chats);
    $('kpi-messages').textContent = count(r.userMessages, 'userMessageCount');
    $('kpi-resolved').textContent = percent(r.resolutionRate);
    $('kpi-resolved-n').textContent = count(r.resolvedByBot, 'chatCount');
    $('kpi-handoff').textContent = percent(r.handoffRate);
    $('kpi-handoff-n').textContent = count(r.handedOff, 'chatCount');
    $('kpi-unfinished').textContent = String(r.unfinished);
    var s = r.satisfaction;
    $('kpi-helpful').textContent = percent(s.helpfulShare);
    $('kpi-helpful-n').textContent = t('partOf', { part: s.helpfulYes, whole: count(s.helpfulAnswers, 'answerCount') });
    $('kpi-rating').textContent = s.averageRating === null ? '–' : t('outOfFive', { n: s.averageRating.toFixed(1) });
    $('kpi-rating-n').textContent = count(s.ratings, 'ratingCount');

    $('kpi-first-reply').textContent = charts.duration(r.firstHumanReply.medianSeconds);
    $('kpi-first-reply-n').textContent = t('medianOver', { count: count(r.firstHumanReply.answered, 'answeredChatCount') });
    $('kpi-handling').textContent = charts.duration(r.handlingTime.medianSeconds);
    $('kpi-handling-n').textContent = t('medianOver', { count: count(r.handlingTime.handled, 'closedChatCount') });
    trends(r.days);
    agents(r.agents);

    bars($('reasons'), r.handoffReasons, reasonName);
    bars($('cases'), r.cases);
    var ratings = {};
    ['5', '4', '3', '2', '1'].forEach(function (k) { ratings[k] = (s.ratingCounts || {})[k] || 0; });
    bars($('ratings'), s.ratings ? ratings : {}, function (k) { return '★★★★★'.slice(0, Number(k)); });
    bars($('channels'), r.channels);
    bars($('languages'), r.languages, languageName);

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
    $('nu-summary').textContent = t('notUnderstoodSummary',
      { count: r.notUnderstoodMessages, total: r.userMessages, distinct: r.notUnderstood.length });
    $('export').disabled = r.notUnderstood.length === 0;
  }

  function of(part, whole) { return t('partOf', { part: part, whole: count(whole, 'chatCount') }); }

  function trends(days) {
    charts.rateBars($('trend-resolved'), days, function (d) { return d.resolutionRate; },
      function (d) { return d.chats ? percent(d.resolutionRate) + ', ' + of(d.resolvedByBot, d.chats) : t('noChats'); },
      t('chartResolved'));
    charts.rateBars($('trend-handoff'), days, function (d) { return d.handoffRate; },
      function (d) { return d.chats ? percent(d.handoffRate) + ', ' + of(d.handedOff, d.chats) : t('noChats'); },
      t('chartHandoff'));
    charts.rateBars($('trend-helpful'), days, function (d) { return d.helpfulShare; },
      function (d) {
        return d.helpfulAnswers ? t('partOf', { part: percent(d.helpfulShare), whole: count(d.helpfulAnswers, 'answerCount') })
          + (d.averageRating === null ? '' : ', ' + t('ratedOutOfFive', { n: d.averageRating.toFixed(1) })) : t('noAnswers');
      },
      t('chartHelpful'));
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
          signOut(t('tokenExpired'));
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
      if (!candidate) { $('sign-in-error').textContent = t('enterToken'); return; }
      common.keep(candidate);
      common.api('GET', '/api/analytics?' + query()).then(function () {
        $('token').value = '';
        return showReport();
      }).catch(function (err) {
        common.forget();
        $('sign-in-error').textContent = err.message === 'unauthorized' ? t('tokenRefused') : err.message;
      });
    });
    common.onSignedOut(signOut);
    if (common.token()) showReport(); else signOut('');
  });
})();
