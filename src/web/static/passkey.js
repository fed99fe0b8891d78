// The passkey ceremony. Buttons stay hidden unless this browser can make passkeys, so pages work without it.
(function () {
  var lib = window.SimpleWebAuthnBrowser;
  if (!lib || !lib.browserSupportsWebAuthn()) return;
  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body || {}),
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { var e = new Error((j.error && j.error.message) || r.statusText); e.fromServer = true; throw e; }
        return j;
      });
    });
  }
  document.querySelectorAll('[data-passkey]').forEach(function (button) {
    var box = button.closest('[data-passkey-box]');
    var status = box && box.querySelector('[data-passkey-status]');
    var say = function (text) { if (status) status.textContent = text; };
    // The browser's own error is in its language, not the member's: say what it means with the page's words.
    var meaning = function (e) {
      if (e && e.fromServer) return e.message;
      var name = e && e.name;
      var key = name === 'NotAllowedError' || name === 'AbortError' ? 'data-error-cancelled'
        : name === 'InvalidStateError' ? 'data-error-exists'
        : name === 'SecurityError' ? 'data-error-not-here' : 'data-error-failed';
      return (box && box.getAttribute(key)) || String(e);
    };
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      say('…');
      var register = button.getAttribute('data-passkey') === 'register';
      var base = register ? '/passkeys/register/' : '/passkeys/sign-in/';
      post(base + 'options').then(function (o) {
        var ceremony = register ? lib.startRegistration({ optionsJSON: o.options }) : lib.startAuthentication({ optionsJSON: o.options });
        return ceremony.then(function (response) { return post(base + 'verify', { challengeId: o.challengeId, response: response }); });
      }).then(function (result) {
        if (register) { say(button.getAttribute('data-done')); if (button.hasAttribute('data-reload')) location.reload(); }
        else location.assign(result.next || '/board');
      }).catch(function (e) { say(meaning(e)); })
        .finally(function () { button.disabled = false; });
    });
  });
})();
