/** Reads for the e-archive delivery: what a year's delivery holds. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { swedishDate } from '../../platform/clock.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, people, type OrganisationRow } from '../organisation/organisation.tables.js';
import { protocolSnapshots, protocols } from '../protocols/protocols.tables.js';
import { cases, classificationCodes, documentFiles, documents } from '../registry/registry.tables.js';
import { fileBlobs } from '../../platform/db/file-blobs.tables.js';
import type { ProtocolDocument } from '../protocols/protocol.model.js';
import type { FrozenSignature } from '../protocols/protocol-snapshot.js';
import { formatCaseNumber, formatHandlingId } from '../../domain/case-number.js';
import type { ArchiveContent, ArchivedCaseInfo, ArchivedProtocolInfo } from './archive-content.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function closedCasesOfYear(db: Db, committeeId: string, year: number): Promise<ArchivedCaseInfo[]> {
  const caseRows = await db
    .select({ c: cases, responsible: people.name })
    .from(cases)
    .leftJoin(people, eq(people.id, cases.responsiblePersonId))
    .where(and(eq(cases.organisationId, committeeId), eq(cases.year, year), eq(cases.status, 'closed')))
    .orderBy(asc(cases.number));
  if (caseRows.length === 0) return [];
  const docRows = await db
    .select()
    .from(documents)
    .where(inArray(documents.caseId, caseRows.map((r) => r.c.id)))
    .orderBy(asc(documents.year), asc(documents.number));
  const fileRows = docRows.length
    ? await db.select().from(documentFiles).where(inArray(documentFiles.documentId, docRows.map((d) => d.id))).orderBy(asc(documentFiles.version))
    : [];
  return caseRows.map(({ c, responsible }) => ({
    id: c.id,
    caseNumber: formatCaseNumber({ year: c.year, runningNumber: c.number, classificationCode: c.classificationCode }),
    year: c.year,
    number: c.number,
    classificationCode: c.classificationCode,
    title: c.title,
    status: c.status,
    openedOn: c.openedOn,
    closedOn: c.closedOn,
    responsible,
    documents: docRows
      .filter((d) => d.caseId === c.id)
      .map((d) => ({
        id: d.id,
        handlingId: formatHandlingId({ year: d.year, number: d.number }),
        direction: d.direction,
        documentDate: d.documentDate,
        counterpart: d.counterpart,
        description: d.description,
        secrecy: d.secrecy,
        secrecyProvision: d.secrecyProvision,
        secrecyMarkedOn: d.secrecyMarkedOn,
        secrecyMarkedBy: d.secrecyMarkedBy,
        publicDescription: d.publicDescription,
        securityClass: d.securityClass,
        registeredAt: d.registeredAt.toISOString(),
        registeredBy: d.registeredBy,
        files: fileRows
          .filter((f) => f.documentId === d.id)
          .map((f) => ({ id: f.id, version: f.version, filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256, createdAt: f.createdAt.toISOString() })),
      })),
  }));
}

const ofYear = (committeeId: string, year: number) =>
  and(eq(bodies.organisationId, committeeId), eq(protocols.status, 'final'), sql`extract(year from ${meetings.startsAt} at time zone 'Europe/Stockholm') = ${year}`);

/** The ids of the final protocols of the committee's bodies whose meeting was held in the year. */
export async function finalProtocolIdsOfYear(db: Db, committeeId: string, year: number): Promise<string[]> {
  const rows = await db
    .select({ id: protocols.id })
    .from(protocols)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(ofYear(committeeId, year));
  return rows.map((r) => r.id);
}

/**
 * Final protocols of the committee's bodies whose meeting was held in the year (Swedish time), as
 * frozen at justering: the sealed full PDF, paragraphs and signatures from the snapshot.
 */
async function finalProtocolsOfYear(db: Db, committeeId: string, year: number): Promise<ArchivedProtocolInfo[]> {
  const rows = await db
    .select({ p: protocols, m: meetings, snapshot: protocolSnapshots, pdfSize: fileBlobs.size })
    .from(protocols)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(protocolSnapshots, eq(protocolSnapshots.protocolId, protocols.id))
    .innerJoin(fileBlobs, eq(fileBlobs.sha256, protocolSnapshots.fullPdfSha256))
    .where(ofYear(committeeId, year))
    .orderBy(asc(meetings.startsAt));
  const out: ArchivedProtocolInfo[] = [];
  for (const { p, m, snapshot, pdfSize } of rows) {
    const doc = snapshot.document as ProtocolDocument;
    const [body] = await db.select({ slug: bodies.slug }).from(bodies).where(eq(bodies.id, m.bodyId));
    out.push({
      id: p.id,
      bodyName: doc.bodyName,
      bodySlug: body?.slug ?? '',
      meetingDate: doc.meetingDate,
      place: doc.place,
      // The day it was adjusted (the last signature, Swedish date), not the planned one.
      justeringDate: p.finalAt ? swedishDate(p.finalAt) : p.justeringDate,
      finalAt: iso(p.finalAt) ?? '',
      canonicalSha256: p.canonicalSha256 ?? '',
      pdf: { sha256: snapshot.fullPdfSha256, size: pdfSize },
      paragraphs: doc.paragraphs.map((x) => ({ number: x.number, heading: x.heading, caseNumber: x.caseNumber })),
      signatures: (snapshot.signatures as FrozenSignature[]).map((s) => ({ role: s.role, method: s.method, signedAt: s.signedAt, name: s.name })),
    });
  }
  return out;
}

/** Everything a year's delivery holds: closed cases of the year and the year's final protocols. */
export async function loadArchiveContent(db: Db, committee: OrganisationRow, year: number): Promise<ArchiveContent> {
  const codes = await db
    .select({ code: classificationCodes.code, title: classificationCodes.title, retention: classificationCodes.retention })
    .from(classificationCodes)
    .where(eq(classificationCodes.organisationId, committee.id))
    .orderBy(asc(classificationCodes.code));
  return {
    committee: { name: committee.name, slug: committee.slug, identificationCode: committee.orgNumber ?? committee.slug },
    year,
    classificationCodes: codes,
    cases: await closedCasesOfYear(db, committee.id, year),
    protocols: await finalProtocolsOfYear(db, committee.id, year),
  };
}

export async function loadBlob(db: Db, sha256: string): Promise<Buffer> {
  const [row] = await db.select({ content: fileBlobs.content }).from(fileBlobs).where(eq(fileBlobs.sha256, sha256));
  if (!row) throw new Error(`stored file ${sha256} is missing`);
  return row.content;
}
