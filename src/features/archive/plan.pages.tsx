import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, TextField, type FormState, TextAreaField } from '../../platform/views/forms.js';
import { FileField, RadioGroup } from '../registry/registry.views.js';
import type { RetentionRuleRow } from './retention.service.js';
import { committeeTitle, inCommittee } from './committee-choice.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

/** The committee a page shows: its name in the heading, its slug in every link and form. */
export type CommitteeShown = Pick<OrganisationRow, 'name' | 'slug'>;

/** The page frame of every archive page: back to the committee's archive start. */
export const archiveBack = (ctx: ViewContext, committee: CommitteeShown) => ({ href: inCommittee('/arkiv', committee), label: ctx.t('archive.title') });

export function ArchiveHomePage({ ctx, committee, canManagePersonalData }: { ctx: ViewContext; committee: CommitteeShown; canManagePersonalData: boolean }) {
  const { t } = ctx;
  const links: [string, string, string][] = [
    ['/arkiv/dokumenthanteringsplan', t('archive.plan.title'), t('archive.plan.lead')],
    ['/arkiv/leveranser', t('archive.deliveries.title'), t('archive.deliveries.lead')],
    ['/arkiv/gallring', t('archive.disposal.title'), t('archive.disposal.lead')],
    ['/arkiv/arkiverat', t('archive.archived.title'), t('archive.archived.lead')],
    ['/dataskydd', t('privacy.title'), t('archive.privacy.lead')],
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.title'), committee)} back={{ href: '/', label: t('app.name') }}>
      <p>{t('archive.intro')}</p>
      <ul class="link-list">
        {links.map(([href, label, lead]) => (
          <li>
            <a href={inCommittee(href, committee)}>{label}</a>
            <br />
            {lead}
          </li>
        ))}
      </ul>
      {canManagePersonalData && (
        <p>
          <a href={inCommittee('/dataskydd/personer', committee)}>{t('privacy.people.title')}</a>
        </p>
      )}
    </Layout>
  );
}

export function ruleRetention(ctx: ViewContext, r: Pick<RetentionRuleRow, 'action' | 'retentionYears'>): string {
  return r.action === 'keep' ? ctx.t('archive.rule.keep') : ctx.t('archive.rule.disposeAfter', { years: r.retentionYears ?? 0 });
}

function RuleFields({ ctx, state }: { ctx: ViewContext; state: FormState }) {
  const { t } = ctx;
  return (
    <>
      <TextField ctx={ctx} state={state} name="classificationCode" label={t('archive.rule.code')} hint={t('archive.rule.codeHint')} required />
      <RadioGroup
        ctx={ctx}
        state={state}
        name="action"
        legend={t('archive.rule.action')}
        options={[
          { value: 'keep', label: t('archive.rule.keep') },
          { value: 'dispose', label: t('archive.rule.dispose') },
        ]}
      />
      <TextField ctx={ctx} state={state} name="retentionYears" label={t('archive.rule.years')} hint={t('archive.rule.yearsHint')} inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="format" label={t('archive.rule.format')} />
      <TextField ctx={ctx} state={state} name="note" label={t('archive.rule.note')} />
    </>
  );
}

const RULE_LABELS = (ctx: ViewContext) => ({
  classificationCode: ctx.t('archive.rule.code'),
  action: ctx.t('archive.rule.action'),
  retentionYears: ctx.t('archive.rule.years'),
  format: ctx.t('archive.rule.format'),
  note: ctx.t('archive.rule.note'),
  file: ctx.t('archive.plan.file'),
  csv: ctx.t('archive.plan.csv'),
});

