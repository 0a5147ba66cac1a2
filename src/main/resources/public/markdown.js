/*
 * The small Markdown subset agents may write: **bold**, *italics* (or _italics_), [links](https://…),
 * bare http(s) addresses, "- " and "1. " lists, and line breaks. parse() is pure (text in, a tree of
 * plain objects out); render() builds DOM nodes from that tree with createElement and text nodes
 * only, so nothing anyone typed is ever parsed as HTML. Links go only to http(s) and mailto, and
 * open in a new tab with rel=noopener. Shared by the agent console and the widget (served before
 * widget.js in the same file), and unit-tested under node.
 */
(function (root) {
  'use strict';

  function safeHref(url) {
    return /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+@[^\s<>"]+)$/i.test(url);
  }

  function wordChar(c) { return c !== undefined && /[A-Za-z0-9]/.test(c); }

  /** Inline nodes: text, strong, em, a (href), br. */
  function inline(s, inLink) {
    var out = [];
    var buf = '';
    function flush() { if (buf) { out.push({ type: 'text', text: buf }); buf = ''; } }
    var i = 0;
    while (i < s.length) {
      var rest = s.slice(i);
      var m;
      if (rest[0] === '\n') { flush(); out.push({ type: 'br' }); i++; continue; }
      if (!inLink && (m = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest)) && safeHref(m[2])) {
        flush(); out.push({ type: 'a', href: m[2], children: inline(m[1], true) }); i += m[0].length; continue;
      }
      if ((m = /^\*\*(?=\S)([^\n]*?\S)\*\*/.exec(rest))) {
        flush(); out.push({ type: 'strong', children: inline(m[1], inLink) }); i += m[0].length; continue;
      }
      if (!wordChar(s[i - 1]) && (m = /^([*_])(?=[^\s*_])([^\n*_]*?[^\s*_])\1/.exec(rest)) && !wordChar(rest[m[0].length])) {
        flush(); out.push({ type: 'em', children: inline(m[2], inLink) }); i += m[0].length; continue;
      }
      if (!inLink && !wordChar(s[i - 1]) && (m = /^https?:\/\/[^\s<>"]*[^\s<>"().,;:!?']/.exec(rest))) {
        flush(); out.push({ type: 'a', href: m[0], children: [{ type: 'text', text: m[0] }] }); i += m[0].length; continue;
      }
      buf += s[i];
      i++;
    }
    flush();
    return out;
  }

  /** Blocks: p (children), ul and ol (items: arrays of inline nodes). */
  function parse(text) {
    var blocks = [];
    var current = null;
    String(text || '').replace(/\r\n?/g, '\n').split('\n').forEach(function (line) {
      var bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      var number = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
      if (!line.trim()) { current = null; return; }
      var kind = bullet ? 'ul' : number ? 'ol' : 'p';
      if (kind === 'p') {
        if (current && current.type === 'p') current.lines.push(line);
        else { current = { type: 'p', lines: [line] }; blocks.push(current); }
        return;
      }
      if (!current || current.type !== kind) { current = { type: kind, items: [] }; blocks.push(current); }
      current.items.push(inline((bullet || number)[1]));
    });
    return blocks.map(function (b) {
      return b.type === 'p' ? { type: 'p', children: inline(b.lines.join('\n')) } : b;
    });
  }

  function renderInline(doc, nodes, parent) {
    nodes.forEach(function (n) {
      if (n.type === 'text') parent.appendChild(doc.createTextNode(n.text));
      else if (n.type === 'br') parent.appendChild(doc.createElement('br'));
      else if (n.type === 'strong' || n.type === 'em') {
        var e = doc.createElement(n.type);
        renderInline(doc, n.children, e);
        parent.appendChild(e);
      } else if (n.type === 'a' && safeHref(n.href)) {
        var a = doc.createElement('a');
        a.setAttribute('href', n.href);
        a.setAttribute('target', '_blank');
        a.setAttribute('rel', 'noopener noreferrer');
        renderInline(doc, n.children, a);
        parent.appendChild(a);
      }
    });
  }

  /** Appends the rendered text to parent (a DOM element). */
  function render(text, parent) {
    var doc = parent.ownerDocument;
    parse(text).forEach(function (b) {
      if (b.type === 'p') {
        var p = doc.createElement('p');
        renderInline(doc, b.children, p);
        parent.appendChild(p);
      } else {
        var list = doc.createElement(b.type);
        b.items.forEach(function (item) {
          var li = doc.createElement('li');
          renderInline(doc, item, li);
          list.appendChild(li);
        });
        parent.appendChild(list);
      }
    });
    return parent;
  }

  var api = Object.freeze({ parse: parse, render: render, safeHref: safeHref });
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.LoginbotMarkdown = api;
})(this);
