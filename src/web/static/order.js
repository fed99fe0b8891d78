// Buying together: how full each pack is, kept current while the page is open (every 15 seconds when it is seen).
// The page works without it: the same figures are there when it loads.
(function () {
  var lines = document.querySelectorAll('[data-fill]');
  if (!lines.length || !window.fetch) return;
  var address = location.pathname.replace(/\/$/, '') + '/fill.json';
  function update() {
    if (document.hidden) return;
    fetch(address, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        data.items.forEach(function (item) {
          var line = document.querySelector('[data-fill="' + item.id + '"]');
          if (!line) return;
          var text = line.querySelector('[data-part="text"]');
          var bar = line.querySelector('[data-part="bar"]');
          if (text && text.textContent !== item.text) text.textContent = item.text;
          if (bar) {
            bar.max = item.max;
            bar.value = item.value;
          }
        });
      })
      .catch(function () {});
  }
  setInterval(update, 15000);
  document.addEventListener('visibilitychange', update);
})();
