// The rich-text editor's buttons in Italian: django-prose-editor writes their labels in
// English, outside any catalogue. Applied to every editor of a page whose language is
// Italian, now and as editors appear (tabs, inlines).
(function () {
  "use strict";
  if (!document.documentElement.lang.startsWith("it")) return;
  const ITALIAN = {
    "paragraph": "paragrafo",
    "Paragraph": "Paragrafo",
    "Heading 2": "Titolo 2",
    "Heading 3": "Titolo 3",
    "Heading 4": "Titolo 4",
    "heading 2": "titolo 2",
    "heading 3": "titolo 3",
    "heading 4": "titolo 4",
    "unordered list": "elenco puntato",
    "ordered list": "elenco numerato",
    "blockquote": "citazione",
    "bold": "grassetto",
    "italic": "corsivo",
    "insert link": "inserisci un collegamento",
    "remove link": "togli il collegamento",
    "Insert table": "inserisci una tabella",
    "Merge cells": "unisci le celle",
    "Split cell": "dividi la cella",
    "undo": "annulla",
    "redo": "ripeti",
  };
  function translate(root) {
    root.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach((element) => {
      for (const name of ["title", "aria-label"]) {
        const value = element.getAttribute(name);
        if (value && ITALIAN[value]) element.setAttribute(name, ITALIAN[value]);
      }
    });
    root.querySelectorAll(".prose-menubar__option > *").forEach((element) => {
      const value = element.textContent;
      if (ITALIAN[value]) element.textContent = ITALIAN[value];
    });
  }
  function start() {
    translate(document);
    new MutationObserver((changes) => {
      if (changes.some((change) => change.addedNodes.length)) translate(document);
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
