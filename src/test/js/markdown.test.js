// Unit tests for the Markdown subset agents write: node --test src/test/js/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const md = require('../../main/resources/public/markdown.js');

const t = (text) => ({ type: 'text', text });

test('bold, italics and line breaks become their nodes', () => {
  assert.deepStrictEqual(md.parse('**Reset** it, *then* sign in\nagain'), [{
    type: 'p',
    children: [{ type: 'strong', children: [t('Reset')] }, t(' it, '), { type: 'em', children: [t('then')] },
      t(' sign in'), { type: 'br' }, t('again')]
  }]);
});

test('an underscore inside a word is not italics', () => {
  assert.deepStrictEqual(md.parse('forgot_password_link and _this_'), [{
    type: 'p', children: [t('forgot_password_link and '), { type: 'em', children: [t('this')] }]
  }]);
});

test('links keep only http, https and mailto', () => {
  assert.deepStrictEqual(md.parse('[help](https://example.com/help)')[0].children,
    [{ type: 'a', href: 'https://example.com/help', children: [t('help')] }]);
  assert.deepStrictEqual(md.parse('[click](javascript:alert(1))')[0].children, [t('[click](javascript:alert(1))')]);
  assert.deepStrictEqual(md.parse('[x](data:text/html,hi)')[0].children, [t('[x](data:text/html,hi)')]);
  assert.deepStrictEqual(md.parse('[write](mailto:help@example.com)')[0].children,
    [{ type: 'a', href: 'mailto:help@example.com', children: [t('write')] }]);
});

test('a bare address becomes a link, without the full stop after it', () => {
  assert.deepStrictEqual(md.parse('See https://example.com/reset.')[0].children,
    [t('See '), { type: 'a', href: 'https://example.com/reset', children: [t('https://example.com/reset')] }, t('.')]);
});

test('lines starting with a dash or a number are lists', () => {
  assert.deepStrictEqual(md.parse('Try:\n\n- open the app\n- tap **Forgot**\n\n1. one\n2. two'), [
    { type: 'p', children: [t('Try:')] },
    { type: 'ul', items: [[t('open the app')], [t('tap '), { type: 'strong', children: [t('Forgot')] }]] },
    { type: 'ol', items: [[t('one')], [t('two')]] }
  ]);
});

test('markup stays text: the tree has no node that could carry HTML', () => {
  assert.deepStrictEqual(md.parse('<img src=x onerror=alert(1)> **<b>x</b>**'), [{
    type: 'p', children: [t('<img src=x onerror=alert(1)> '), { type: 'strong', children: [t('<b>x</b>')] }]
  }]);
});

test('unclosed markers are kept as typed', () => {
  assert.deepStrictEqual(md.parse('2 * 3 = 6 and **not bold')[0].children, [t('2 * 3 = 6 and **not bold')]);
});
