// Typesets the TeX of each math span with KaTeX (loaded just before this script, only on pages
// that have math). Without JavaScript, or when KaTeX cannot read a span, its Unicode text stays.
document.querySelectorAll('span.math[data-tex]').forEach(function (el) {
  if (typeof katex === 'undefined') return;
  try {
    var box = document.createElement('span');
    katex.render(el.getAttribute('data-tex'), box, { throwOnError: true, displayMode: el.hasAttribute('data-display') });
    el.replaceChildren(box);
    el.classList.add('typeset');
  } catch (e) {
    // A macro KaTeX does not know: the readable fallback is better than an error in red.
  }
});
