// Unit tests for the console's pure helpers: node --test src/test/js/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const c = require('../../main/resources/public/console-common.js');

test('a code reads as words', () => {
  assert.strictEqual(c.label('forgot_password'), 'Forgot password');
  assert.strictEqual(c.label(null), 'unknown');
  assert.strictEqual(c.reason('steps_exhausted'), 'Steps did not help');
  assert.strictEqual(c.language('FR'), 'French');
});

test('waiting time reads as an agent says it', () => {
  const at = '2026-03-05T10:00:00Z';
  assert.strictEqual(c.waited(at, Date.parse('2026-03-05T10:00:30Z')), 'just now');
  assert.strictEqual(c.waited(at, Date.parse('2026-03-05T10:07:00Z')), '7 min');
  assert.strictEqual(c.waited(at, Date.parse('2026-03-05T12:05:00Z')), '2 h 5 min');
  assert.strictEqual(c.waited(at, Date.parse('2026-03-08T10:00:00Z')), '3 d');
});

test('the title counts what waits, and only then', () => {
  assert.strictEqual(c.titled('Agent console', 3), '(3) Agent console');
  assert.strictEqual(c.titled('Agent console', 0), 'Agent console');
});

test('server-sent events split into whole events, comments dropped, the rest kept', () => {
  const parsed = c.parseEvents('event: changed\r\ndata: {"ids":["a"]}\r\n\r\n: heartbeat\n\nevent: ready\ndata: x');
  assert.deepStrictEqual(parsed.events, [{ event: 'changed', data: { ids: ['a'] } }]);
  assert.strictEqual(parsed.rest, 'event: ready\ndata: x');
});
