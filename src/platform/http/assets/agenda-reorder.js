/* global document, window, URLSearchParams */
/*
 * Drag and drop for the agenda (föredragningslista). Progressive enhancement only: the
 * "Flytta upp"/"Flytta ned" buttons do the same without JavaScript and with the keyboard.
 * On drop the whole new order is posted, with the page's CSRF token, to data-reorder-url.
 */
(function () {
  'use strict';
  var list = document.querySelector('ol[data-reorder-url]');
  var tokenField = document.querySelector('input[name="_csrf"]');
  if (!list || !tokenField || !window.fetch) return;
  var url = list.getAttribute('data-reorder-url');
  var status = document.getElementById('agenda-reorder-status');
  var dragged = null;
  var before = '';

  function items() {
    return Array.prototype.slice.call(list.querySelectorAll('li[data-item-id]'));
  }
  function order() {
    return items().map(function (li) { return li.getAttribute('data-item-id'); });
  }
  function say(key) {
    if (status) status.textContent = status.getAttribute(key) || '';
  }
  function setDisabled(button, disabled) {
    if (!button) return;
    button.disabled = disabled;
    button.style.opacity = disabled ? '.45' : '';
    button.style.cursor = disabled ? 'not-allowed' : '';
  }
  /** Numbers and the up/down buttons follow the new order. */
  function renumber() {
    var all = items();
    all.forEach(function (li, index) {
      var position = li.querySelector('[data-position]');
      if (position) position.textContent = String(index + 1);
      var up = li.querySelector('[data-move="up"]');
      var down = li.querySelector('[data-move="down"]');
      setDisabled(up, index === 0);
      setDisabled(down, index === all.length - 1);
    });
  }
  function save() {
    var ids = order();
    if (ids.join(',') === before) return;
    before = ids.join(',');
    var body = new URLSearchParams();
    body.append('_csrf', tokenField.value);
    ids.forEach(function (id) { body.append('order', id); });
    window
      .fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: body.toString() })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        renumber();
        say('data-saved');
      })
      .catch(function () {
        // The server kept the old order: show it as it is.
        say('data-failed');
        window.setTimeout(function () { window.location.reload(); }, 1500);
      });
  }

  items().forEach(function (li) {
    li.setAttribute('draggable', 'true');
    li.style.cursor = 'move';
    li.addEventListener('dragstart', function (event) {
      dragged = li;
      before = order().join(',');
      li.style.opacity = '0.5';
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', li.getAttribute('data-item-id'));
    });
    // dragend follows every drag, dropped or not: save whatever order the list now shows.
    li.addEventListener('dragend', function () {
      li.style.opacity = '';
      dragged = null;
      save();
    });
    li.addEventListener('dragover', function (event) {
      if (!dragged || dragged === li) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      var box = li.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? li.nextSibling : li);
    });
  });
  list.addEventListener('dragover', function (event) {
    if (dragged) event.preventDefault();
  });
  list.addEventListener('drop', function (event) {
    event.preventDefault();
  });
})();
