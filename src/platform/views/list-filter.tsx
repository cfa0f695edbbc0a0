/**
 * A filter box above a long list of checkboxes (progressive enhancement): hidden in the HTML,
 * shown and wired by /static/list-filter.js. Without JavaScript the full list works as before.
 */
import type { ViewContext } from './context.js';

export const LIST_FILTER_JS_PATH = '/static/list-filter.js';

/** The box for the list with id `listId`; put the list (its choices `.field--checkbox`) in an element with that id. */
export function ListFilter({ ctx, listId, label, hint }: { ctx: ViewContext; listId: string; label: string; hint: string }) {
  const id = `filter-${listId}`;
  return (
    <div class="field" data-list-filter={listId} hidden>
      <label for={id}>{label}</label>
      <p class="hint" id={`h-${id}`}>
        {hint}
      </p>
      <input id={id} type="search" autoComplete="off" aria-controls={listId} aria-describedby={`h-${id}`} />
      <p class="hint" role="status" aria-live="polite" data-filter-status="" data-template={ctx.t('common.filterShown')} />
      <script src={LIST_FILTER_JS_PATH} defer />
    </div>
  );
}
