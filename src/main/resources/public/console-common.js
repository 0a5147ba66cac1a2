/*
 * What the console pages share: the agent's token (sessionStorage, so it ends with the tab), the
 * API fetch wrapper, signing out, words for codes (in the agent's language, console-strings.js),
 * the live event stream, and pure helpers. The pure helpers are also exported for node's test
 * runner (src/test/js/console-common.test.js).
 */
(function (root) {
  'use strict';
  var TOKEN_KEY = 'loginbot.agentToken';
  var REASONS = {
    USER_ASKED: 'reasonUserAsked',
    STEPS_EXHAUSTED: 'reasonStepsExhausted',
    NOT_UNDERSTOOD: 'reasonNotUnderstood',
    SUPPORT_ACTION: 'reasonSupportAction'
  };

  /**
   * The helpers that put words on codes, in the language of t(key, values) (LoginbotText.t in the
   * browser) and languageName(code).
   */
  function helpers(t, languageName) {
    /**
     * A code as words: its code_<code> text of ui.yaml when there is one ("customer" →
     * "Customer", « Client »), else the code itself made readable ("forgot_password" →
     * "Forgot password"); null → "unknown".
     */
    function label(code) {
      if (!code) return t('unknown');
      var key = 'code_' + String(code).toLowerCase();
      var word = t(key);
      if (word !== key) return word;
      var words = String(code).replace(/[_-]+/g, ' ').toLowerCase();
      return words.charAt(0).toUpperCase() + words.slice(1);
    }

    function reason(code) {
      var key = REASONS[String(code || '').toUpperCase()];
      return key ? t(key) : code ? label(code) : t('handedOff');
    }

    function language(code) {
      return code ? languageName(String(code).toLowerCase()) : t('languageUnknown');
    }

    /** How long since an instant, as an agent reads it: "just now", "7 min", "2 h 5 min", "3 d". */
    function waited(iso, nowMs) {
      var minutes = Math.max(0, Math.floor(((nowMs === undefined ? Date.now() : nowMs) - new Date(iso).getTime()) / 60000));
      if (minutes < 1) return t('justNow');
      if (minutes < 60) return t('minutes', { n: minutes });
      var hours = Math.floor(minutes / 60);
      if (hours < 24) return t('hours', { n: hours }) + ' ' + t('minutes', { n: minutes % 60 });
      return t('days', { n: Math.floor(hours / 24) });
    }

    return { label: label, reason: reason, language: language, waited: waited };
  }

  /** The page title with what needs the agent: "(3) Agent console". */
  function titled(base, pending) {
    return pending > 0 ? '(' + pending + ') ' + base : base;
  }

  /**
   * Splits Server-Sent Events text into complete events; returns them and the unfinished rest.
   * Each event: { event, data } (data parsed as JSON when it is JSON). Comments are dropped.
   */
  function parseEvents(buffer) {
    var events = [];
    var blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
    var rest = blocks.pop();
    blocks.forEach(function (block) {
      var name = 'message';
      var data = [];
      block.split('\n').forEach(function (line) {
        if (line.indexOf('event:') === 0) name = line.slice(6).trim();
        else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
      });
      if (!data.length && name === 'message') return;
      var text = data.join('\n');
      var value = text;
      try { value = JSON.parse(text); } catch (e) { /* plain text */ }
      events.push({ event: name, data: value });
    });
    return { events: events, rest: rest };
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { helpers: helpers, titled: titled, parseEvents: parseEvents };
    return;
  }
  var text = root.LoginbotText;
  var pure = Object.assign(helpers(text.t, text.languageName), { titled: titled, parseEvents: parseEvents });

  // ---------- browser only ----------
  var token = null;
  try { token = sessionStorage.getItem(TOKEN_KEY); } catch (e) { token = null; }
  var onSignedOut = function () {};

  function keep(candidate) {
    token = candidate;
    try { sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { /* tab-only session */ }
  }

  function forget() {
    token = null;
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing stored */ }
  }

  /** JSON API call with the agent's token; a 401 signs the agent out. Errors carry .status. */
  function api(method, path, body) {
    var headers = { Authorization: 'Bearer ' + token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, credentials: 'omit',
      body: body !== undefined ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (response.status === 401) {
        forget();
        onSignedOut(text.t('tokenExpired'));
        throw new Error('unauthorized');
      }
      return response.json().catch(function () { return null; }).then(function (payload) {
        if (!response.ok) {
          var error = new Error(payload && payload.message ? payload.message : 'HTTP ' + response.status);
          error.status = response.status;
          error.code = payload && payload.error;
          throw error;
        }
        return payload;
      });
    });
  }

  /**
   * Opens /api/events with the token (fetch, since EventSource cannot send headers) and calls
   * onEvent for each event; reconnects after a pause when the stream ends. Returns a stop function.
   */
  function events(onEvent, onState) {
    var stopped = false;
    var controller = null;
    function connect() {
      if (stopped || !token) return;
      controller = new AbortController();
      fetch('/api/events', { headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
        credentials: 'omit', signal: controller.signal
      }).then(function (response) {
        if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
        if (onState) onState(true);
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('stream ended');
            buffer += decoder.decode(chunk.value, { stream: true });
            var parsed = parseEvents(buffer);
            buffer = parsed.rest;
            parsed.events.forEach(onEvent);
            return pump();
          });
        }
        return pump();
      }).catch(function () {
        if (onState) onState(false);
        if (!stopped) setTimeout(connect, 3000);
      });
    }
    connect();
    return function () { stopped = true; if (controller) controller.abort(); };
  }

  root.LoginbotConsole = Object.freeze(Object.assign({}, pure, {
    token: function () { return token; },
    keep: keep,
    forget: forget,
    api: api,
    events: events,
    onSignedOut: function (callback) { onSignedOut = callback; }
  }));
})(typeof window !== 'undefined' ? window : this);
