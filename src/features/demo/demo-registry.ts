import { eq } from 'drizzle-orm';
import type { Services } from '../../services.js';
import { organisations } from '../organisation/organisation.tables.js';
import { cases, classificationCodes, documents } from '../registry/registry.tables.js';
import { renderTextPdf } from '../../platform/pdf/text-pdf.js';
import { formatHandlingId } from '../../domain/case-number.js';
import { DEMO_CASES, DEMO_CLASSIFICATION_CODES, DEMO_DOCUMENTS, type DemoCase } from './registry-demo-data.js';

const DEMO_REGISTRAR = { userId: null, label: 'Registrator (demo)' };

function safeFilename(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'handling'
  );
}

/** The day a demo case was opened: its first document's date, or the first of October. */
function openedOn(c: DemoCase): string {
  const dates = DEMO_DOCUMENTS.filter((d) => d.case.organisation === c.organisation && d.case.year === c.year && d.case.number === c.number).map((d) => d.date);
  return dates.sort()[0] ?? `${c.year}-10-01`;
}

/**
 * The seed's registry: the classification codes, the cases of §§ 19–25 and Luleå's § 227 with
 * their real numbers, and their documents with their real ids, each with a PDF made from its text.
 * Idempotent, like the rest of the demo.
 */
export async function loadRegistryDemo(services: Services): Promise<{ cases: number; documents: number }> {
  const db = services.database.db;
  const orgIds = new Map<string, string>();
  for (const slug of new Set(DEMO_CASES.map((c) => c.organisation))) {
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
    if (!org) throw new Error(`demo organisation ${slug} is missing`);
    orgIds.set(slug, org.id);
    for (const code of DEMO_CLASSIFICATION_CODES) {
      await db.insert(classificationCodes).values({ organisationId: org.id, ...code }).onConflictDoNothing();
    }
  }
  const caseIds = new Map<string, string>();
  for (const c of DEMO_CASES) {
    const organisationId = orgIds.get(c.organisation) ?? '';
    const row = await services.registry.importCase(DEMO_REGISTRAR, {
      organisationId,
      year: c.year,
      number: c.number,
      classificationCode: c.code,
      title: c.title,
      status: c.status,
      openedOn: openedOn(c),
    });
    await db.update(cases).set({ origin: c.invented ? 'demo' : 'seed' }).where(eq(cases.id, row.id));
    caseIds.set(`${c.organisation}/${c.year}/${c.number}`, row.id);
  }
  for (const d of DEMO_DOCUMENTS) {
    const caseId = caseIds.get(`${d.case.organisation}/${d.case.year}/${d.case.number}`);
    if (!caseId) throw new Error(`demo document ${d.year}.${d.number} has no case`);
    const hid = formatHandlingId({ year: d.year, number: d.number });
    const pdf = await renderTextPdf({ title: d.description, subtitle: `${d.counterpart} · ${d.date} · Hid ${hid} · ${d.securityClass}`, text: d.text });
    const doc = await services.registry.importDocument(DEMO_REGISTRAR, {
      caseId,
      year: d.year,
      number: d.number,
      secrecyMarkedBy: d.secrecyMarkedBy,
      document: {
        direction: d.direction,
        documentDate: d.date,
        counterpart: d.counterpart,
        description: d.description,
        secrecy: d.secrecy,
        secrecyProvision: d.secrecyProvision,
        secrecyMarkedOn: d.secrecyMarkedAt,
        publicDescription: d.publicDescription,
        securityClass: d.securityClass,
      },
      file: { filename: `${hid}-${safeFilename(d.description)}.pdf`, bytes: pdf },
    });
    await db.update(documents).set({ origin: d.invented ? 'demo' : 'seed' }).where(eq(documents.id, doc.id));
  }
  return { cases: DEMO_CASES.length, documents: DEMO_DOCUMENTS.length };
}
