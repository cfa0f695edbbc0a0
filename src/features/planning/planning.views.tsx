/** Pieces every planning page shares: year and committee switch, statuses in words, text areas, confirmation. */
import type { GoalStatus } from '../../domain/index.js';
import type { ViewContext } from '../../platform/views/context.js';
import { withQuery } from '../../platform/views/layout.js';
import { emptyForm, type FormState } from '../../platform/views/forms.js';
import { formatNumber as formatLocaleNumber } from '../../platform/time-format.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

/** Where the planning pages keep year and committee: `?ar=2023&namnd=slug`. */
export interface PlanningScope {
  committee: OrganisationRow;
  committees: OrganisationRow[];
  year: number;
}

/** A planning URL for the scope's year and committee (the committee only when the user has several). */
export function scoped(path: string, s: PlanningScope, extra: Record<string, string | undefined> = {}): string {
  return withQuery(path, {}, { ar: String(s.year), namnd: s.committees.length > 1 ? s.committee.slug : undefined, ...extra });
}

/** The form state of one of several forms on a page: the failed one keeps its values and errors. */
export interface PageForm {
  form: string;
  state: FormState;
}
export const stateOf = (page: PageForm | undefined, form: string, values: Record<string, string> = {}): FormState => (page?.form === form ? page.state : emptyForm(values));

const SYMBOL: Record<GoalStatus, string> = { met: '✓', on_track: '→', at_risk: '!', not_met: '✗' };

/** A goal status as a symbol and words, never by colour alone. */
export function StatusText({ ctx, status }: { ctx: ViewContext; status: GoalStatus | null }) {
  if (status === null) return <span>{ctx.t('planning.status.none')}</span>;
  return (
    <strong class={`goal-status goal-status--${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {ctx.t(`planning.status.${status}`)}
    </strong>
  );
}

/** The year (and committee) chooser at the top of every planning page. */
export function YearSwitch({ ctx, s, path, years }: { ctx: ViewContext; s: PlanningScope; path: string; years?: number[] }) {
  const all = years ?? [s.year - 2, s.year - 1, s.year, s.year + 1];
  return (
    <form method="get" action={path} class="list-search" aria-label={ctx.t('planning.chooseYear')}>
      {s.committees.length > 1 && (
        <>
          <label for="f-namnd">{ctx.t('planning.committee')}</label>
          <select id="f-namnd" name="namnd">
            {s.committees.map((c) => (
              <option value={c.slug} selected={c.id === s.committee.id}>
                {c.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="f-ar">{ctx.t('planning.year')}</label>
      <select id="f-ar" name="ar">
        {[...new Set([...all, s.year])].sort((a, b) => a - b).map((y) => (
          <option value={String(y)} selected={y === s.year}>
            {y}
          </option>
        ))}
      </select>
      <button type="submit">{ctx.t('planning.show')}</button>
    </form>
  );
}

export { ConfirmPage } from '../../platform/views/confirm-page.js';

/** A number as Swedish text: 78,6 and whole numbers without decimals. */
export function formatNumber(ctx: ViewContext, value: number | null, unit = ''): string {
  if (value === null) return '–';
  const text = formatLocaleNumber(value, ctx.locale);
  return unit ? `${text} ${unit}` : text;
}

/** "2 mindre sannolik", "3 kännbar": a score with its word on the seed's scales. */
export const scoreLabel = (ctx: ViewContext, kind: 'probability' | 'consequence', n: number) =>
  `${n} ${kind === 'probability' ? ctx.t(`planning.probability.${n as 1 | 2 | 3 | 4}`) : ctx.t(`planning.consequence.${n as 1 | 2 | 3 | 4}`)}`;
