import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { swedishDate } from '../../platform/clock.js';
import type { ArchivedObjectRow, ArchivedPackageRow } from './archive-import.service.js';
import { archiveBack, type CommitteeShown } from './plan.pages.js';
import { committeeTitle, inCommittee } from './committee-choice.js';

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

export function ArchivedListPage({ ctx, committee, packages }: { ctx: ViewContext; committee: CommitteeShown; packages: ArchivedPackageRow[] }) {
  const { t } = ctx;
  const columns: Column<ArchivedPackageRow>[] = [
    { key: 'label', label: t('archive.archived.label'), rowHeader: true, text: (p) => p.label || p.packageId, render: (p) => <a href={inCommittee(`/arkiv/arkiverat/${p.id}`, committee)}>{p.label || p.packageId}</a> },
    { key: 'package', label: t('archive.delivery.package'), text: (p) => p.packageId, render: (p) => <code>{p.packageId}</code> },
    { key: 'imported', label: t('archive.archived.imported'), text: (p) => swedishDate(p.importedAt) },
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('archive.archived.title'), committee)} back={archiveBack(ctx, committee)}>
      <p>{t('archive.archived.readOnly')}</p>
      {packages.length === 0 ? <p>{t('archive.archived.none', { slug: committee.slug })}</p> : <ListTable ctx={ctx} caption={t('archive.archived.title')} hideCaption columns={columns} rows={packages} defaultSort="imported" searchId="packages" />}
    </Layout>
  );
}

/** One package: its cases with documents and files, and its protocols; files downloadable, checksums shown. */
export function ArchivedPackagePage({ ctx, committee, pkg, objects, canReadSecret }: { ctx: ViewContext; committee: CommitteeShown; pkg: ArchivedPackageRow; objects: ArchivedObjectRow[]; canReadSecret: boolean }) {
  const { t } = ctx;
  const cases = objects.filter((o) => o.kind === 'case').sort((a, b) => Number(a.metadata.lopnummer) - Number(b.metadata.lopnummer));
  const documents = objects.filter((o) => o.kind === 'document');
  const files = objects.filter((o) => o.kind === 'file');
  const protocols = objects.filter((o) => o.kind === 'protocol');
  const isOpen = (d: ArchivedObjectRow) => d.metadata.sekretess === 'public' || canReadSecret;
  const FileLine = ({ f }: { f: ArchivedObjectRow }) => (
    <li>
      {isOpen(f) ? <a href={inCommittee(`/arkiv/arkiverat/filer/${f.id}`, committee)}>{f.title}</a> : <span>{f.title}</span>} <span class="hint">{t('archive.checksum')}</span> <code style="word-break: break-all">{f.sha256}</code>
    </li>
  );
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, pkg.label || pkg.packageId, committee)} back={{ href: inCommittee('/arkiv/arkiverat', committee), label: t('archive.archived.title') }}>
      <p>{t('archive.archived.readOnly')}</p>
      <dl class="facts">
        <dt>{t('archive.delivery.package')}</dt>
        <dd>
          <code>{pkg.packageId}</code>
        </dd>
        <dt>{t('archive.archived.imported')}</dt>
        <dd>{swedishDate(pkg.importedAt)}</dd>
      </dl>
      <h2>{t('archive.archived.protocols')}</h2>
      <ul>
        {protocols.map((p) => (
          <li>
            <a href={inCommittee(`/arkiv/arkiverat/filer/${p.id}`, committee)}>{p.title}</a> <span class="hint">{t('archive.checksum')}</span> <code style="word-break: break-all">{p.sha256}</code>
          </li>
        ))}
      </ul>
      <h2>{t('archive.archived.cases')}</h2>
      {cases.map((c) => (
        <section aria-labelledby={`case-${c.id}`}>
          <h3 id={`case-${c.id}`}>
            {str(c.metadata.diarienummer)} {c.title}
          </h3>
          <p class="hint">{t('archive.archived.closed', { date: str(c.metadata.avslutat) })}</p>
          <ul>
            {documents
              .filter((d) => d.metadata.diarienummer === c.metadata.diarienummer)
              .map((d) => (
                <li>
                  <strong>{str(d.metadata.hid)}</strong> {isOpen(d) ? d.title : str(d.metadata.offentligBeskrivning) || t('archive.archived.secretEntry')}
                  <ul>
                    {files
                      .filter((f) => f.metadata.handlingId === d.metadata.id)
                      .map((f) => (
                        <FileLine f={f} />
                      ))}
                  </ul>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
