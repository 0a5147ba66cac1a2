// Unit tests for /shortcut insertion of canned replies: node --test src/test/js/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const canned = require('../../main/resources/public/console-canned.js');

const replies = [
  { shortcut: 'thanks', text: 'Thank you for waiting.' },
  { shortcut: 'reset-link', text: 'Here is the link.' },
  { shortcut: 'reset-app', text: 'Open the app.' }
];

test('a known shortcut before the caret is replaced by its text', () => {
  const value = 'Hi Jane, /thanks';
  assert.deepStrictEqual(canned.expand(value, value.length, replies),
    { value: 'Hi Jane, Thank you for waiting.', caret: 31 });
});

test('text after the caret stays where it was', () => {
  assert.deepStrictEqual(canned.expand('/thanks and more', 7, replies),
    { value: 'Thank you for waiting. and more', caret: 22 });
});

test('an unknown shortcut, a slash inside a word or an address is left alone', () => {
  assert.strictEqual(canned.expand('/thank', 6, replies), null);
  assert.strictEqual(canned.expand('and/or', 6, replies), null);
  assert.strictEqual(canned.expand('https://x.test/thanks', 21, replies), null);
});

test('the prefix typed so far lists the shortcuts that start with it', () => {
  assert.deepStrictEqual(canned.matching('see /reset', 10, replies).map((r) => r.shortcut), ['reset-link', 'reset-app']);
  assert.strictEqual(canned.matching('/', 1, replies).length, 3);
  assert.deepStrictEqual(canned.matching('no slash', 8, replies), []);
});
