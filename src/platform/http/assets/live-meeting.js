/* global document, window, URLSearchParams, FormData, DOMParser */
/*
 * The live meeting screen without full reloads. Progressive enhancement only: every action is a
 * POST form that redirects back to the page, and works so without JavaScript. Here each such form
 * is sent with fetch; the page it leads to (after the redirect, or the refusal shown with the
 * form) is parsed, and only the regions of #live-page that changed are swapped in. The flash is
 * read out through a polite live region, and focus goes to what the secretary acts on next.
 */
(function () {
  'use strict';
  if (!document.getElementById('live-page') || !window.fetch || !window.DOMParser) return;
  var announcer = document.getElementById('live-announce');
  var busy = false;

  function regionOf(element) {
    var node = element;
    while (node && node.parentElement && node.parentElement.id !== 'live-page') node = node.parentElement;
    return node && node.parentElement && node.parentElement.id === 'live-page' ? node : null;
  }

  function ids(container) {
    return Array.prototype.map.call(container.children, function (child) { return child.id || ''; }).join(' ');
  }

  /** Swap the regions that differ; if the set of regions changed, swap them all. Returns the regions swapped in. */
  function swap(fresh) {
    var current = document.getElementById('live-page');
    var swapped = [];
    if (ids(current) !== ids(fresh) || ids(fresh).split(' ').indexOf('') >= 0) {
      current.replaceWith(fresh);
      return Array.prototype.slice.call(fresh.children);
    }
    Array.prototype.slice.call(fresh.children).forEach(function (region) {
      var old = document.getElementById(region.id);
      if (old && old.outerHTML !== region.outerHTML) {
        old.replaceWith(region);
        swapped.push(region);
      }
    });
    return swapped;
  }

  function showFlash(doc) {
    var main = document.getElementById('main');
    var old = main && main.querySelector('.flash');
    if (old) old.remove();
    var flash = doc.querySelector('#main .flash');
    if (flash && main) {
      var live = document.getElementById('live-page');
      // Shown, but read out once: through the announcer, not a second status region.
      var shown = document.importNode(flash, true);
      shown.removeAttribute('role');
      main.insertBefore(shown, live);
    }
    if (announcer) announcer.textContent = flash ? flash.textContent.trim() : '';
  }

  function focusAfter(swapped, regionId) {
    var alert = document.querySelector('#live-page [role="alert"]');
    var target = alert;
    if (!target && regionId) {
      var region = document.getElementById(regionId);
      if (region && swapped.indexOf(region) >= 0) target = region.querySelector('h2') || region;
    }
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }

  function body(form, submitter) {
    var data;
    try {
      data = new FormData(form, submitter || undefined);
    } catch {
      data = new FormData(form);
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    }
    return new URLSearchParams(data).toString();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof window.HTMLFormElement) || (form.method || '').toLowerCase() !== 'post') return;
    var page = document.getElementById('live-page');
    if (!page || !page.contains(form)) return;
    if (form.hasAttribute('data-full-reload')) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    // Set while a form is on its way and until the page is updated; tests wait on it too.
    document.documentElement.setAttribute('data-live-busy', '');
    // Read the form before its buttons are disabled: a disabled submitter sends no value.
    var payload = body(form, event.submitter);
    var region = regionOf(form);
    var regionId = region ? region.id : '';
    var buttons = form.querySelectorAll('button');
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    window
      .fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: payload,
      })
      .then(function (response) {
        return response.text().then(function (html) { return { response: response, html: html }; });
      })
      .then(function (result) {
        var doc = new DOMParser().parseFromString(result.html, 'text/html');
        var fresh = doc.getElementById('live-page');
        if (!fresh) {
          // Not the live page (an error page, a new sign-in): show that page as it is.
          document.open();
          document.write(result.html);
          document.close();
          return;
        }
        var swapped = swap(document.importNode(fresh, true));
        showFlash(doc);
        focusAfter(swapped, regionId);
      })
      .catch(function () {
        // Network trouble: fall back to the plain form post.
        form.submit();
      })
      .then(function () {
        busy = false;
        document.documentElement.removeAttribute('data-live-busy');
        Array.prototype.forEach.call(buttons, function (b) { if (document.contains(b)) b.disabled = false; });
        form.removeAttribute('aria-busy');
      });
  });
})();
