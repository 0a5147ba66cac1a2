/*
 * Who the customer is and where they chat from, beside the conversation: what the page and the
 * widget said (marked as not verified), how the role is known, the channel, and a link to the
 * conversation in Chatwoot. Text goes in through textContent only (LoginbotDom.el).
 */
(function () {
  'use strict';
  var el = window.LoginbotDom.el;
  var C = window.LoginbotConsole;
  var CHANNELS = { widget: 'Web chat widget', chatwoot: 'Chatwoot', rest: 'REST API' };

  /** An anchor for an http(s) address only; anything else stays text. */
  function link(url, text) {
    if (!/^https?:\/\//i.test(url || '')) return el('span', { text: url });
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: text || url });
  }

  function unverified(value) {
    return el('span', {}, [el('span', { text: value }), el('span', { class: 'unverified', text: 'not verified' })]);
  }

  /** A definition list for the conversation view v (the agent API's ConversationView). */
  function context(v) {
    var c = v.context || {};
    var dl = el('dl');
    function row(term, value) {
      if (value === null || value === undefined || value === '') return;
      dl.appendChild(el('dt', { text: term }));
      dl.appendChild(typeof value === 'string' ? el('dd', { text: value }) : el('dd', {}, [value]));
    }
    row('Name', c.name ? unverified(c.name) : 'Not given');
    row('E-mail', c.email ? unverified(c.email) : null);
    if (v.replyEmail && v.replyEmailSource === 'user') row('E-mail left in the chat', v.replyEmail);
    row('Role', v.role ? C.label(v.role) + (v.roleSource ? ' (' + v.roleSource + ')' : '') : 'Unknown');
    row('Channel', CHANNELS[v.channel] || v.channel);
    row('Device', c.device);
    row('App version', c.appVersion);
    row('Page', c.page ? link(c.page) : null);
    row('In Chatwoot', c.chatwootUrl ? link(c.chatwootUrl, 'Open in Chatwoot') : null);
    return dl;
  }

  window.LoginbotContext = Object.freeze({ context: context });
})();
