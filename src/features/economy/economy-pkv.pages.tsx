import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../platform/views/forms.js';
import { formatKronor } from '../../domain/money-format.js';
import type { IndexationStep } from '../../domain/index.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import type { BaseFundingPlan } from './pkv-plan.js';
import type { CostObjectData } from './reports.js';
import { importLabel, yearPath } from './economy.pages.js';
import { DataTable } from '../../platform/views/data-table.js';
import type { CostObjectRow, OutcomeImportRow, PkvReadingRow } from './economy.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

function stepText(ctx: ViewContext, step: IndexationStep, year: number, perMember: boolean): string {
  switch (step.kind) {
    case 'start':
      return ctx.t(perMember ? 'economy.pkv.step.start' : 'economy.pkv.step.startTotal', { year, amount: formatKronor(step.amount) });
    case 'apply-index':
      return ctx.t('economy.pkv.step.index', { factor: step.factor.replace('.', ','), percent: String(step.pkvPercent).replace('.', ','), exact: step.exact.replace('.', ',') });
    case 'round':
      return ctx.t('economy.pkv.step.round', { unit: ctx.t(step.unit === 100 ? 'economy.pkv.unit100' : 'economy.pkv.unit1'), amount: formatKronor(step.amount) });
    case 'multiply':
      return ctx.t('economy.pkv.step.multiply', { members: step.members, amount: formatKronor(step.amount) });
  }
}

function Plan({ ctx, plan, year }: { ctx: ViewContext; plan: BaseFundingPlan; year: number }) {
  return (
    <section aria-labelledby={`plan-${plan.object.id}`}>
      <h3 id={`plan-${plan.object.id}`}>{ctx.t('economy.pkv.derivation', { name: plan.object.name })}</h3>
      <ol>
        {plan.steps.map((step) => (
          <li>{stepText(ctx, step, year, plan.sharePerMember !== null)}</li>
        ))}
      </ol>
      <p>
        {ctx.t('economy.pkv.carry', {
          year,
          next: year + 1,
          basis: ctx.t(`economy.pkv.basis.${plan.carryBasis}` as MessageKey),
          income: formatKronor(plan.result.income),
          cost: formatKronor(plan.result.cost),
          amount: formatKronor(plan.carry.amount),
          kind: ctx.t(`economy.pkv.kind.${plan.carry.kind}` as MessageKey),
        })}
      </p>
    </section>
  );
}

export function PkvPage(props: {
  ctx: ViewContext;
  committee: OrganisationRow;
  year: number;
  reading: PkvReadingRow | undefined;
  plans: BaseFundingPlan[];
  next: CostObjectRow[];
  canManage: boolean;
  state: FormState;
}) {
  const { ctx, committee, year, reading } = props;
  const next = year + 1;
  const base = yearPath(committee.slug, year);
  const nextBase = props.next.filter((o) => o.kind === 'base_funding');
  return (
    <Layout ctx={ctx} title={ctx.t('economy.pkv.title', { year, next })} back={{ href: base, label: ctx.t('economy.backToYear', { year }) }}>
      <p>{ctx.t('economy.pkv.intro')}</p>
      <p>
        {reading
          ? ctx.t('economy.pkv.reading', { next, percent: String(Number(reading.pkvPercent)).replace('.', ','), date: reading.readOn, source: reading.source || '–' })
          : ctx.t('economy.pkv.noReading', { next })}
        <ExampleMark ctx={ctx} origin={reading?.origin} />
      </p>
      {props.plans.map((plan) => (
        <Plan ctx={ctx} plan={plan} year={year} />
      ))}
      {nextBase.length > 0 && (
        <>
          <h2>{ctx.t('economy.pkv.nextYear', { next })}</h2>
          <ul>
            {nextBase.map((o) => (
              <li>
                <a href={`/ekonomi/kostnadsobjekt/${o.id}`}>{ctx.t('economy.pkv.nextRow', { name: o.name, amount: formatKronor(o.budgetIncome), carried: formatKronor(o.carriedOver) })}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.canManage && (
        <>
          <h2>{ctx.t('economy.pkv.enter', { next })}</h2>
          <PostForm ctx={ctx} action={`${base}/pkv`}>
            <ErrorSummary ctx={ctx} state={props.state} />
            <TextField ctx={ctx} state={props.state} name="readOn" label={ctx.t('economy.pkv.readOn')} type="date" required />
            <TextField ctx={ctx} state={props.state} name="pkvPercent" label={ctx.t('economy.pkv.percent')} required inputMode="text" />
            <TextField ctx={ctx} state={props.state} name="source" label={ctx.t('economy.pkv.source')} />
            <SelectField
              ctx={ctx}
              state={props.state}
              name="roundTo"
              label={ctx.t('economy.pkv.roundTo')}
              options={[
                { value: '100', label: ctx.t('economy.field.roundTo100') },
                { value: '1', label: ctx.t('economy.field.roundTo1') },
              ]}
            />
            <button type="submit">{ctx.t('economy.pkv.submit', { next })}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export function ManualOutcomePage(props: {
  ctx: ViewContext;
  committee: OrganisationRow;
  year: number;
  objects: CostObjectData[];
  snapshot: OutcomeImportRow | undefined;
  state: FormState;
}) {
  const { ctx, committee, year, state } = props;
  const base = yearPath(committee.slug, year);
  const errorOf = (name: string) => state.errors.find((e) => e.field === name)?.message[ctx.locale];
  const input = (name: string, label: string) => {
    const error = errorOf(name);
    return (
      <>
        {error && (
          <span class="field-error" id={`e-${name}`}>
            {error}
          </span>
        )}
        <input id={`f-${name}`} name={name} type="text" inputMode="decimal" value={state.values[name] ?? ''} aria-label={label} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `e-${name}` : undefined} />
      </>
    );
  };
  return (
    <Layout ctx={ctx} title={ctx.t('economy.manual.title', { year })} back={{ href: base, label: ctx.t('economy.backToYear', { year }) }}>
      <p>{ctx.t('economy.manual.intro')}</p>
      {props.snapshot && <p>{ctx.t('economy.manual.prefilled', { date: props.snapshot.periodTo })} ({importLabel(ctx, props.snapshot)})</p>}
      {props.objects.length === 0 ? (
        <p>{ctx.t('economy.manual.noObjects')}</p>
      ) : (
        <PostForm ctx={ctx} action={`${base}/utfall/manuellt`}>
          <ErrorSummary ctx={ctx} state={state} labels={{ periodTo: ctx.t('economy.manual.periodTo') }} />
          <TextField ctx={ctx} state={state} name="periodTo" label={ctx.t('economy.manual.periodTo')} type="date" required />
          <DataTable caption={ctx.t('economy.outcome.caption')} columns={[ctx.t('economy.col.name'), ctx.t('economy.col.income'), ctx.t('economy.col.cost')]} scroll>
            {props.objects.map((o) => (
              <tr>
                <th scope="row">
                  {o.code} {o.name}
                </th>
                <td>{input(`income_${o.id}`, ctx.t('economy.manual.incomeFor', { name: o.name }))}</td>
                <td>{input(`cost_${o.id}`, ctx.t('economy.manual.costFor', { name: o.name }))}</td>
              </tr>
            ))}
          </DataTable>
          <p class="actions">
            <button type="submit">{ctx.t('economy.manual.submit')}</button>
          </p>
        </PostForm>
      )}
    </Layout>
  );
}
