/*
 * DOM helpers shared by the agent console and the analytics page. el() is the only way those pages
 * build elements: text always goes through textContent, never through HTML parsing, so nothing a
 * user or an agent typed can become markup.
 */
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  window.LoginbotDom = Object.freeze({ $: $, el: el });
})();
