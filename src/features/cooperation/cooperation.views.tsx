/** Small pieces shared by the cooperation pages. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import { formatKronor } from '../../domain/index.js';
import { allocationKeyOf, type LoadedInitiative, type TemplateDecision } from './cooperation.model.js';
import { formatDateTime, swedishDate } from '../../platform/time-format.js';
import type { InitiativeDecisionRow } from './cooperation.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

const ICONS: Record<InitiativeDecisionRow['status'], string> = { yes: '✔', no: '✖', pending: '…', not_applicable: '–' };

export const statusLabel = (ctx: ViewContext, status: InitiativeDecisionRow['status']) => ctx.t(`coop.cell.${status}`);

/** A cell's state as text with an icon: never by colour alone. */
export function CellStatus({ ctx, status }: { ctx: ViewContext; status: InitiativeDecisionRow['status'] }) {
  return (
    <span class="badge">
      <span aria-hidden="true">{ICONS[status]} </span>
      {statusLabel(ctx, status)}
    </span>
  );
}

export const kr = (amount: number) => formatKronor(amount);

export const byLabel = (ctx: ViewContext, by: TemplateDecision['by']) => ctx.t(`coop.by.${by}`);

export function keyLabel(ctx: ViewContext, model: LoadedInitiative): string {
  const key = allocationKeyOf(model.initiative);
  return key.kind === 'mixed' ? ctx.t('coop.key.mixedShort', { percent: key.flatSharePercent }) : ctx.t(`coop.key.${key.kind === 'equal' ? 'equal' : 'population'}`);
}

export const initiativeStatus = (ctx: ViewContext, status: LoadedInitiative['initiative']['status']) => ctx.t(`coop.status.${status}`);

export function nameOf(model: Pick<LoadedInitiative, 'municipalities' | 'committee'>, id: string): string {
  if (id === model.committee.id) return model.committee.name;
  return model.municipalities.find((m: OrganisationRow) => m.id === id)?.name ?? id;
}

/** Organisation names in Swedish order, joined for reading. */
export function namesOf(model: Pick<LoadedInitiative, 'municipalities' | 'committee'>, ids: readonly string[]): string {
  return ids.map((id) => nameOf(model, id)).sort(new Intl.Collator('sv').compare).join(', ');
}

export function NoWrap({ children }: { children: ComponentChildren }) {
  return <span style="white-space: nowrap">{children}</span>;
}

export const dateOf = (d: Date) => swedishDate(d);
export const timeOf = (d: Date) => formatDateTime(d, 'sv');
