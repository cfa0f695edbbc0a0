import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, TextField, type FormState } from '../../platform/views/forms.js';
import { swedishDate } from '../../platform/clock.js';
import type { DisposalCandidate, DisposalItemRow, DisposalListRow, KeptDocument } from './disposal.service.js';
import { archiveBack, type CommitteeShown } from './plan.pages.js';
import { committeeTitle, inCommittee } from './committee-choice.js';

type HoldRow = { id: string; caseId: string | null; documentId: string | null; reason: string; placedAt: Date; releasedAt: Date | null; target: string };

const listStatus = (ctx: ViewContext, l: DisposalListRow) => ctx.t(`archive.list.status.${l.status}`);

export function DisposalPage(props: { ctx: ViewContext; committee: CommitteeShown; candidates: DisposalCandidate[]; kept: KeptDocument[]; lists: DisposalListRow[]; holds: HoldRow[]; canManage: boolean; holdState: FormState }) {
  const { ctx, committee } = props;
  const { t } = ctx;
  const dueColumns: Column<DisposalCandidate>[] = [
    { key: 'hid', label: t('archive.list.hid'), rowHeader: true, text: (c) => c.handlingId },
    { key: 'case', label: t('archive.list.case'), text: (c) => c.caseNumber },
    { key: 'description', label: t('archive.list.description'), text: (c) => c.description },
    { key: 'rule', label: t('archive.due.rule'), text: (c) => c.ruleText },
    { key: 'due', label: t('archive.due.since'), text: (c) => c.dueOn },
  ];
  const keptColumns: Column<KeptDocument>[] = [
    { key: 'hid', label: t('archive.list.hid'), rowHeader: true, text: (c) => c.handlingId },
    { key: 'case', label: t('archive.list.case'), text: (c) => c.caseNumber },
    { key: 'description', label: t('archive.list.description'), text: (c) => c.description },
    { key: 'refs', label: t('archive.kept.reason'), text: (c) => c.references.map((r) => t(`archive.ref.${r}`)).join(', ') },
  ];
  const listColumns: Column<DisposalListRow>[] = [
    { key: 'created', label: t('archive.delivery.created'), rowHeader: true, text: (l) => l.createdAt.toISOString(), render: (l) => <a href={inCommittee(`/arkiv/gallring/${l.id}`, committee)}>{swedishDate(l.createdAt)}</a> },
    { key: 'status', label: t('archive.delivery.status'), text: (l) => listStatus(ctx, l) },
    { key: 'approved', label: t('archive.list.approverName'), text: (l) => l.approvedByName ?? '–' },
  ];
  const holdColumns: Column<HoldRow>[] = [
    { key: 'target', label: t('archive.hold.target'), rowHeader: true, text: (h) => h.target },
    { key: 'reason', label: t('archive.hold.reason'), text: (h) => h.reason },
    { key: 'placed', label: t('archive.hold.placedAt'), text: (h) => swedishDate(h.placedAt) },
    {
      key: 'state',
      label: t('archive.hold.state'),
      text: (h) => (h.releasedAt ? t('archive.hold.releasedAt', { date: swedishDate(h.releasedAt) }) : t('archive.hold.active')),
      render: (h) =>
        h.releasedAt ? (
          t('archive.hold.releasedAt', { date: swedishDate(h.releasedAt) })
        ) : (
          <>
            <strong>{t('archive.hold.active')}</strong>{' '}
            {props.canManage && (
              <PostForm ctx={ctx} action={inCommittee(`/arkiv/sparrar/${h.id}/hav`, committee)} class="inline-form">
                <button type="submit" class="link-button" aria-label={`${t('archive.hold.release')}: ${h.target}`}>
                  {t('archive.hold.release')}
                </button>
              </PostForm>
            )}
          </>
        ),
    },
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.disposal.title'), committee)} back={archiveBack(ctx, committee)}>
      <p>{t('archive.disposal.lead')}</p>
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t('archive.due.title')}</h2>
        {props.candidates.length === 0 ? (
          <p>{t('archive.due.none')}</p>
        ) : (
          <>
            <ListTable ctx={ctx} caption={t('archive.due.title')} hideCaption columns={dueColumns} rows={props.candidates} defaultSort="hid" searchId="due" />
            {props.canManage && (
              <PostForm ctx={ctx} action={inCommittee('/arkiv/gallring', committee)}>
                <button type="submit">{t('archive.due.propose')}</button>
              </PostForm>
            )}
          </>
        )}
      </section>
      {props.kept.length > 0 && (
        <section aria-labelledby="kept-heading">
          <h2 id="kept-heading">{t('archive.kept.title')}</h2>
          <p>{t('archive.kept.lead')}</p>
          <ListTable ctx={ctx} caption={t('archive.kept.title')} hideCaption columns={keptColumns} rows={props.kept} defaultSort="hid" searchId="kept" />
        </section>
      )}
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">{t('archive.lists.title')}</h2>
        <ListTable ctx={ctx} caption={t('archive.lists.title')} hideCaption columns={listColumns} rows={props.lists} defaultSort="created" searchId="lists" />
      </section>
      <section aria-labelledby="holds-heading">
        <h2 id="holds-heading">{t('archive.holds.title')}</h2>
        <p>{t('archive.holds.lead')}</p>
        {props.canManage && (
          <>
            <ErrorSummary ctx={ctx} state={props.holdState} labels={{ reference: t('archive.hold.reference'), reason: t('archive.hold.reason') }} />
            <PostForm ctx={ctx} action={inCommittee('/arkiv/sparrar', committee)}>
              <TextField ctx={ctx} state={props.holdState} name="reference" label={t('archive.hold.reference')} hint={t('archive.hold.referenceHint')} required />
              <TextField ctx={ctx} state={props.holdState} name="reason" label={t('archive.hold.reason')} required />
              <button type="submit">{t('archive.hold.place')}</button>
            </PostForm>
            <h3>{t('archive.holds.title')}</h3>
          </>
        )}
        <ListTable ctx={ctx} caption={t('archive.holds.title')} hideCaption columns={holdColumns} rows={props.holds} defaultSort="placed" searchId="holds" />
      </section>
    </Layout>
  );
}

