/**
 * The only script of the live pages (served as /static/live-room.js): it listens to the event
 * stream and puts the new parts in place. Shared parts come in the event; when the phase changes
 * (another item, a vote opened or closed, the speakers' list) a member's page fetches its own
 * parts (`<page>/delar`), the chair's page at every event. Without it every page still works:
 * each action is a form, and reloading shows the current state.
 */
export const LIVE_CLIENT_JS = `(function () {
  'use strict';
  var root = document.querySelector('[data-live-stream]');
  if (!root || !window.EventSource || !window.fetch) return;
  var mode = root.getAttribute('data-live-mode');
  var phase = root.getAttribute('data-live-phase');
  var applied = {};
  function focusKey(el) {
    if (!el || el === document.body) return null;
    return el.id ? '#' + el.id : el.name ? '[name="' + el.name + '"]' + (el.value ? '[value="' + el.value + '"]' : '') : null;
  }
  // What the person has typed or chosen and not yet sent: a field whose value differs from the
  // one the server rendered, keyed by its form's action and hidden fields (so a choice in one
  // vote is never carried into the next) and its own name.
  function formKey(field) {
    var form = field.form;
    if (!form) return '';
    var hidden = form.querySelectorAll('input[type="hidden"]:not([name="_csrf"])');
    var key = form.getAttribute('action') || '';
    for (var i = 0; i < hidden.length; i += 1) key += '|' + hidden[i].name + '=' + hidden[i].value;
    return key;
  }
  function edits(el) {
    var kept = [];
    var fields = el.querySelectorAll('input, textarea, select');
    for (var i = 0; i < fields.length; i += 1) {
      var f = fields[i];
      if (!f.name || f.type === 'hidden' || f.type === 'submit') continue;
      var checkable = f.type === 'checkbox' || f.type === 'radio';
      var changed = checkable ? f.checked !== f.defaultChecked
        : f.tagName === 'SELECT' ? Array.prototype.some.call(f.options, function (o) { return o.selected !== o.defaultSelected; })
        : f.value !== f.defaultValue;
      if (changed) kept.push({ form: formKey(f), name: f.name, value: f.value, checkable: checkable, checked: f.checked });
    }
    return kept;
  }
  function restore(el, kept) {
    var fields = el.querySelectorAll('input, textarea, select');
    kept.forEach(function (k) {
      for (var i = 0; i < fields.length; i += 1) {
        var f = fields[i];
        if (f.name !== k.name || formKey(f) !== k.form) continue;
        if (k.checkable) { if (f.value === k.value) f.checked = k.checked; }
        else if (f.tagName === 'SELECT' ? Array.prototype.some.call(f.options, function (o) { return o.value === k.value; }) : true) f.value = k.value;
      }
    });
  }
  // The markup as this browser writes it, to compare a new part with the one on the page.
  var probe = document.createElement('template');
  function apply(parts) {
    Object.keys(parts).forEach(function (name) {
      var el = root.querySelector('[data-live-part="' + name + '"]');
      if (!el || applied[name] === parts[name]) return;
      applied[name] = parts[name];
      probe.innerHTML = parts[name];
      if (probe.innerHTML === el.innerHTML) return;
      var active = document.activeElement;
      var key = active && el.contains(active) ? focusKey(active) : null;
      var kept = edits(el);
      el.innerHTML = parts[name];
      restore(el, kept);
      if (key) {
        var again = el.querySelector(key);
        if (again) again.focus();
      }
    });
  }
  var fetching = false;
  var fetched = 0; // how many times the page's own parts came (a browser test waits for it)
  var pending = false;
  function refetch() {
    if (fetching) { pending = true; return; }
    fetching = true;
    fetch(location.pathname.replace(/\\/$/, '') + '/delar', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body || !body.parts) return;
        apply(body.parts);
        fetched += 1;
        root.setAttribute('data-live-fetched', String(fetched));
      })
      .catch(function () {})
      .then(function () { fetching = false; if (pending) { pending = false; refetch(); } });
  }
  // Talartid: count on from the seconds the server rendered, by this device's own clock.
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  setInterval(function () {
    var timers = root.querySelectorAll('[data-live-elapsed]');
    for (var i = 0; i < timers.length; i += 1) {
      var el = timers[i];
      if (!el.hasAttribute('data-live-seen')) el.setAttribute('data-live-seen', String(Date.now()));
      var seconds = Number(el.getAttribute('data-live-elapsed')) + Math.floor((Date.now() - Number(el.getAttribute('data-live-seen'))) / 1000);
      var limit = el.getAttribute('data-live-limit');
      var t = el.querySelector('.lr-timer__t');
      if (t) t.textContent = Math.floor(seconds / 60) + ':' + pad(seconds % 60);
      if (limit !== null && seconds >= Number(limit)) el.classList.add('lr-timer--over');
    }
  }, 1000);
  var source = new EventSource(root.getAttribute('data-live-stream'));
  source.addEventListener('state', function (event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data.parts) apply(data.parts);
    var changed = data.phase !== phase;
    phase = data.phase;
    root.setAttribute('data-live-phase', phase);
    if (mode === 'chair' || (mode === 'member' && changed)) refetch();
  });
})();
`;
