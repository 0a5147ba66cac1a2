/*
 * Small inline SVG charts for the analytics page: one bar per day of the period. Built with
 * createElementNS and textContent only, so no figure or label is ever parsed as markup.
 */
(function (root) {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var WIDTH = 320;
  var HEIGHT = 110;
  var TOP = 14;
  var BOTTOM = 18;
  var t = root.LoginbotText.t;
  var MONTHS = t('months').split('|');

  /** "2026-03-04" → "4 Mar". */
  function shortDate(iso) {
    return Number(iso.slice(8, 10)) + ' ' + MONTHS[Number(iso.slice(5, 7)) - 1];
  }

  /** Seconds as a person reads a wait: "45 s", "12 min", "1 h 30 min", "2 d 3 h"; null → "–". */
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    var s = Math.round(seconds);
    if (s < 60) return t('seconds', { n: s });
    var minutes = Math.round(s / 60);
    if (minutes < 60) return t('minutes', { n: minutes });
    var hours = Math.floor(minutes / 60);
    if (hours < 24) return t('hours', { n: hours }) + (minutes % 60 ? ' ' + t('minutes', { n: minutes % 60 }) : '');
    return t('days', { n: Math.floor(hours / 24) }) + (hours % 24 ? ' ' + t('hours', { n: hours % 24 }) : '');
  }

  function node(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) n.textContent = text;
    return n;
  }

  /**
   * Replaces the content of `container` with a bar chart of rate(day) (0..1, or null on a day
   * without chats) for each day; describe(day) is each bar's tooltip and the chart's summary.
   */
  function rateBars(container, days, rate, describe, title) {
    container.textContent = '';
    var svg = node('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, class: 'trend', role: 'img' });
    svg.appendChild(node('title', {}, title));
    var plot = HEIGHT - TOP - BOTTOM;
    svg.appendChild(node('line', { x1: 0, x2: WIDTH, y1: TOP, y2: TOP, class: 'grid' }));
    svg.appendChild(node('line', { x1: 0, x2: WIDTH, y1: TOP + plot, y2: TOP + plot, class: 'axis' }));
    svg.appendChild(node('text', { x: 0, y: TOP - 4, class: 'tick' }, '100%'));
    var slot = WIDTH / Math.max(1, days.length);
    var gap = Math.min(4, slot * 0.2);
    days.forEach(function (day, i) {
      var value = rate(day);
      var empty = value === null || value === undefined;
      var h = empty ? 0 : Math.max(1.5, value * plot);
      var bar = node('rect', {
        x: (i * slot + gap / 2).toFixed(2), y: (TOP + plot - h).toFixed(2),
        width: Math.max(1, slot - gap).toFixed(2), height: h.toFixed(2),
        class: empty ? 'bar empty' : 'bar', 'data-date': day.date
      });
      bar.appendChild(node('title', {}, shortDate(day.date) + ': ' + describe(day)));
      svg.appendChild(bar);
    });
    if (days.length) {
      svg.appendChild(node('text', { x: 0, y: HEIGHT - 4, class: 'tick' }, shortDate(days[0].date)));
      svg.appendChild(node('text', { x: WIDTH, y: HEIGHT - 4, class: 'tick end' },
        shortDate(days[days.length - 1].date)));
    }
    container.appendChild(svg);
  }

  root.LoginbotCharts = Object.freeze({ rateBars: rateBars, duration: duration, shortDate: shortDate });
})(window);
