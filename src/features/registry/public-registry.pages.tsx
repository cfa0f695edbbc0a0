import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import type { RegistryService } from './registry.service.js';
import { CaseDocuments, CaseFacts, type CaseDetail } from './case.pages.js';
import { DocumentFacts, type DocumentDetail } from './document.pages.js';
import { entryColumns, FileTable, newestFirst, RefLink } from './registry.views.js';

/**
 * The public registry (diarium): what anyone may see without signing in. Every page here is
 * rendered from the service's view for an anonymous reader, so a secret document shows only
 * its entry and an internal draft does not appear at all.
 */

type Entry = Awaited<ReturnType<RegistryService['listDocuments']>>[number];

export function PublicRegistryPage({ ctx, entries }: { ctx: ViewContext; entries: Entry[] }) {
  const { t } = ctx;
  const entry = entryColumns<Entry>(ctx, (d) => `/diarium/${d.id}`);
  const columns: Column<Entry>[] = [
    entry.hid,
    entry.date,
    { key: 'case', label: t('registry.case.number'), text: (d) => d.caseNumber, render: (d) => <RefLink href={`/diarium/arenden/${d.caseId}`}>{d.caseNumber}</RefLink> },
    { key: 'caseTitle', label: t('registry.case.title'), text: (d) => d.caseTitle },
    entry.direction,
    entry.description,
  ];
  return (
    <Layout ctx={ctx} title={t('registry.public.title')} back={{ href: '/' }}>
      <p>{t('registry.public.intro')}</p>
      <ListTable ctx={newestFirst(ctx, 'hid')} caption={t('registry.public.title')} hideCaption columns={columns} rows={entries} defaultSort="" searchId="registry" />
    </Layout>
  );
}

export function PublicEntryPage({ ctx, detail }: { ctx: ViewContext; detail: DocumentDetail }) {
  const { t } = ctx;
  const doc = detail.document;
  return (
    <Layout ctx={ctx} title={t('registry.doc.title', { hid: doc.handlingId })} back={{ href: '/diarium', label: t('registry.public.title') }}>
      {doc.secrecy === 'secret' && <p class="notice">{t('registry.public.secretNotice', { provision: doc.secrecyProvision ?? '' })}</p>}
      <DocumentFacts ctx={ctx} doc={doc} caseLink={{ href: `/diarium/arenden/${detail.case.id}`, label: `${detail.caseNumber} ${detail.case.title}` }} publicView />
      {doc.access === 'full' && (
        <>
          <h2>{t('registry.doc.files')}</h2>
          <FileTable ctx={ctx} files={doc.files} />
        </>
      )}
    </Layout>
  );
}

export function PublicCasePage({ ctx, detail }: { ctx: ViewContext; detail: CaseDetail }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={detail.case.title} back={{ href: '/diarium', label: t('registry.public.title') }}>
      <CaseFacts ctx={ctx} detail={detail} schemeLink={false} />
      <h2>{t('registry.public.caseDocuments')}</h2>
      <CaseDocuments ctx={ctx} documents={detail.documents} href={(d) => `/diarium/${d.id}`} showCounterpart={false} />
    </Layout>
  );
}
