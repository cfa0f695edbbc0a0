import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import type { RegistryService } from './registry.service.js';
import type { PresentedDocument } from './secrecy.js';
import { CaseDecisions, ChangeHistory } from './registry-edit.pages.js';
export type { NewCaseOptions } from './registry.views.js';
import { type NewCaseOptions, entryColumns, Fact, FileLinks, newestFirst, NoWrap, RefLink, SecrecyBadge } from './registry.views.js';

type CaseListRow = Awaited<ReturnType<RegistryService['listCases']>>[number];
export type CaseDetail = Awaited<ReturnType<RegistryService['getCase']>>;

const statusLabel = (ctx: ViewContext, status: 'open' | 'closed') => ctx.t(`registry.case.status.${status}`);

export function CaseListPage(props: { ctx: ViewContext; cases: CaseListRow[]; canWrite: boolean; schemes: { slug: string; name: string }[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const columns: Column<CaseListRow>[] = [
    { key: 'number', label: t('registry.case.number'), rowHeader: true, text: (c) => c.caseNumber, render: (c) => <RefLink href={`/arenden/${c.id}`}>{c.caseNumber}</RefLink> },
    {
      key: 'title',
      label: t('registry.case.title'),
      text: (c) => c.title,
      render: (c) => (
        <>
          {c.title}
          <ExampleMark ctx={ctx} origin={c.origin} />
        </>
      ),
    },
    { key: 'organisation', label: t('registry.case.organisation'), text: (c) => c.organisationName },
    { key: 'status', label: t('registry.case.status'), text: (c) => statusLabel(ctx, c.status) },
    { key: 'opened', label: t('registry.case.opened'), text: (c) => c.openedOn, render: (c) => <NoWrap>{c.openedOn}</NoWrap> },
  ];
  return (
    <Layout ctx={ctx} title={t('registry.cases.title')} back={{ href: '/' }}>
      <p class="actions">
        {props.canWrite && (
          <a class="button" href="/arenden/nytt">
            {t('registry.case.new')}
          </a>
        )}
        {props.schemes.map((s) => (
          <a href={`/klassificering/${s.slug}`}>{t('registry.case.schemeOf', { name: s.name })}</a>
        ))}
        <a href="/diarium">{t('registry.cases.publicView')}</a>
      </p>
      <ListTable ctx={newestFirst(ctx, 'number')} caption={t('registry.cases.title')} hideCaption columns={columns} rows={props.cases} defaultSort="" searchId="cases" />
    </Layout>
  );
}


export function NewCasePage({ ctx, state, options }: { ctx: ViewContext; state: FormState; options: NewCaseOptions }) {
  const { t } = ctx;
  const { selected } = options;
  return (
    <Layout ctx={ctx} title={t('registry.case.new')} back={{ href: '/arenden', label: t('registry.cases.title') }}>
      {options.organisations.length > 1 ? (
        // Without JavaScript the codes follow the organisation through a plain GET.
        <form method="get" action="/arenden/nytt" class="field">
          <label for="f-organisation">{t('registry.case.organisation')}</label>
          <p class="hint" id="h-organisation">
            {t('registry.case.organisationHint')}
          </p>
          <select id="f-organisation" name="organisation" aria-describedby="h-organisation">
            {options.organisations.map((o) => (
              <option value={o.slug} selected={o.slug === selected.slug}>
                {o.name}
              </option>
            ))}
          </select>
          <FormActions ctx={ctx} submit={t('registry.case.changeOrganisation')} kind="secondary" />
        </form>
      ) : (
        <dl class="facts">
          <Fact term={t('registry.case.organisation')}>{selected.name}</Fact>
        </dl>
      )}
      {options.codes.length === 0 ? (
        <p class="notice">
          {t('registry.case.noCodes', { name: selected.name })} <a href={`/klassificering/${selected.slug}`}>{t('registry.case.scheme')}</a>
        </p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} state={state} labels={{ title: t('registry.case.title'), classificationCode: t('registry.case.code'), responsiblePersonId: t('registry.case.responsible') }} />
          <PostForm ctx={ctx} action="/arenden/nytt">
            <input type="hidden" name="organisation" value={selected.slug} />
            <TextField ctx={ctx} state={state} name="title" label={t('registry.case.title')} required />
            <SelectField
              ctx={ctx}
              state={state}
              name="classificationCode"
              label={t('registry.case.code')}
              required
              empty={t('registry.case.chooseCode')}
              options={options.codes.map((c) => ({ value: c.code, label: `${c.code} – ${c.title}` }))}
            />
            <SelectField ctx={ctx} state={state} name="responsiblePersonId" label={t('registry.case.responsible')} empty={t('registry.case.responsibleNone')} options={options.people.map((p) => ({ value: p.id, label: p.name }))} />
            <FormActions ctx={ctx} submit={t('registry.case.create')} cancelHref="/arenden" />
          </PostForm>
        </>
      )}
    </Layout>
  );
}

/** The documents of a case as a searchable, sortable list; the link goes where the reader may look. */
export function CaseDocuments(props: { ctx: ViewContext; documents: PresentedDocument[]; href: (d: PresentedDocument) => string; showCounterpart: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const entry = entryColumns<PresentedDocument>(ctx, props.href);
  const columns: Column<PresentedDocument>[] = [
    entry.hid,
    entry.date,
    entry.direction,
    ...(props.showCounterpart ? [{ key: 'counterpart', label: t('registry.doc.counterpart'), text: (d: PresentedDocument) => d.counterpart ?? '' }] : []),
    entry.description,
    { key: 'secrecy', label: t('registry.doc.secrecyColumn'), text: (d) => t(`registry.secrecy.${d.secrecy}`), render: (d) => <SecrecyBadge ctx={ctx} secrecy={d.secrecy} /> },
    { key: 'files', label: t('registry.doc.files'), text: (d) => d.files.map((f) => f.filename).join(' '), render: (d) => <FileLinks files={d.files} /> },
  ];
  return <ListTable ctx={ctx} caption={t('registry.case.documents')} hideCaption columns={columns} rows={props.documents} defaultSort="hid" searchId="documents" />;
}

export function CaseFacts(props: { ctx: ViewContext; detail: CaseDetail; responsible?: string | undefined; codeTitle?: string | undefined; schemeLink: boolean }) {
  const { ctx, detail } = props;
  const { t } = ctx;
  const c = detail.case;
  const org = detail.organisation;
  const code = props.codeTitle ? `${c.classificationCode} – ${props.codeTitle}` : c.classificationCode;
  return (
    <dl class="facts">
      <Fact term={t('registry.case.number')}>
        {detail.caseNumber}
        <ExampleMark ctx={ctx} origin={c.origin} />
      </Fact>
      <Fact term={t('registry.case.organisation')}>{org?.name}</Fact>
      <Fact term={t('registry.case.code')}>{props.schemeLink && org ? <a href={`/klassificering/${org.slug}`}>{code}</a> : code}</Fact>
      <Fact term={t('registry.case.status')}>
        <span class="badge">{statusLabel(ctx, c.status)}</span>
      </Fact>
      <Fact term={t('registry.case.opened')}>{c.openedOn}</Fact>
      <Fact term={t('registry.case.closedOn')}>{c.closedOn}</Fact>
      <Fact term={t('registry.case.responsible')}>{props.responsible}</Fact>
    </dl>
  );
}

export function CasePage({ ctx, detail, responsible, codeTitle }: { ctx: ViewContext; detail: CaseDetail; responsible?: string | undefined; codeTitle?: string | undefined }) {
  const { t } = ctx;
  const c = detail.case;
  return (
    <Layout ctx={ctx} title={c.title} back={{ href: '/arenden', label: t('registry.cases.title') }}>
      <CaseFacts ctx={ctx} detail={detail} responsible={responsible} codeTitle={codeTitle} schemeLink />
      {detail.canWrite && (
        <div class="actions">
          {c.status === 'open' ? (
            <>
              <a class="button" href={`/arenden/${c.id}/ny-handling`}>
                {t('registry.doc.new')}
              </a>
              <a class="button secondary" href={`/arenden/${c.id}/andra`}>
                {t('registry.edit.link')}
              </a>
              <a class="button secondary" href={`/arenden/${c.id}/avsluta`}>
                {t('registry.case.close')}
              </a>
            </>
          ) : (
            <PostForm ctx={ctx} action={`/arenden/${c.id}/ateroppna`} class="inline-form">
              <button type="submit" class="secondary">
                {t('registry.case.reopen')}
              </button>
            </PostForm>
          )}
        </div>
      )}
      <h2>{t('registry.case.documents')}</h2>
      <CaseDocuments ctx={ctx} documents={detail.documents} href={(d) => `/handlingar/${d.id}`} showCounterpart />
      <CaseDecisions ctx={ctx} decisions={detail.decisions} />
      <ChangeHistory ctx={ctx} entity="case" changes={detail.changes} />
    </Layout>
  );
}

export function CloseCasePage({ ctx, detail }: { ctx: ViewContext; detail: CaseDetail }) {
  const { t } = ctx;
  const back = `/arenden/${detail.case.id}`;
  return (
    <Layout ctx={ctx} title={t('registry.case.closeTitle', { number: detail.caseNumber })} back={{ href: back, label: detail.case.title }}>
      <p class="warning">{t('registry.case.closeConfirm', { number: detail.caseNumber, title: detail.case.title })}</p>
      <PostForm ctx={ctx} action={`/arenden/${detail.case.id}/avsluta`} class="actions">
        <button type="submit">{t('registry.case.close')}</button>
        <a href={back}>{t('common.cancel')}</a>
      </PostForm>
    </Layout>
  );
}
