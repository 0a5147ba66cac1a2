/*
 * The console pages' words, in the agent's browser language (the first of navigator.languages the
 * content has a lang/<code>/ui.yaml for, else the reference language, English). Loaded first by
 * every console page: it translates the page's marked elements at once, then the other scripts
 * call LoginbotText.t(key, values). Elements are marked with
 *   data-i18n="key"                     the element's text (children marked data-slot="name" are
 *                                       kept, in place of {name} in the text)
 *   data-i18n-attr="title:key;aria-label:key"   attributes
 * Texts are set with textContent, never as HTML.
 */
(function (root) {
  'use strict';
  // Filled in by the server: the console: section of every language's ui.yaml, English first.
  var STRINGS = /*@ui*/{};
  // Filled in by the server: the content's case ids, in the catalog's order.
  var CASES = /*@cases*/{};
  var LANGUAGES = Object.keys(STRINGS);
  var REFERENCE = STRINGS[LANGUAGES[0]] || {};

  function pick(wanted) {
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').toLowerCase().split(/[-_]/)[0];
      if (LANGUAGES.indexOf(code) >= 0) return code;
    }
    return LANGUAGES[0] || 'en';
  }
  var nav = root.navigator || {};
  var lang = pick(nav.languages && nav.languages.length ? nav.languages : [nav.language]);
  var T = STRINGS[lang] || REFERENCE;
  var plurals = typeof Intl !== 'undefined' && Intl.PluralRules ? new Intl.PluralRules(lang) : null;

  /** French typography: no-break spaces before « : ; ! ? » and inside guillemets (as the widget). */
  function typo(text) {
    if (lang !== 'fr') return text;
    return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0')
      .replace(/([A-Za-zÀ-ÿ0-9)’'])([!?;])(?=\s|$)/g, '$1\u202f$2');
  }

  function raw(key) {
    return T[key] !== undefined ? T[key] : REFERENCE[key] !== undefined ? REFERENCE[key] : key;
  }

  /** The text of key with {placeholders} filled in; "one|several" texts pick by values.n. */
  function t(key, values) {
    var text = raw(key);
    values = values || {};
    if (text.indexOf('|') >= 0 && typeof values.n === 'number') {
      var forms = text.split('|');
      text = plurals && plurals.select(values.n) === 'one' ? forms[0] : forms[forms.length - 1];
    }
    return typo(text.replace(/\{(\w+)\}/g, function (whole, k) {
      return values[k] === undefined ? whole : String(values[k]);
    }));
  }

  /** A language code as words in the agent's language ("fr" → "French"). */
  function languageName(code) {
    try {
      return new Intl.DisplayNames([lang], { type: 'language' }).of(code);
    } catch (e) {
      return code;
    }
  }

  /** Fills an element's text, keeping its data-slot children where the text names them. */
  function fill(node, text) {
    var slots = {};
    Array.prototype.forEach.call(node.querySelectorAll('[data-slot]'), function (s) { slots[s.dataset.slot] = s; });
    node.textContent = '';
    text.split(/(\{\w+\})/).forEach(function (part) {
      var slot = /^\{(\w+)\}$/.exec(part);
      if (slot && slots[slot[1]]) node.appendChild(slots[slot[1]]);
      else if (part) node.appendChild(document.createTextNode(part));
    });
  }

  function translate(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('[data-i18n]'), function (node) {
      fill(node, typo(raw(node.dataset.i18n)));
    });
    Array.prototype.forEach.call(scope.querySelectorAll('[data-i18n-attr]'), function (node) {
      node.dataset.i18nAttr.split(';').forEach(function (pair) {
        var kv = pair.split(':');
        node.setAttribute(kv[0].trim(), t(kv[1].trim()));
      });
    });
  }

  root.LoginbotText = Object.freeze({ t: t, lang: lang, languages: LANGUAGES, languageName: languageName,
    cases: Array.isArray(CASES) ? CASES : [] });
  if (root.document) {
    root.document.documentElement.lang = lang;
    translate(root.document);
  }
})(this);
