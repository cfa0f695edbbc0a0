/* global document, window, navigator, btoa, atob */
/*
 * Passkeys (WebAuthn) for justering: the only script the signing needs. A button with
 * data-webauthn-sign fetches signing options (its challenge carries the protocol's SHA-256) and
 * asks the authenticator; data-webauthn-register registers a new passkey. The response goes into
 * the form's hidden field and the form is posted as usual. The password form needs no script.
 */
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) return;

  function toBytes(b64url) {
    var b64 = b64url.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }
  function toB64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var s = '';
    for (var i = 0; i < bytes.length; i += 1) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function post(url, form) {
    var token = form.querySelector('input[name="_csrf"]');
    var paragraph = form.querySelector('input[name="paragraphId"]');
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token ? token.value : '' },
      body: JSON.stringify({ paragraphId: paragraph ? paragraph.value : null }),
    }).then(function (r) {
      if (!r.ok) throw new Error('options ' + r.status);
      return r.json();
    });
  }
  function say(form, key) {
    var status = form.querySelector('[data-webauthn-status]');
    if (status) status.textContent = key ? status.getAttribute(key) || '' : '';
  }

  function credentialList(list) {
    return (list || []).map(function (c) {
      return { type: 'public-key', id: toBytes(c.id), transports: c.transports };
    });
  }
  /** The new or used credential as the server reads it: the fields both ceremonies share, and the ceremony's own response. */
  function credentialJson(cred, response) {
    return {
      id: cred.id,
      rawId: toB64url(cred.rawId),
      type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {},
      response: response,
    };
  }

  function sign(form, button) {
    return post(button.getAttribute('data-webauthn-sign'), form).then(function (options) {
      var publicKey = {
        challenge: toBytes(options.challenge),
        rpId: options.rpId,
        timeout: options.timeout,
        userVerification: options.userVerification,
        allowCredentials: credentialList(options.allowCredentials),
      };
      return navigator.credentials.get({ publicKey: publicKey }).then(function (cred) {
        var r = cred.response;
        return credentialJson(cred, {
          clientDataJSON: toB64url(r.clientDataJSON),
          authenticatorData: toB64url(r.authenticatorData),
          signature: toB64url(r.signature),
          userHandle: r.userHandle ? toB64url(r.userHandle) : undefined,
        });
      });
    }).then(function (json) {
      form.querySelector('input[name="assertion"]').value = JSON.stringify(json);
    });
  }

  function register(form, button) {
    return post(button.getAttribute('data-webauthn-register'), form).then(function (options) {
      var publicKey = {
        challenge: toBytes(options.challenge),
        rp: options.rp,
        user: { id: toBytes(options.user.id), name: options.user.name, displayName: options.user.displayName },
        pubKeyCredParams: options.pubKeyCredParams,
        timeout: options.timeout,
        attestation: options.attestation,
        authenticatorSelection: options.authenticatorSelection,
        excludeCredentials: credentialList(options.excludeCredentials),
      };
      return navigator.credentials.create({ publicKey: publicKey }).then(function (cred) {
        var r = cred.response;
        return credentialJson(cred, {
          clientDataJSON: toB64url(r.clientDataJSON),
          attestationObject: toB64url(r.attestationObject),
          transports: r.getTransports ? r.getTransports() : [],
        });
      });
    }).then(function (json) {
      form.querySelector('input[name="credential"]').value = JSON.stringify(json);
    });
  }

  function wire(selector, run) {
    Array.prototype.forEach.call(document.querySelectorAll('button[' + selector + ']'), function (button) {
      var form = button.form;
      if (!form) return;
      Array.prototype.forEach.call(form.querySelectorAll('[data-webauthn-nojs]'), function (el) { el.hidden = true; });
      button.hidden = false;
      var done = false;
      form.addEventListener('submit', function (event) {
        if (done) return;
        event.preventDefault();
        button.disabled = true;
        say(form, 'data-busy');
        run(form, button).then(function () {
          done = true;
          say(form, null);
          form.submit();
        }, function () {
          button.disabled = false;
          say(form, 'data-failed');
        });
      });
    });
  }

  wire('data-webauthn-sign', sign);
  wire('data-webauthn-register', register);
})();
