/* global document */
/*
 * A filter box for a long list of checkboxes (progressive enhancement). The box is in the page
 * but hidden; with JavaScript it shows, and typing in it hides the choices whose label does not
 * contain the words typed. A chosen box always stays in view, and hidden boxes are still sent.
 * Without JavaScript the whole list is there, as before.
 *
 * Markup: <div data-list-filter="ID" hidden> with an <input type="search"> and an element
 * [data-filter-status] with data-template ("{shown} av {total} visas"); the list is #ID, each
 * choice a .field--checkbox.
 */
(function () {
  'use strict';
  var boxes = document.querySelectorAll('[data-list-filter]');
  Array.prototype.forEach.call(boxes, function (box) {
    var list = document.getElementById(box.getAttribute('data-list-filter'));
    var input = box.querySelector('input');
    var status = box.querySelector('[data-filter-status]');
    if (!list || !input) return;
    var choices = Array.prototype.slice.call(list.querySelectorAll('.field--checkbox'));
    box.hidden = false;

    function filter() {
      var words = input.value.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
      var shown = 0;
      choices.forEach(function (choice) {
        var text = choice.textContent.toLocaleLowerCase('sv');
        var checkbox = choice.querySelector('input');
        var match = words.every(function (w) { return text.indexOf(w) !== -1; }) || (checkbox && checkbox.checked);
        choice.hidden = !match;
        if (match) shown += 1;
      });
      // A group (fieldset) with nothing left to show folds away, so that no empty frame remains.
      Array.prototype.forEach.call(list.querySelectorAll('fieldset'), function (group) {
        var own = group.querySelectorAll('.field--checkbox');
        if (own.length === 0) return;
        group.hidden = Array.prototype.every.call(own, function (choice) { return choice.hidden; });
      });
      if (status) status.textContent = words.length === 0 ? '' : (status.getAttribute('data-template') || '').replace('{shown}', String(shown)).replace('{total}', String(choices.length));
    }

    input.addEventListener('input', filter);
    // Enter in the filter box filters; it does not send the form.
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') event.preventDefault();
    });
  });
})();
