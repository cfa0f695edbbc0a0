/**
 * The plain data table of every page: a caption, a row of column headings, the rows the page
 * gives, and (for a wide table) the scrolling frame around it.
 */
import type { ComponentChildren } from 'preact';

/**
 * A column heading: its text, or its content with `numeric` for right-aligned numbers; `false`
 * (from `canEdit && t('…')`) leaves the column out.
 */
export type DataColumn = string | { label: ComponentChildren; numeric?: boolean } | false;
const numericClass = (numeric: boolean | undefined) => (numeric ? 'num' : undefined);

export function DataTable(props: {
  /** Left out only where a heading just above names the table (`labelledBy`) or its rows speak for themselves. */
  caption?: string;
  /** The caption repeats the heading just above: keep it for screen readers only. */
  hideCaption?: boolean;
  /** The id of the heading that names the table. */
  labelledBy?: string;
  columns: readonly DataColumn[];
  /**
   * `true`: in a frame that scrolls sideways on a narrow screen; `'region'`: the same frame as a
   * named region that takes keyboard focus, for a table with no links to tab to.
   */
  scroll?: boolean | 'region';
  id?: string;
  /** The table's own style (the live room's `lr-table`). */
  class?: string;
  children: ComponentChildren;
}) {
  const table = (
    <table id={props.id} class={props.class} aria-labelledby={props.labelledBy}>
      {props.caption !== undefined && <caption class={props.hideCaption ? 'visually-hidden' : undefined}>{props.caption}</caption>}
      <thead>
        <tr>
          {props.columns.map((column) =>
            column === false ? null : typeof column === 'string' ? (
              <th scope="col">{column}</th>
            ) : (
              <th scope="col" class={numericClass(column.numeric)}>
                {column.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
  if (!props.scroll) return table;
  return props.scroll === 'region' ? (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
      {table}
    </div>
  ) : (
    <div class="table-scroll">{table}</div>
  );
}

/** A body cell: the row's header cell (for screen readers) or a data cell, right-aligned for numbers. */
export function BodyCell(props: { rowHeader?: boolean; numeric?: boolean; children: ComponentChildren }) {
  const cls = numericClass(props.numeric);
  return props.rowHeader ? (
    <th scope="row" class={cls}>
      {props.children}
    </th>
  ) : (
    <td class={cls}>{props.children}</td>
  );
}
