import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { CheckboxField, ErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../platform/views/forms.js';
import { formatKronor } from '../../domain/money-format.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import { COST_OBJECT_KINDS, INVOICING, KEY_KINDS, readAllocationKey } from './economy.schema.js';
import type { MunicipalityData } from './reports.js';
import { yearPath } from './economy.pages.js';
import type { CostObjectRow } from './economy.tables.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

export interface CostObjectFormOptions {
  committee: OrganisationRow;
  year: number;
  municipalities: MunicipalityData[];
  initiatives: { id: string; name: string }[];
}

const collator = new Intl.Collator('sv');

/** Form values of a stored cost object. */
export function costObjectValues(row: CostObjectRow): Record<string, string> {
  const key = readAllocationKey(row.allocationKey);
  const values: Record<string, string> = {
    code: row.code,
    name: row.name,
    kind: row.kind,
    invoicing: row.invoicing,
    position: String(row.position),
    budgetIncome: formatKronor(row.budgetIncome),
    budgetCost: formatKronor(row.budgetCost),
    forecastIncome: row.forecastIncome === null ? '' : formatKronor(row.forecastIncome),
    forecastCost: row.forecastCost === null ? '' : formatKronor(row.forecastCost),
    initiativeId: row.initiativeId ?? '',
    comment: row.comment,
    keyKind: key.kind,
    keyRoundTo: 'roundTo' in key ? String(key.roundTo) : '1',
    keyYear: 'year' in key ? String(key.year) : '',
    keyFlatPercent: key.kind === 'mixed' ? String(key.flatPercent).replace('.', ',') : '',
  };
  if (key.kind === 'fixed') for (const [id, amount] of Object.entries(key.amounts)) values[`fixed_${id}`] = String(amount);
  if (key.kind === 'participants') for (const id of key.participants) values[`participant_${id}`] = 'on';
  return values;
}

function KeyFields(props: { ctx: ViewContext; state: FormState; options: CostObjectFormOptions }) {
  const { ctx, state } = props;
  const municipalities = [...props.options.municipalities].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <fieldset>
      <legend>{ctx.t('economy.field.key')}</legend>
      <p class="hint">{ctx.t('economy.field.keyHint')}</p>
      <SelectField ctx={ctx} state={state} name="keyKind" label={ctx.t('economy.field.key')} required options={KEY_KINDS.map((k) => ({ value: k, label: ctx.t(`economy.key.${k}` as MessageKey) }))} />
      <SelectField
        ctx={ctx}
        state={state}
        name="keyRoundTo"
        label={ctx.t('economy.field.keyRoundTo')}
        options={[
          { value: '1', label: ctx.t('economy.field.roundTo1') },
          { value: '100', label: ctx.t('economy.field.roundTo100') },
        ]}
      />
      <TextField ctx={ctx} state={state} name="keyYear" label={ctx.t('economy.field.keyYear')} inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="keyFlatPercent" label={ctx.t('economy.field.keyFlatPercent')} inputMode="text" />
      <fieldset>
        <legend>{ctx.t('economy.field.fixedAmounts')}</legend>
        {municipalities.map((m) => (
          <TextField ctx={ctx} state={state} name={`fixed_${m.id}`} label={m.name} inputMode="numeric" />
        ))}
      </fieldset>
      <fieldset>
        <legend>{ctx.t('economy.field.participants')}</legend>
        {municipalities.map((m) => (
          <CheckboxField ctx={ctx} state={state} name={`participant_${m.id}`} label={m.name} />
        ))}
      </fieldset>
    </fieldset>
  );
}

function CostObjectFields(props: { ctx: ViewContext; state: FormState; options: CostObjectFormOptions }) {
  const { ctx, state, options } = props;
  return (
    <>
      <ErrorSummary ctx={ctx} state={state} labels={{ code: ctx.t('economy.field.code'), name: ctx.t('economy.field.name'), keyKind: ctx.t('economy.field.key') }} />
      <TextField ctx={ctx} state={state} name="code" label={ctx.t('economy.field.code')} hint={ctx.t('economy.field.codeHint')} required />
      <TextField ctx={ctx} state={state} name="name" label={ctx.t('economy.field.name')} required />
      <SelectField ctx={ctx} state={state} name="kind" label={ctx.t('economy.field.kind')} required options={COST_OBJECT_KINDS.map((k) => ({ value: k, label: ctx.t(`economy.kind.${k}` as MessageKey) }))} />
      <SelectField ctx={ctx} state={state} name="invoicing" label={ctx.t('economy.field.invoicing')} required options={INVOICING.map((k) => ({ value: k, label: ctx.t(`economy.invoicing.${k}` as MessageKey) }))} />
      <TextField ctx={ctx} state={state} name="budgetIncome" label={ctx.t('economy.field.budgetIncome')} required inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="budgetCost" label={ctx.t('economy.field.budgetCost')} required inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="forecastIncome" label={ctx.t('economy.field.forecastIncome')} hint={ctx.t('economy.field.forecastHint')} inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="forecastCost" label={ctx.t('economy.field.forecastCost')} hint={ctx.t('economy.field.forecastHint')} inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="position" label={ctx.t('economy.field.position')} inputMode="numeric" />
      {options.initiatives.length > 0 && (
        <SelectField ctx={ctx} state={state} name="initiativeId" label={ctx.t('economy.field.initiative')} empty={ctx.t('economy.field.noInitiative')} options={options.initiatives.map((i) => ({ value: i.id, label: i.name }))} />
      )}
      <TextField ctx={ctx} state={state} name="comment" label={ctx.t('economy.field.comment')} />
      <KeyFields ctx={ctx} state={state} options={options} />
    </>
  );
}

