import type { OparlObject } from './oparl.model.js';
import { FILTERS, PAGE_SIZE, type TListQuery } from './oparl.schema.js';

/** One page of an external list, as OParl 1.1 "Objektlisten und Paginierung" writes it. */
export interface ListPage {
  data: OparlObject[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; self: string; next?: string };
}

const lastSegment = (id: string) => id.slice(id.lastIndexOf('/') + 1);

/** Objects created and modified within the filter's bounds (both ends included). */
function inBounds(o: OparlObject, q: TListQuery): boolean {
  // Every instant is a UTC ISO string of the same form, so strings compare as instants.
  return (
    (!q.created_since || o.created >= q.created_since) &&
    (!q.created_until || o.created <= q.created_until) &&
    (!q.modified_since || o.modified >= q.modified_since) &&
    (!q.modified_until || o.modified <= q.modified_until)
  );
}

/**
 * Filter, then page by id: a page starts after the id of the previous page's last object, so
 * that objects added or deleted meanwhile neither repeat nor skip others (stable paging).
 */
export function pageOf(list: readonly OparlObject[], url: string, q: TListQuery): ListPage {
  const filtered = list.filter((o) => inBounds(o, q));
  const size = q.elementsPerPage ?? q.limit ?? PAGE_SIZE;
  const start = q.after === undefined ? 0 : (() => {
    const i = filtered.findIndex((o) => lastSegment(o.id) > (q.after ?? ''));
    return i < 0 ? filtered.length : i;
  })();
  const data = filtered.slice(start, start + size);
  const link = (after?: string) => {
    const params = new URLSearchParams();
    for (const name of FILTERS) if (q[name]) params.set(name, q[name]);
    if (q.elementsPerPage ?? q.limit) params.set('elementsPerPage', String(size));
    if (after !== undefined) params.set('after', after);
    const text = params.toString();
    return text ? `${url}?${text}` : url;
  };
  const last = data.at(-1);
  return {
    data,
    pagination: { totalElements: filtered.length, elementsPerPage: size, currentPage: Math.floor(start / size) + 1, totalPages: Math.max(1, Math.ceil(filtered.length / size)) },
    links: {
      first: link(),
      self: link(q.after),
      ...(last && start + size < filtered.length ? { next: link(lastSegment(last.id)) } : {}),
    },
  };
}
