/*
 * The handoff packet as agents read it, shared by the console and the history page. Text goes in
 * through textContent only (LoginbotDom.el).
 */
(function () {
  'use strict';
  var el = window.LoginbotDom.el;
  var C = window.LoginbotConsole;
  var t = window.LoginbotText.t;

  /**
   * A definition list for one packet. screenshot(attachmentId) returns a node for an image the
   * user sent, or is null where images are not shown.
   */
  function packet(p, screenshot) {
    var dl = el('dl');
    function row(term, value) {
      if (value === null || value === undefined || value === '') return;
      dl.appendChild(el('dt', { text: term }));
      dl.appendChild(typeof value === 'string' ? el('dd', { text: value }) : el('dd', {}, [value]));
    }
    row(t('summary'), el('div', { class: 'summary', text: p.summary || '—' }));
    row(t('reason'), C.reason(p.reason));
    var wait = C.waited(p.at);
    row(t('handedOff'), new Date(p.at).toLocaleString() + ' (' + (wait === t('justNow') ? wait : t('ago', { time: wait })) + ')');
    row(t('role'), p.role ? C.label(p.role) : t('unknownRole'));
    row(t('language'), C.language(p.language));
    row(t('case'), p.caseId ? C.label(p.caseId) : t('none'));
    row(t('identifierGiven'), p.identifier);
    if (p.steps && p.steps.length) {
      row(t('stepsTried'), el('ol', {}, p.steps.map(function (s) {
        return el('li', { text: C.label(String(s.step).split('/').pop()) + ' — ' + (s.outcome || t('noAnswer')) });
      })));
    }
    // The Customer panel already says where the role came from.
    var facts = Object.keys(p.facts || {}).filter(function (k) { return k !== 'screenshot' && k !== 'role_source'; });
    if (facts.length) {
      row(t('facts'), el('ul', {}, facts.map(function (k) { return el('li', { text: C.label(k) + ': ' + p.facts[k] }); })));
    }
    if (p.facts && p.facts.screenshot && screenshot) row(t('screenshot'), screenshot(p.facts.screenshot));
    return dl;
  }

  /** One line per episode: number, outcome, case, agent, and its packet's summary. */
  function episodes(list) {
    return el('ol', { class: 'episodes' }, (list || []).map(function (e) {
      var bits = [t('episode', { n: e.number }), e.outcome ? C.label(e.outcome) : t('withTheBot')];
      if (e.caseId) bits.push(C.label(e.caseId));
      if (e.agent) bits.push(t('agentNamed', { name: e.agent }));
      if (e.rating) bits.push(t('outOfFive', { n: e.rating }));
      return el('li', {}, [
        el('div', { text: bits.join(' · ') }),
        e.handoff ? el('div', { class: 'hint', text: C.reason(e.handoff.reason) + ': ' + (e.handoff.summary || '') }) : null
      ]);
    }));
  }

  window.LoginbotPacket = Object.freeze({ packet: packet, episodes: episodes });
})();
