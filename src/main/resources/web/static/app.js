// Small enhancements only: every page works without this script.
// Copy buttons: reveal them and copy the text of the element they name.
document.querySelectorAll('button[data-copy]').forEach(function (b) {
  var target = document.getElementById(b.getAttribute('data-copy'));
  if (!target || !navigator.clipboard) return;
  b.hidden = false;
  b.addEventListener('click', function () {
    navigator.clipboard.writeText(target.textContent).then(function () {
      b.textContent = 'Copied';
      setTimeout(function () { b.textContent = b.getAttribute('data-label') || 'Copy BibTeX'; }, 1500);
    });
  });
});
// The day picker submits as soon as a day or view is chosen.
document.querySelectorAll('form[data-testid="daily-form"] select, form[data-testid="daily-form"] input[type=date], form[data-testid="daily-form"] input[type=checkbox]').forEach(function (el) {
  el.addEventListener('change', function () { el.form.submit(); });
});
