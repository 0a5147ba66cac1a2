/*
 * Who the customer is and where they chat from, beside the conversation: what the page and the
 * widget said (marked as not verified), how the role is known, the channel, and a link to the
 * conversation in Chatwoot. Text goes in through textContent only (LoginbotDom.el).
 */
(function () {
  'use strict';
  var el = window.LoginbotDom.el;
  var C = window.LoginbotConsole;
  var t = window.LoginbotText.t;
  var CHANNELS = { widget: t('channelWidget'), chatwoot: 'Chatwoot', rest: t('channelRest') };

  /** An anchor for an http(s) address only; anything else stays text. */
  function link(url, text) {
    if (!/^https?:\/\//i.test(url || '')) return el('span', { text: url });
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: text || url });
  }

  function unverified(value) {
    return el('span', {}, [el('span', { text: value }), el('span', { class: 'unverified', text: t('notVerified') })]);
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
    row(t('name'), c.name ? unverified(c.name) : t('notGiven'));
    row(t('email'), c.email ? unverified(c.email) : null);
    if (v.replyEmail && v.replyEmailSource === 'user') row(t('emailLeft'), v.replyEmail);
    var source = { page: t('roleSource_page'), user: t('roleSource_user'),
      assumed: t('roleSource_assumed') }[v.roleSourceCode] || v.roleSource;
    row(t('role'), v.role ? C.label(v.role) + (source ? ' (' + source + ')' : '') : t('unknownRole'));
    row(t('channel'), CHANNELS[v.channel] || v.channel);
    row(t('device'), c.device);
    row(t('appVersion'), c.appVersion);
    row(t('page'), c.page ? link(c.page) : null);
    row(t('inChatwoot'), c.chatwootUrl ? link(c.chatwootUrl, t('openInChatwoot')) : null);
    return dl;
  }

  window.LoginbotContext = Object.freeze({ context: context });
})();
