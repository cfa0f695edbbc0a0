import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, TextField, type FormState } from '../../platform/views/forms.js';
import { swedishStamp } from '../../platform/time-format.js';
import type { ArchiveDeliveryRow } from './archive-export.service.js';
import { archiveBack, type CommitteeShown } from './plan.pages.js';
import { committeeTitle, inCommittee } from './committee-choice.js';

type ItemRow = { kind: 'case' | 'document' | 'file' | 'protocol'; objectId: string; path: string; sha256: string };

const statusText = (ctx: ViewContext, d: ArchiveDeliveryRow) => ctx.t(`archive.delivery.status.${d.status}`);
const when = swedishStamp;

export function DeliveriesPage({ ctx, committee, deliveries, canManage, state }: { ctx: ViewContext; committee: CommitteeShown; deliveries: ArchiveDeliveryRow[]; canManage: boolean; state: FormState }) {
  const { t } = ctx;
  const columns: Column<ArchiveDeliveryRow>[] = [
    { key: 'created', label: t('archive.delivery.created'), rowHeader: true, text: (d) => d.createdAt.toISOString(), render: (d) => <a href={inCommittee(`/arkiv/leveranser/${d.id}`, committee)}>{when(d.createdAt)}</a> },
    { key: 'year', label: t('archive.delivery.year'), numeric: true, text: (d) => d.year ?? 0 },
    { key: 'status', label: t('archive.delivery.status'), text: (d) => `${statusText(ctx, d)}${d.status === 'running' ? ` ${d.progress} %` : ''}` },
    { key: 'package', label: t('archive.delivery.package'), text: (d) => d.packageId, render: (d) => <code>{d.packageId}</code> },
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.deliveries.title'), committee)} back={archiveBack(ctx, committee)}>
      <p>{t('archive.deliveries.lead')}</p>
      {canManage && (
        <section aria-labelledby="start-heading">
          <h2 id="start-heading">{t('archive.delivery.start')}</h2>
          <ErrorSummary ctx={ctx} state={state} labels={{ year: t('archive.delivery.year') }} />
          <PostForm ctx={ctx} action={inCommittee('/arkiv/leveranser', committee)}>
            <TextField ctx={ctx} state={state} name="year" label={t('archive.delivery.year')} hint={t('archive.delivery.yearHint')} inputMode="numeric" required />
            <button type="submit">{t('archive.delivery.startButton')}</button>
          </PostForm>
          <p class="hint">{t('archive.cli', { slug: committee.slug })}</p>
        </section>
      )}
      <ListTable ctx={{ ...ctx, query: ctx.query.sort ? ctx.query : { ...ctx.query, sort: 'created', dir: 'desc' } }} caption={t('archive.deliveries.title')} hideCaption columns={columns} rows={deliveries} defaultSort="created" searchId="deliveries" />
    </Layout>
  );
}

/** A delivery with its progress bar; while it runs, the answer carries a Refresh header (no script needed). */
export function DeliveryPage({ ctx, committee, delivery, items, canDownload }: { ctx: ViewContext; committee: CommitteeShown; delivery: ArchiveDeliveryRow; items: ItemRow[]; canDownload: boolean }) {
  const { t } = ctx;
  const d = delivery.details as Record<string, string | number | undefined>;
  // Cases and documents are counted in the summary; the table lists the files with their checksums.
  const files = items.filter((i) => i.path !== '');
  const columns: Column<ItemRow>[] = [
    { key: 'kind', label: t('archive.delivery.kind'), text: (i) => t(`archive.kind.${i.kind}`) },
    { key: 'path', label: t('archive.delivery.path'), rowHeader: true, text: (i) => i.path, render: (i) => <span style="overflow-wrap: anywhere">{i.path}</span> },
    { key: 'sha', label: t('archive.checksum'), text: (i) => i.sha256, render: (i) => <code style="word-break: break-all">{i.sha256}</code> },
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.delivery.title', { year: delivery.year ?? '' }), committee)} back={{ href: inCommittee('/arkiv/leveranser', committee), label: t('archive.deliveries.title') }}>
      <dl class="facts">
        <dt>{t('archive.delivery.package')}</dt>
        <dd>
          <code>{delivery.packageId}</code>
        </dd>
        <dt>{t('archive.delivery.created')}</dt>
        <dd>{when(delivery.createdAt)}</dd>
        <dt>{t('archive.delivery.status')}</dt>
        <dd>
          <strong>{statusText(ctx, delivery)}</strong>
        </dd>
      </dl>
      <label for="delivery-progress">{t('archive.delivery.progress')}</label>{' '}
      <progress id="delivery-progress" max={100} value={delivery.progress}>
        {delivery.progress} %
      </progress>{' '}
      <span>{delivery.progress} %</span>
      {delivery.status === 'running' && (
        <p role="status">
          {t('archive.delivery.refreshing')} <a href={inCommittee(`/arkiv/leveranser/${delivery.id}`, committee)}>{t('archive.delivery.refresh')}</a>
        </p>
      )}
      {delivery.status === 'failed' && <p class="error-summary">{t('archive.delivery.error', { error: String(d.error ?? '') })}</p>}
      {delivery.status === 'done' && (
        <p>
          {t('archive.delivery.summary', { cases: d.cases ?? 0, documents: d.documents ?? 0, files: d.files ?? 0, protocols: d.protocols ?? 0, packageFiles: d.packageFiles ?? 0 })}
        </p>
      )}
      {delivery.status === 'done' && canDownload && d.zipSha256 && (
        <p>
          <a href={inCommittee(`/arkiv/leveranser/${delivery.id}/paket.zip`, committee)}>{t('archive.delivery.download')}</a>
        </p>
      )}
      {files.length > 0 && (
        <section aria-labelledby="items-heading">
          <h2 id="items-heading">{t('archive.delivery.items')}</h2>
          <ListTable ctx={ctx} caption={t('archive.delivery.items')} hideCaption columns={columns} rows={files} defaultSort="path" searchId="items" />
        </section>
      )}
    </Layout>
  );
}