export function NewCostObjectPage(props: { ctx: ViewContext; state: FormState; options: CostObjectFormOptions }) {
  const { ctx, options } = props;
  const base = yearPath(options.committee.slug, options.year);
  return (
    <Layout ctx={ctx} title={ctx.t('economy.costObject.newTitle', { year: options.year })} back={{ href: base, label: ctx.t('economy.backToYear', { year: options.year }) }}>
      <PostForm ctx={ctx} action={`${base}/kostnadsobjekt/nytt`}>
        <CostObjectFields ctx={ctx} state={props.state} options={options} />
        <button type="submit">{ctx.t('economy.costObject.create')}</button>
      </PostForm>
    </Layout>
  );
}

/** A cost object: its form for those who manage the economy, its facts for the others. */
export function CostObjectPage(props: { ctx: ViewContext; row: CostObjectRow; state: FormState; options: CostObjectFormOptions; canManage: boolean; inUse: boolean }) {
  const { ctx, row, options } = props;
  const base = yearPath(options.committee.slug, row.year);
  return (
    <Layout ctx={ctx} title={`${row.code} ${row.name} (${row.year})`} back={{ href: base, label: ctx.t('economy.backToYear', { year: row.year }) }}>
      <dl class="facts">
        <dt>{ctx.t('economy.field.kind')}</dt>
        <dd>{ctx.t(`economy.kind.${row.kind}` as MessageKey)}</dd>
        <dt>{ctx.t('economy.field.invoicing')}</dt>
        <dd>{ctx.t(`economy.invoicing.${row.invoicing}` as MessageKey)}</dd>
        <dt>{ctx.t('economy.field.key')}</dt>
        <dd>
          {ctx.t(`economy.key.${readAllocationKey(row.allocationKey).kind}` as MessageKey)}
          <ExampleMark ctx={ctx} origin={row.origin} />
        </dd>
        <dt>{ctx.t('economy.field.budgetIncome')}</dt>
        <dd>{formatKronor(row.budgetIncome)}</dd>
        <dt>{ctx.t('economy.field.budgetCost')}</dt>
        <dd>{formatKronor(row.budgetCost)}</dd>
        <dt>{ctx.t('economy.field.carriedOver')}</dt>
        <dd>{formatKronor(row.carriedOver)}</dd>
        {row.comment && (
          <>
            <dt>{ctx.t('economy.field.comment')}</dt>
            <dd>{row.comment}</dd>
          </>
        )}
      </dl>
      {props.canManage && (
        <>
          <PostForm ctx={ctx} action={`/ekonomi/kostnadsobjekt/${row.id}`}>
            <CostObjectFields ctx={ctx} state={props.state} options={options} />
            <button type="submit">{ctx.t('economy.costObject.save')}</button>
          </PostForm>
          {props.inUse ? (
            <p>{ctx.t('economy.costObject.inUse')}</p>
          ) : (
            <p class="actions">
              <a class="button secondary" href={`/ekonomi/kostnadsobjekt/${row.id}/ta-bort`}>
                {ctx.t('economy.costObject.delete')}
              </a>
            </p>
          )}
        </>
      )}
    </Layout>
  );
}

export function DeleteCostObjectPage(props: { ctx: ViewContext; row: CostObjectRow }) {
  const { ctx, row } = props;
  return (
    <Layout ctx={ctx} title={ctx.t('economy.costObject.delete')} back={{ href: `/ekonomi/kostnadsobjekt/${row.id}` }}>
      <p>{ctx.t('economy.costObject.deleteConfirm', { name: `${row.code} ${row.name}`, year: row.year })}</p>
      <PostForm ctx={ctx} action={`/ekonomi/kostnadsobjekt/${row.id}/ta-bort`} class="actions">
        <button type="submit" class="danger">
          {ctx.t('economy.costObject.deleteYes')}
        </button>
        <a href={`/ekonomi/kostnadsobjekt/${row.id}`}>{ctx.t('common.back')}</a>
      </PostForm>
    </Layout>
  );
}
