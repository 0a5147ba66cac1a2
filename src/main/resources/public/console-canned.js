/*
 * The team's canned replies in the console: typing /shortcut in the reply box and then Tab or a
 * space puts the reply's text in its place; the panel under the ready replies lists them (click to
 * insert), saves new ones and deletes them. expand() is pure and unit-tested under node.
 */
(function (root) {
  'use strict';

  /**
   * The word before the caret, if it is "/shortcut" naming one of replies ([{shortcut, text}]):
   * {value, caret} with the text in its place; otherwise null.
   */
  function expand(value, caret, replies) {
    var before = value.slice(0, caret);
    var m = /(^|\s)\/([a-z0-9_-]+)$/.exec(before);
    if (!m) return null;
    var hit = replies.filter(function (r) { return r.shortcut === m[2]; })[0];
    if (!hit) return null;
    var head = before.slice(0, before.length - m[2].length - 1);
    return { value: head + hit.text + value.slice(caret), caret: head.length + hit.text.length };
  }

  /** The replies whose shortcut starts with the "/prefix" before the caret (all for a bare "/"). */
  function matching(value, caret, replies) {
    var m = /(^|\s)\/([a-z0-9_-]*)$/.exec(value.slice(0, caret));
    if (!m) return [];
    return replies.filter(function (r) { return r.shortcut.indexOf(m[2]) === 0; });
  }

  var api = { expand: expand, matching: matching };
  if (typeof module === 'object' && module.exports) { module.exports = api; return; }

  var D = root.LoginbotDom;
  var C = root.LoginbotConsole;
  var t = root.LoginbotText.t;
  var el = D.el;
  var $ = D.$;
  var replies = [];

  function load() {
    return C.api('GET', '/api/canned-replies').then(function (list) {
      replies = list;
      render();
    }).catch(function () { /* the panel stays as it was */ });
  }

  function render() {
    var list = $('canned-list');
    list.textContent = '';
    $('canned-empty').hidden = replies.length > 0;
    replies.forEach(function (r) {
      var use = el('button', { type: 'button', class: 'ready-reply', title: t('insertCanned') }, [
        el('code', { text: '/' + r.shortcut }), el('span', { class: 'ready-text', text: r.text })]);
      use.addEventListener('click', function () { root.LoginbotReply.insert(r.text); });
      var remove = el('button', { type: 'button', class: 'ghost-small', text: t('delete'), 'aria-label': t('deleteNamed', { shortcut: r.shortcut }) });
      remove.addEventListener('click', function () {
        if (!root.confirm(t('deleteConfirm', { shortcut: r.shortcut }))) return;
        C.api('DELETE', '/api/canned-replies/' + encodeURIComponent(r.shortcut)).then(load, load);
      });
      list.appendChild(el('li', { class: 'canned-item' }, [use, remove]));
    });
  }

  function suggest() {
    var box = $('reply-text');
    var found = matching(box.value, box.selectionStart, replies);
    var hint = $('canned-hint');
    hint.textContent = found.length
      ? found.slice(0, 5).map(function (r) { return '/' + r.shortcut; }).join('  ') + '  ' + t('tabInserts')
      : '';
  }

  function init() {
    var box = $('reply-text');
    box.addEventListener('input', suggest);
    box.addEventListener('keydown', function (event) {
      if (event.key !== 'Tab' && event.key !== ' ') return;
      var done = expand(box.value, box.selectionStart, replies);
      if (!done) return;
      event.preventDefault();
      box.value = done.value;
      box.setSelectionRange(done.caret, done.caret);
      $('canned-hint').textContent = '';
    });
    $('canned-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var body = { shortcut: $('canned-shortcut').value.trim().replace(/^\//, ''), text: $('canned-text').value };
      C.api('POST', '/api/canned-replies', body).then(function () {
        $('canned-error').textContent = '';
        $('canned-shortcut').value = '';
        $('canned-text').value = '';
        return load();
      }).catch(function (error) { $('canned-error').textContent = t('notSaved', { error: error.message }); });
    });
  }

  root.LoginbotCanned = Object.freeze({ load: load, init: init, expand: expand, matching: matching });
})(this);
