// Live board: every 30 seconds asks whether open posts changed, and offers a link to see them.
(function () {
  var live = document.querySelector('[data-board-stamp]');
  if (!live) return;
  var stamp = live.getAttribute('data-board-stamp');
  setInterval(function () {
    if (document.hidden) return;
    fetch('/api/board/stamp', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) {
        if (!j || j.stamp === stamp || live.firstChild) return;
        var a = document.createElement('a');
        a.href = location.pathname + location.search;
        a.textContent = live.getAttribute('data-changed');
        live.appendChild(a);
      })
      .catch(function () {});
  }, 30000);
})();
