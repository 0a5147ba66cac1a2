// Unit tests for the console's pure helpers: node --test src/test/js/
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const common = require('../../main/resources/public/console-common.js');

// The console: section of the shipped English ui.yaml, read as the server reads it (its texts are
// one "key: "text"" line each), so the helpers are tested with the words agents see.
function english() {
  const file = path.join(__dirname, '../../main/resources/content/lang/en/ui.yaml');
  const strings = {};
  let inConsole = false;
  fs.readFileSync(file, 'utf8').split('\n').forEach((line) => {
    if (/^\S/.test(line)) inConsole = line.startsWith('console:');
    const m = /^  (\w+): (".*")$/.exec(line);
    if (inConsole && m) strings[m[1]] = JSON.parse(m[2]);
  });
  return (key, values) => (strings[key] === undefined ? key : strings[key]).replace(/\{(\w+)\}/g, (w, k) => (values && values[k] !== undefined ? String(values[k]) : w));
}
const names = new Intl.DisplayNames(['en'], { type: 'language' });
const c = Object.assign(common.helpers(english(), (code) => names.of(code)), common);

test('a code reads as words', () => {
  assert.strictEqual(c.label('forgot_password'), 'Forgot password');
  assert.strictEqual(c.label(null), 'unknown');
  assert.strictEqual(c.label('closed_by_agent'), 'Closed by agent');
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
