// While a need (or offer) is typed, matching open offers (or needs) appear below the form.
(function () {
  var form = document.querySelector('form[data-suggest]');
  if (!form) return;
  var box = form.querySelector('[data-suggestions]');
  var kind = form.getAttribute('data-suggest');
  var timer, last = '';
  function value(name) { var el = form.elements.namedItem(name); return el && 'value' in el ? el.value : ''; }
  function checked(name) { var el = form.querySelector('input[name="' + name + '"]:checked'); return el ? el.value : ''; }
  function render(list) {
    box.textContent = '';
    if (!list.length) return;
    var h = document.createElement('h2');
    h.textContent = box.getAttribute('aria-label');
    var ul = document.createElement('ul');
    ul.className = 'cards compact';
    list.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'card ' + p.kind;
      var a = document.createElement('a');
      a.href = p.url; a.textContent = p.what;
      var meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = p.area + ' · ' + p.memberName;
      li.appendChild(a); li.appendChild(meta); ul.appendChild(li);
    });
    box.appendChild(h); box.appendChild(ul);
  }
  function ask() {
    var q = new URLSearchParams({ kind: kind, what: value('what'), category: value('category'), area: value('area'),
      date: value(kind === 'need' ? 'needed_by' : 'available_until'), urgency: checked('urgency') }).toString();
    if (q === last) return;
    last = q;
    fetch('/api/suggestions?' + q, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (j) { render(j.suggestions || []); })
      .catch(function () {});
  }
  form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(ask, 350); });
  form.addEventListener('change', ask);
})();
