import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import { formatDateTime, swedishDate } from '../../platform/time-format.js';
import { COMMON_PROVISIONS, provisionCitation } from '../../domain/index.js';
import type { MessageKey } from '../../platform/i18n/i18n.js';
import type { CaseDecisionRow } from './registry.repository.js';
import type { DocumentDetail, NewCaseOptions } from './registry.views.js';
import { SECURITY_CLASSES } from './registry.schema.js';
import { ListOrNone } from '../../platform/views/list-or-none.js';
import { DataTable } from '../../platform/views/data-table.js';
import type { RegistryChangeRow } from './registry.tables.js';

/** Corrections and decisions on the case and document pages; the forms that correct details. */

const FIELD_LABELS: Record<RegistryChangeRow['entity'], Record<string, MessageKey>> = {
  case: { title: 'registry.case.title', classificationCode: 'registry.case.code', responsiblePerson: 'registry.case.responsible' },
  document: {
    documentDate: 'registry.doc.date',
    counterpart: 'registry.doc.counterpart',
    description: 'registry.doc.description',
    securityClass: 'registry.doc.securityClass',
    secrecyProvision: 'registry.doc.provision',
    publicDescription: 'registry.doc.publicDescription',
  },
};

/** Who changed which field from what to what, and when. */
export function ChangeHistory({ ctx, entity, changes }: { ctx: ViewContext; entity: RegistryChangeRow['entity']; changes: RegistryChangeRow[] }) {
  const { t } = ctx;
  if (changes.length === 0) return null;
  const label = (field: string) => {
    const key = FIELD_LABELS[entity][field];
    return key ? t(key) : field;
  };
  const empty = t('registry.history.empty');
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('registry.history.title')}</h2>
      <DataTable columns={[t('registry.history.when'), t('registry.history.who'), t('registry.history.field'), t('registry.history.before'), t('registry.history.after')]} scroll>
        {[...changes].reverse().map((c) => (
          <tr>
            <td>{formatDateTime(c.changedAt, ctx.locale)}</td>
            <td>{c.changedBy}</td>
            <th scope="row">{label(c.field)}</th>
            <td>{c.before ?? empty}</td>
            <td>{c.after ?? empty}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

const ITEM_STATUS: Record<CaseDecisionRow['itemStatus'], MessageKey> = {
  pending: 'registry.decisions.pending',
  decided: 'registry.decisions.decided',
  noted: 'registry.decisions.noted',
  tabled: 'registry.decisions.tabled',
};

/** The paragraphs that handled the case: §, body, meeting date, and a link into the protocol. */
export function CaseDecisions({ ctx, decisions }: { ctx: ViewContext; decisions: CaseDecisionRow[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="decisions">
      <h2 id="decisions">{t('registry.decisions.title')}</h2>
      <ListOrNone
        items={decisions}
        none={t('registry.decisions.none')}
        item={(d) => (
          <>
            <a href={`/moten/${d.meetingId}/protokoll#paragraf-${d.paragraphId}`}>
              {t('registry.decisions.paragraph', { number: d.number, body: d.bodyName, date: swedishDate(d.meetingStartsAt) })}
            </a>{' '}
            – {d.secret ? (d.publicHeading ?? d.heading) : d.heading} ({t(ITEM_STATUS[d.itemStatus])}
            {d.protocolStatus === 'final' ? '' : `, ${t('registry.decisions.notFinal')}`})
          </>
        )}
      />
    </section>
  );
}

export function EditCasePage(props: { ctx: ViewContext; state: FormState; caseInfo: { id: string; caseNumber: string; title: string }; options: Pick<NewCaseOptions, 'codes' | 'people'> }) {
  const { ctx, state, caseInfo, options } = props;
  const { t } = ctx;
  const back = `/arenden/${caseInfo.id}`;
  return (
    <Layout ctx={ctx} title={t('registry.edit.caseTitle', { number: caseInfo.caseNumber })} back={{ href: back, label: caseInfo.title }}>
      <p>{t('registry.edit.intro')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={{ title: t('registry.case.title'), classificationCode: t('registry.case.code'), responsiblePersonId: t('registry.case.responsible') }} />
      <PostForm ctx={ctx} action={`${back}/andra`}>
        <TextField ctx={ctx} state={state} name="title" label={t('registry.case.title')} required />
        <SelectField ctx={ctx} state={state} name="classificationCode" label={t('registry.case.code')} required options={options.codes.map((c) => ({ value: c.code, label: `${c.code} – ${c.title}` }))} />
        <SelectField ctx={ctx} state={state} name="responsiblePersonId" label={t('registry.case.responsible')} empty={t('registry.case.responsibleNone')} options={options.people.map((p) => ({ value: p.id, label: p.name }))} />
        <FormActions ctx={ctx} submit={t('registry.edit.save')} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

/** The common provisions as suggestions; a provision not listed can be typed by chapter and section. */
export function ProvisionList({ ctx }: { ctx: ViewContext }) {
  return (
    <datalist id="osl-provisions">
      {COMMON_PROVISIONS.map((p) => (
        <option value={provisionCitation(p)} label={p.subject[ctx.locale]} />
      ))}
    </datalist>
  );
}

export function EditDocumentPage({ ctx, state, detail }: { ctx: ViewContext; state: FormState; detail: DocumentDetail }) {
  const { t } = ctx;
  const doc = detail.document;
  const back = `/handlingar/${doc.id}`;
  const labels = {
    documentDate: t('registry.doc.date'),
    counterpart: t('registry.doc.counterpart'),
    description: t('registry.doc.description'),
    securityClass: t('registry.doc.securityClass'),
    secrecyProvision: t('registry.doc.provision'),
    publicDescription: t('registry.doc.publicDescription'),
  };
  return (
    <Layout ctx={ctx} title={t('registry.edit.documentTitle', { hid: doc.handlingId })} back={{ href: back, label: t('registry.doc.title', { hid: doc.handlingId }) }}>
      <p>{t('registry.edit.intro')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={`${back}/andra`}>
        <TextField ctx={ctx} state={state} name="documentDate" label={labels.documentDate} type="date" required />
        <TextField ctx={ctx} state={state} name="counterpart" label={labels.counterpart} hint={t('registry.doc.counterpartHint')} required={doc.direction !== 'drawn_up'} />
        <TextField ctx={ctx} state={state} name="description" label={labels.description} required />
        {doc.secrecy === 'secret' && (
          <>
            <TextField ctx={ctx} state={state} name="secrecyProvision" label={labels.secrecyProvision} hint={t('registry.doc.provisionHint')} list="osl-provisions" required />
            <ProvisionList ctx={ctx} />
            <TextField ctx={ctx} state={state} name="publicDescription" label={labels.publicDescription} hint={t('registry.doc.publicDescriptionHint')} />
          </>
        )}
        <SelectField ctx={ctx} state={state} name="securityClass" label={labels.securityClass} required options={SECURITY_CLASSES.map((c) => ({ value: c, label: c }))} />
        <FormActions ctx={ctx} submit={t('registry.edit.save')} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}