export function PlanPage(props: { ctx: ViewContext; committee: CommitteeShown; rules: (RetentionRuleRow & { codeTitle: string | null })[]; canManage: boolean; importState: FormState; ruleState: FormState }) {
  const { ctx, committee } = props;
  const { t } = ctx;
  const columns: Column<RetentionRuleRow & { codeTitle: string | null }>[] = [
    { key: 'code', label: t('archive.rule.code'), rowHeader: true, text: (r) => r.classificationCode },
    { key: 'title', label: t('archive.rule.title'), text: (r) => r.codeTitle ?? t('archive.rule.higherLevel') },
    { key: 'retention', label: t('archive.rule.action'), text: (r) => ruleRetention(ctx, r) },
    { key: 'format', label: t('archive.rule.format'), text: (r) => r.format },
    { key: 'note', label: t('archive.rule.note'), text: (r) => r.note },
  ];
  if (props.canManage) columns.push({ key: 'edit', label: t('common.edit'), text: () => '', render: (r) => <a href={inCommittee(`/arkiv/dokumenthanteringsplan/${r.id}`, committee)} aria-label={`${t('common.edit')} ${r.classificationCode}`}>{t('common.edit')}</a> });
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.plan.title'), committee)} back={archiveBack(ctx, committee)}>
      <p>{t('archive.plan.lead')}</p>
      <ListTable ctx={ctx} caption={t('archive.plan.title')} hideCaption columns={columns} rows={props.rules} defaultSort="code" searchId="rules" />
      <section aria-labelledby="columns-heading">
        <h2 id="columns-heading">{t('archive.plan.columns')}</h2>
        <ul>
          {(['code', 'type', 'action', 'years', 'format', 'note'] as const).map((k) => (
            <li>{t(`archive.plan.col.${k}`)}</li>
          ))}
        </ul>
        <pre style="white-space: pre-wrap; overflow-wrap: anywhere">{'klassificeringskod;åtgärd;gallringsfrist;format;anmärkning\n1.2.1.3;bevaras;;PDF/A;Verksamhetsplaner\n2.3.4.1;gallras;10;PDF/A;\n2.2.0.2.1;gallras;2;;Inbjudningar'}</pre>
      </section>
      {props.canManage && (
        <>
          <section aria-labelledby="import-heading">
            <h2 id="import-heading">{t('archive.plan.import')}</h2>
            <p>{t('archive.plan.importIntro')}</p>
            <ErrorSummary ctx={ctx} state={props.importState} labels={RULE_LABELS(ctx)} />
            <PostForm ctx={ctx} action={inCommittee('/arkiv/dokumenthanteringsplan/import', committee)} multipart>
              <FileField ctx={ctx} state={props.importState} name="file" label={t('archive.plan.file')} hint={t('archive.plan.fileHint')} accept=".csv,.txt,text/csv" />
              <TextAreaField ctx={ctx} state={props.importState} name="csv" label={t('archive.plan.csv')} rows={6} />
              <button type="submit">{t('archive.plan.importButton')}</button>
            </PostForm>
          </section>
          <section aria-labelledby="new-heading">
            <h2 id="new-heading">{t('archive.rule.new')}</h2>
            <ErrorSummary ctx={ctx} state={props.ruleState} labels={RULE_LABELS(ctx)} />
            <PostForm ctx={ctx} action={inCommittee('/arkiv/dokumenthanteringsplan/ny', committee)}>
              <RuleFields ctx={ctx} state={props.ruleState} />
              <button type="submit">{t('common.add')}</button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}

export function RuleEditPage({ ctx, committee, rule, state }: { ctx: ViewContext; committee: CommitteeShown; rule: RetentionRuleRow; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, `${t('archive.rule.edit')} ${rule.classificationCode}`, committee)} back={{ href: inCommittee('/arkiv/dokumenthanteringsplan', committee), label: t('archive.plan.title') }}>
      <ErrorSummary ctx={ctx} state={state} labels={RULE_LABELS(ctx)} />
      <PostForm ctx={ctx} action={inCommittee(`/arkiv/dokumenthanteringsplan/${rule.id}`, committee)}>
        <RuleFields ctx={ctx} state={state} />
        <button type="submit">{t('common.save')}</button>
      </PostForm>
    </Layout>
  );
}

export const ruleValues = (r: RetentionRuleRow): Record<string, string> => ({
  classificationCode: r.classificationCode,
  action: r.action,
  retentionYears: r.retentionYears === null ? '' : String(r.retentionYears),
  format: r.format,
  note: r.note,
});