export function DisposalListPage(props: { ctx: ViewContext; committee: CommitteeShown; list: DisposalListRow; items: DisposalItemRow[]; canManage: boolean; canApprove: boolean; state: FormState }) {
  const { ctx, list, committee } = props;
  const { t } = ctx;
  const columns: Column<DisposalItemRow>[] = [
    { key: 'hid', label: t('archive.list.hid'), rowHeader: true, text: (i) => i.handlingId },
    { key: 'case', label: t('archive.list.case'), text: (i) => i.caseNumber },
    { key: 'description', label: t('archive.list.description'), text: (i) => i.description },
    { key: 'rule', label: t('archive.due.rule'), text: (i) => i.ruleText },
    { key: 'disposed', label: t('archive.list.disposedAt'), text: (i) => (i.disposedAt ? swedishDate(i.disposedAt) : '–') },
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.list.title', { date: swedishDate(list.createdAt) }), committee)} back={{ href: inCommittee('/arkiv/gallring', committee), label: t('archive.disposal.title') }}>
      <p>
        <strong>{listStatus(ctx, list)}</strong>
        {list.approvedAt && list.approvedByName && <> · {t('archive.list.approvedBy', { name: list.approvedByName, date: swedishDate(list.approvedAt) })}</>}
      </p>
      {list.executedAt && <p>{t('archive.list.executedAt', { date: swedishDate(list.executedAt) })}</p>}
      <ListTable ctx={ctx} caption={t('archive.list.documents')} columns={columns} rows={props.items} defaultSort="hid" searchId="items" />
      {list.status === 'proposed' && props.canApprove && (
        <section aria-labelledby="approve-heading">
          <h2 id="approve-heading">{t('archive.list.approve')}</h2>
          <ErrorSummary ctx={ctx} state={props.state} labels={{ approvedByName: t('archive.list.approverName') }} />
          <PostForm ctx={ctx} action={inCommittee(`/arkiv/gallring/${list.id}/godkann`, committee)}>
            <TextField ctx={ctx} state={props.state} name="approvedByName" label={t('archive.list.approverName')} required autocomplete="name" />
            <button type="submit">{t('archive.list.approve')}</button>
          </PostForm>
        </section>
      )}
      {list.status === 'approved' && props.canApprove && (
        <p>
          <a href={inCommittee(`/arkiv/gallring/${list.id}/verkstall`, committee)} class="button">
            {t('archive.list.execute')}
          </a>
        </p>
      )}
      {(list.status === 'proposed' || list.status === 'approved') && props.canManage && (
        <PostForm ctx={ctx} action={inCommittee(`/arkiv/gallring/${list.id}/avbryt`, committee)}>
          <button type="submit" class="secondary">
            {t('archive.list.cancel')}
          </button>
        </PostForm>
      )}
    </Layout>
  );
}

export function ConfirmDisposalPage({ ctx, committee, list, count }: { ctx: ViewContext; committee: CommitteeShown; list: DisposalListRow; count: number }) {
  const { t } = ctx;
  const listPath = inCommittee(`/arkiv/gallring/${list.id}`, committee);
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.confirm.title'), committee)} back={{ href: listPath, label: t('archive.list.title', { date: swedishDate(list.createdAt) }) }}>
      <p>{t('archive.confirm.text', { count })}</p>
      <PostForm ctx={ctx} action={inCommittee(`/arkiv/gallring/${list.id}/verkstall`, committee)}>
        <button type="submit" class="danger">
          {t('archive.confirm.button')}
        </button>{' '}
        <a href={listPath}>{t('common.cancel')}</a>
      </PostForm>
    </Layout>
  );
}
