/**
 * Paper, Consultation and File from the registry (diarium).
 *
 * A Paper ("Drucksache") is the matter a body deliberates; in Kansli that is the case (ärende),
 * with its case number as `reference`. The files of the case's public documents are the Paper's
 * files, and each agenda item that handles the case is a Consultation. A case is published when
 * it has a public document or is handled on a published agenda under an item that is not secret;
 * secret and internal documents never become Files.
 */
import { formatCaseNumber, formatHandlingId } from '../../domain/case-number.js';
import type { PublicData } from './oparl.repository.js';
import { addTo, compact, iso, latest, originProperty, typeUri, type OparlObject } from './oparl.model.js';
import type { MeetingIndex } from './oparl.meetings.js';
import type { SnapshotBuilder } from './oparl.snapshot.js';

type ItemRow = PublicData['itemRows'][number];

const CONSULTATION_ROLE: Record<ItemRow['kind'], string> = { decision: 'Beslut', information: 'Information', election: 'Val' };

/** The cases published as Paper, each with the committee (Body) it belongs to. */
export function indexPapers(data: PublicData, mi: MeetingIndex): Map<string, string> {
  const committees = new Set(data.organisationRows.filter((o) => o.kind === 'committee').map((o) => o.id));
  const withPublicDocuments = new Set(data.documentRows.map((d) => d.caseId));
  const papers = new Map<string, string>();
  for (const row of data.caseRows) {
    const items = mi.itemsByCase.get(row.id) ?? [];
    const committeeId = committees.has(row.organisationId) ? row.organisationId : mi.meetings.get(items[0]?.meetingId ?? '')?.committeeId;
    if (committeeId && (withPublicDocuments.has(row.id) || items.length > 0)) papers.set(row.id, committeeId);
  }
  return papers;
}

/** Every version of a file of a public document, as File; by document. */
export function presentDocumentFiles(b: SnapshotBuilder, mi: MeetingIndex, papers: Map<string, string>): Map<string, OparlObject[]> {
  const { u, data } = b;
  const filesOf = new Map<string, PublicData['fileRows']>();
  for (const f of [...data.fileRows].sort((a, z) => a.version - z.version)) addTo(filesOf, f.documentId, f);
  const out = new Map<string, OparlObject[]>();
  for (const doc of data.documentRows) {
    const items = mi.itemsByDocument.get(doc.id) ?? [];
    const committeeId = papers.get(doc.caseId) ?? mi.meetings.get(items[0]?.meetingId ?? '')?.committeeId;
    if (!committeeId) continue;
    const hid = formatHandlingId({ year: doc.year, number: doc.number });
    for (const f of filesOf.get(doc.id) ?? []) {
      b.files.set(u.file(f.id), { kind: 'document', fileId: f.id, fileName: f.filename, mimeType: f.mimeType });
      const file = b.put(
        compact({
          id: u.file(f.id),
          type: typeUri('File'),
          name: `${hid} ${doc.description}${f.version > 1 ? ` (version ${f.version})` : ''}`,
          fileName: f.filename,
          mimeType: f.mimeType,
          date: doc.documentDate,
          size: f.size,
          accessUrl: u.fileAccess(f.id),
          downloadUrl: u.fileDownload(f.id),
          paper: papers.has(doc.caseId) ? [u.paper(doc.caseId)] : undefined,
          agendaItem: items.length > 0 ? items.map((i) => u.agendaItem(i.id)) : undefined,
          'kansli:sha256Checksum': f.sha256,
          ...originProperty(doc.origin),
          web: `${u.site}/diarium/${doc.id}`,
          created: iso(f.createdAt),
          modified: iso(latest(f.createdAt, doc.updatedAt)),
        }),
      );
      addTo(out, doc.id, file);
      b.list(u.bodyList(committeeId, 'file'), file);
    }
  }
  return out;
}

function presentConsultation(b: SnapshotBuilder, mi: MeetingIndex, caseId: string, item: ItemRow): OparlObject {
  const { u } = b;
  const meeting = mi.meetings.get(item.meetingId);
  return b.put(
    compact({
      id: u.consultation(item.id),
      type: typeUri('Consultation'),
      paper: u.paper(caseId),
      agendaItem: u.agendaItem(item.id),
      meeting: u.meeting(item.meetingId),
      organization: meeting ? [u.organization(meeting.bodyId)] : undefined,
      // An information item decides nothing on the matter.
      authoritative: item.kind !== 'information',
      role: CONSULTATION_ROLE[item.kind],
      created: iso(item.createdAt),
      modified: iso(item.updatedAt),
    }),
  );
}

export function presentPapers(b: SnapshotBuilder, mi: MeetingIndex, papers: Map<string, string>, filesByDocument: Map<string, OparlObject[]>): void {
  const { u, data } = b;
  for (const committeeId of new Set(data.organisationRows.filter((o) => o.kind === 'committee').map((o) => o.id))) {
    for (const list of ['paper', 'consultation', 'file'] as const) b.list(u.bodyList(committeeId, list));
  }
  const documentsOf = new Map<string, PublicData['documentRows']>();
  for (const d of data.documentRows) addTo(documentsOf, d.caseId, d);
  for (const row of data.caseRows) {
    const committeeId = papers.get(row.id);
    if (!committeeId) continue;
    const consultations = (mi.itemsByCase.get(row.id) ?? []).map((item) => presentConsultation(b, mi, row.id, item));
    const documents = (documentsOf.get(row.id) ?? []).sort((a, z) => a.year - z.year || a.number - z.number);
    const files = documents.flatMap((d) => filesByDocument.get(d.id) ?? []);
    const paper = b.put(
      compact({
        id: u.paper(row.id),
        type: typeUri('Paper'),
        body: u.body(committeeId),
        name: row.title,
        reference: formatCaseNumber({ year: row.year, runningNumber: row.number, classificationCode: row.classificationCode }),
        date: row.openedOn,
        paperType: 'Ärende',
        auxiliaryFile: files.length > 0 ? files : undefined,
        consultation: consultations.length > 0 ? consultations : undefined,
        web: `${u.site}/diarium/arenden/${row.id}`,
        ...originProperty(row.origin),
        created: iso(row.createdAt),
        modified: iso(latest(row.updatedAt, ...documents.map((d) => d.updatedAt), ...[...files, ...consultations].map((o) => new Date(o.modified)))),
      }),
    );
    b.list(u.bodyList(committeeId, 'paper'), paper);
    for (const c of consultations) b.list(u.bodyList(committeeId, 'consultation'), c);
  }
}
