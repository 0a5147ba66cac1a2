/*
 * The handoff packet as agents read it, shared by the console and the history page. Text goes in
 * through textContent only (LoginbotDom.el).
 */
(function () {
  'use strict';
  var el = window.LoginbotDom.el;
  var C = window.LoginbotConsole;

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
    row('Summary', el('div', { class: 'summary', text: p.summary || '—' }));
    row('Reason', C.reason(p.reason));
    var wait = C.waited(p.at);
    row('Handed off', new Date(p.at).toLocaleString() + ' (' + (wait === 'just now' ? wait : wait + ' ago') + ')');
    row('Role', p.role ? C.label(p.role) : 'Unknown');
    row('Language', C.language(p.language));
    row('Case', p.caseId ? C.label(p.caseId) : 'None');
    row('Identifier given', p.identifier);
    if (p.steps && p.steps.length) {
      row('Steps tried', el('ol', {}, p.steps.map(function (s) {
        return el('li', { text: C.label(String(s.step).split('/').pop()) + ' — ' + (s.outcome || 'no answer') });
      })));
    }
    // The Customer panel already says where the role came from.
    var facts = Object.keys(p.facts || {}).filter(function (k) { return k !== 'screenshot' && k !== 'role_source'; });
    if (facts.length) {
      row('Facts', el('ul', {}, facts.map(function (k) { return el('li', { text: C.label(k) + ': ' + p.facts[k] }); })));
    }
    if (p.facts && p.facts.screenshot && screenshot) row('Screenshot', screenshot(p.facts.screenshot));
    return dl;
  }

  /** One line per episode: number, outcome, case, agent, and its packet's summary. */
  function episodes(list) {
    return el('ol', { class: 'episodes' }, (list || []).map(function (e) {
      var bits = ['Episode ' + e.number, e.outcome ? C.label(e.outcome) : 'with the bot'];
      if (e.caseId) bits.push(C.label(e.caseId));
      if (e.agent) bits.push('agent ' + e.agent);
      if (e.rating) bits.push(e.rating + '/5');
      return el('li', {}, [
        el('div', { text: bits.join(' · ') }),
        e.handoff ? el('div', { class: 'hint', text: C.reason(e.handoff.reason) + ': ' + (e.handoff.summary || '') }) : null
      ]);
    }));
  }

  window.LoginbotPacket = Object.freeze({ packet: packet, episodes: episodes });
})();
