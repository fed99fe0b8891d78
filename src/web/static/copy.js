// A copy button beside an address shown in a read-only field: shown only where the browser can copy, so the page
// works without it (the field's text can be selected and copied by hand).
(function () {
  if (!navigator.clipboard || !navigator.clipboard.writeText) return;
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        var said = button.parentNode.querySelector('[data-copy-status]');
        if (said) said.textContent = button.getAttribute('data-done');
      });
    });
  });
})();
