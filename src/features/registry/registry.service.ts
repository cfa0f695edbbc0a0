import type { Config } from '../../platform/config/config.js';
import type { Database, Db } from '../../platform/db/database.js';
import { swedishDate, type Clock } from '../../platform/clock.js';
import type { DocumentRow, CaseRow, DocumentFileRow } from './registry.tables.js';
import { setSearchVisibility } from '../search/search.repository.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { formatHandlingId } from '../../domain/case-number.js';
import { mayBeInternal, publicRecordState } from '../../domain/public-records.js';
import { actorOf } from '../auth/auth.service.js';
import { assertCan, can, type Principal } from '../../platform/auth/policy.js';
import { administeredScope, cooperationScope } from '../organisation/scope.js';
import { caseNumberOf, indexCase, indexDocument, indexFile, visibilityOf } from './registry-index.js';
import * as repo from './registry.repository.js';
import { ZCreateCase, ZCreateDocument, ZImportedCode, type TCreateDocument } from './registry.schema.js';
import { databaseFileStorage, type FileStorage } from './file-storage.js';
import { documentAccessFor, presentDocument, type PresentedDocument } from './secrecy.js';
import { parseCodesCsv } from './codes-csv.js';
import { detectFileType } from './files/file-types.js';
import { assertFileSize } from '../../platform/http/file-size.js';
import type { ExtractionResult } from './files/text-extraction.js';
import { markCut, sharedTextExtractor, type TextExtractor } from './files/extract-isolated.js';
import { extractionNotice } from './files/extraction-notice.js';
import type { UserMessage } from '../../platform/errors.js';

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/** An upload checked and read before the transaction that stores it opens. */
interface PreparedFile extends UploadedFile {
  readonly mimeType: string;
  readonly extracted: ExtractionResult;
}

const CASE_NOT_FOUND = { sv: 'Ärendet finns inte.', en: 'The case does not exist.' };
const DOCUMENT_NOT_FOUND = { sv: 'Handlingen finns inte.', en: 'The document does not exist.' };

export { caseNumberOf } from './registry-index.js';

export function createRegistryService(deps: { database: Database; config: Config; clock: Clock; storage?: FileStorage; extractor?: TextExtractor }) {
  const db = deps.database.db;
  const { clock, config } = deps;
  const storage = deps.storage ?? databaseFileStorage;
  const extractor = deps.extractor ?? sharedTextExtractor();
  const currentYear = () => Number(swedishDate(clock()).slice(0, 4));

  /** Whose grants count for writing in an organisation's registry: its own, and its committee's for a member. */
  const orgScope = (organisationId: string) => administeredScope(db, organisationId);

  async function requireOrgBySlug(slug: string) {
    const orgs = await repo.organisationSlugs(db);
    for (const [id, org] of orgs) if (org.slug === slug) return { id, ...org };
    throw notFound({ sv: 'Organisationen finns inte.', en: 'The organisation does not exist.' });
  }

  async function requireCase(tx: Db, id: string) {
    const found = await repo.findCase(tx, id);
    if (!found) throw notFound(CASE_NOT_FOUND);
    return found;
  }

  async function assertKnownCode(tx: Db, organisationId: string, code: string) {
    if (!(await repo.findCode(tx, organisationId, code))) {
      throw new DomainError('INVALID_INPUT', {
        userMessage: { sv: `Klassificeringskoden ${code} finns inte i klassificeringsstrukturen.`, en: `The classification code ${code} is not in the classification scheme.` },
        fieldErrors: [{ field: 'classificationCode', message: { sv: `Koden ${code} finns inte. Välj en kod ur listan.`, en: `The code ${code} does not exist. Choose one from the list.` } }],
      });
    }
  }

  /**
   * Type and size checked, text extracted for search in a worker (extract-isolated.ts), all before
   * any transaction opens. A file whose text is cut short or unreadable is still stored: the
   * registry keeps what was received (TF 2:9); only its search text is incomplete, and marked so.
   */
  async function prepareFile(file: UploadedFile): Promise<PreparedFile> {
    assertFileSize({ size: file.bytes.length, maxBytes: config.maxFileBytes });
    const type = detectFileType({ filename: file.filename, bytes: file.bytes });
    const extracted = await extractor.extract({ kind: type.kind, bytes: file.bytes });
    return { ...file, mimeType: type.mimeType, extracted: { ...extracted, text: markCut(extracted.text, extracted.cut) } };
  }

  /** Store a prepared file as the document's next version. */
  async function attachFile(tx: Db, doc: DocumentRow, caseRow: CaseRow, file: PreparedFile, actor: Actor) {
    const { extracted } = file;
    const existing = await repo.listFiles(tx, [doc.id]);
    const version = existing.reduce((max, f) => Math.max(max, f.version), 0) + 1;
    const stored = await storage.put(tx, file.bytes);
    const row = await repo.insertFile(tx, { documentId: doc.id, version, filename: file.filename, mimeType: file.mimeType, size: stored.size, sha256: stored.sha256, textContent: extracted.text, createdBy: actor.label });
    await indexFile(tx, doc, caseRow, row);
    await recordAudit(tx, actor, { action: 'file.add', entity: 'document', entityId: doc.id, after: { filename: file.filename, version, sha256: stored.sha256, size: stored.size }, organisationId: doc.organisationId, secret: doc.secrecy === 'secret' }, clock());
    return row;
  }

  async function insertDocument(tx: Db, input: TCreateDocument, caseRow: CaseRow, actor: Actor, number?: { year: number; number: number; secrecyMarkedBy?: string }) {
    const year = number?.year ?? currentYear();
    const n = number ? number.number : await repo.takeNextNumber(tx, { organisationId: caseRow.organisationId, series: 'document', year });
    if (number) await repo.reserveNumber(tx, { organisationId: caseRow.organisationId, series: 'document', year, number: n });
    if (!mayBeInternal({ direction: input.direction, caseOpen: caseRow.status === 'open' }) && input.secrecy === 'internal') {
      const message = {
        sv: 'Ärendet är avslutat: en upprättad handling i ett avslutat ärende är en allmän handling (TF 2 kap. 10 §) och kan inte vara intern. Välj offentlig, eller sekretess med bestämmelse.',
        en: 'The case is closed: a drawn-up document in a closed case is a public record (TF 2:10) and cannot be internal. Choose public, or secret with a provision.',
      };
      throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'secrecy', message }] });
    }
    const secret = input.secrecy === 'secret';
    const doc = await repo.insertDocument(tx, {
          organisationId: caseRow.organisationId,
          year,
          number: n,
          caseId: caseRow.id,
          direction: input.direction,
          documentDate: input.documentDate,
          counterpart: input.counterpart ?? null,
          description: input.description,
          secrecy: input.secrecy,
          secrecyProvision: secret ? (input.secrecyProvision ?? null) : null,
          secrecyMarkedOn: secret ? (input.secrecyMarkedOn ?? swedishDate(clock())) : null,
          secrecyMarkedBy: secret ? (number?.secrecyMarkedBy ?? actor.label) : null,
          publicDescription: secret ? (input.publicDescription ?? `Sekretessbelagd handling (${input.secrecyProvision ?? ''})`) : null,
          securityClass: input.securityClass,
          registeredAt: clock(),
          registeredBy: actor.label,
        });
    await indexDocument(tx, doc, caseRow);
    await recordAudit(tx, actor, { action: 'document.register', entity: 'document', entityId: doc.id, after: { id: formatHandlingId({ year, number: n }), caseId: caseRow.id, secrecy: doc.secrecy }, organisationId: doc.organisationId }, clock());
    return doc;
  }

  /**
   * What a reader may see of an organisation's registry: its public and internal material when it
   * holds a role in the cooperation, its secrets only with the right in the owning organisation
   * itself (a member municipality's role never reads the committee's secrets). Memoised per call.
   */
  function readerCache(principal: Principal | null) {
    const cache = new Map<string, Promise<{ signedIn: boolean; canReadSecret: boolean }>>();
    return (organisationId: string) => {
      let found = cache.get(organisationId);
      if (!found) {
        found = (async () => ({
          signedIn: principal ? can(principal, 'registry.read', await cooperationScope(db, organisationId)) : false,
          canReadSecret: principal ? can(principal, 'registry.readSecret', await orgScope(organisationId)) : false,
        }))();
        cache.set(organisationId, found);
      }
      return found;
    };
  }

  /**
   * TF 2:10: when a case is settled its drawn-up drafts become public records, public since no
   * secrecy provision is recorded for them; their search entries follow in the same transaction.
   */
  async function publishSettledDrafts(tx: Db, caseRow: CaseRow, actor: Actor) {
    for (const doc of await repo.listDocumentsOfCase(tx, caseRow.id)) {
      const state = publicRecordState({ secrecy: doc.secrecy, direction: doc.direction, caseOpen: caseRow.status === 'open' });
      if (state === doc.secrecy) continue;
      const updated = await repo.updateDocument(tx, doc.id, { secrecy: state, updatedAt: clock() });
      if (!updated) continue;
      await indexDocument(tx, updated, caseRow);
      const fileIds = (await repo.listFiles(tx, [doc.id])).map((f) => f.id);
      await setSearchVisibility(tx, 'file', fileIds, visibilityOf(state));
      await recordAudit(tx, actor, { action: 'document.public', entity: 'document', entityId: doc.id, before: { secrecy: doc.secrecy }, after: { secrecy: state, rule: 'TF 2:10' }, organisationId: doc.organisationId }, clock());
    }
  }
  const readerOf = (principal: Principal | null, organisationId: string) => readerCache(principal)(organisationId);

  return {
    caseNumberOf,

    async listCodes(principal: Principal | null, orgSlug: string) {
      const org = await requireOrgBySlug(orgSlug);
      assertCan(principal, 'registry.read', await cooperationScope(db, org.id));
      return repo.listCodes(db, org.id);
    },

    /** Import a classification scheme from CSV (code, title, retention); all rows valid or none saved. */
    async importCodes(principal: Principal | null, orgSlug: string, csvText: string): Promise<number> {
      const org = await requireOrgBySlug(orgSlug);
      assertCan(principal, 'registry.manageScheme', await orgScope(org.id));
      const rows = parseCodesCsv(csvText).map((r) => parseInput(ZImportedCode, r));
      await db.transaction(async (tx) => {
        for (const row of rows) {
          await repo.upsertCode(tx, { organisationId: org.id, ...row });
        }
        await recordAudit(tx, actorOf(principal), { action: 'classification.import', entity: 'organisation', entityId: org.id, after: { codes: rows.length }, organisationId: org.id }, clock());
      });
      return rows.length;
    },

    /** Open a case: the next running number of this year, gapless under concurrency. */
    async createCase(principal: Principal | null, orgSlug: string, raw: unknown): Promise<CaseRow> {
      const org = await requireOrgBySlug(orgSlug);
      assertCan(principal, 'registry.write', await orgScope(org.id));
      const input = parseInput(ZCreateCase, raw);
      return db.transaction(async (tx) => {
        await assertKnownCode(tx, org.id, input.classificationCode);
        const year = currentYear();
        const number = await repo.takeNextNumber(tx, { organisationId: org.id, series: 'case', year });
        const row = await repo.insertCase(tx, { organisationId: org.id, year, number, classificationCode: input.classificationCode, title: input.title, responsiblePersonId: input.responsiblePersonId ?? null, openedOn: swedishDate(clock()) });
        await indexCase(tx, row);
        await recordAudit(tx, actorOf(principal), { action: 'case.create', entity: 'case', entityId: row.id, after: { number: caseNumberOf(row), title: row.title }, organisationId: row.organisationId }, clock());
        return row;
      });
    },

    async setCaseStatus(principal: Principal | null, caseId: string, status: 'open' | 'closed'): Promise<void> {
      const row = await requireCase(db, caseId);
      assertCan(principal, 'registry.write', await orgScope(row.organisationId));
      await db.transaction(async (tx) => {
        await repo.updateCase(tx, caseId, { status, closedOn: status === 'closed' ? swedishDate(clock()) : null, updatedAt: clock() });
        if (status === 'closed') await publishSettledDrafts(tx, { ...row, status }, actorOf(principal));
        await recordAudit(tx, actorOf(principal), { action: status === 'closed' ? 'case.close' : 'case.reopen', entity: 'case', entityId: caseId, before: { status: row.status }, after: { status }, organisationId: row.organisationId }, clock());
      });
    },

    /** A case with the documents this reader may see (secret ones as registry entries only). */
    async getCase(principal: Principal | null, caseId: string) {
      const row = await requireCase(db, caseId);
      // Outside the cooperation (or anonymous) a reader sees the case as the public registry shows it.
      const reader = await readerOf(principal, row.organisationId);
      const docs = await repo.listDocumentsOfCase(db, caseId);
      const files = await repo.listFiles(db, docs.map((d) => d.id));
      const presented: PresentedDocument[] = [];
      for (const doc of docs) {
        const access = documentAccessFor({ secrecy: doc.secrecy, ...reader });
        if (access !== 'none') presented.push(presentDocument(doc, access, files));
      }
      const org = (await repo.organisationSlugs(db)).get(row.organisationId);
      const changes = reader.signedIn ? await repo.listChanges(db, 'case', row.id) : [];
      return { case: row, caseNumber: caseNumberOf(row), organisation: org, documents: presented, changes, decisions: await repo.decisionsOfCase(db, row.id), canWrite: can(principal, 'registry.write', await orgScope(row.organisationId)) };
    },

    /** The cases of the cooperations the reader takes part in. */
    async listCases(principal: Principal | null) {
      const rows = await repo.listCases(db);
      const orgs = await repo.organisationSlugs(db);
      const reader = readerCache(principal);
      const writable = new Map<string, boolean>();
      const out = [];
      for (const row of rows) {
        if (!(await reader(row.organisationId)).signedIn) continue;
        if (!writable.has(row.organisationId)) writable.set(row.organisationId, can(principal, 'registry.write', await orgScope(row.organisationId)));
        out.push({ ...row, caseNumber: caseNumberOf(row), organisationName: orgs.get(row.organisationId)?.name ?? '', canWrite: writable.get(row.organisationId) ?? false });
      }
      return out;
    },

    /** `textNotice` tells the registrar when the file's text could be read only in part, or not at all. */
    async registerDocument(principal: Principal | null, raw: unknown, file?: UploadedFile): Promise<DocumentRow & { textNotice?: UserMessage }> {
      const input = parseInput(ZCreateDocument, raw);
      const caseRow = await requireCase(db, input.caseId);
      assertCan(principal, 'registry.write', await orgScope(caseRow.organisationId));
      const prepared = file ? await prepareFile(file) : undefined;
      const doc = await db.transaction(async (tx) => {
        const row = await insertDocument(tx, input, caseRow, actorOf(principal));
        if (prepared) await attachFile(tx, row, caseRow, prepared, actorOf(principal));
        return row;
      });
      const textNotice = prepared && extractionNotice(prepared.extracted);
      return textNotice ? { ...doc, textNotice } : doc;
    },

    /** A new version of a document's file; the earlier versions are kept. */
    async addFileVersion(principal: Principal | null, documentId: string, file: UploadedFile): Promise<DocumentFileRow & { textNotice?: UserMessage }> {
      const doc = await repo.findDocument(db, documentId);
      if (!doc) throw notFound(DOCUMENT_NOT_FOUND);
      assertCan(principal, 'registry.write', await orgScope(doc.organisationId));
      if (doc.disposedOn) throw conflict({ sv: `Handlingen gallrades ${doc.disposedOn}; den kan inte få nya filer. Registrera en ny handling.`, en: `The document was disposed of on ${doc.disposedOn}; it cannot get new files. Register a new document.` });
      const caseRow = await requireCase(db, doc.caseId);
      const prepared = await prepareFile(file);
      const row = await db.transaction((tx) => attachFile(tx, doc, caseRow, prepared, actorOf(principal)));
      const textNotice = extractionNotice(prepared.extracted);
      return textNotice ? { ...row, textNotice } : row;
    },

    /** A document as this reader may see it; an internal draft does not exist for the public. */
    async getDocument(principal: Principal | null, documentId: string) {
      const doc = await repo.findDocument(db, documentId);
      if (!doc) throw notFound(DOCUMENT_NOT_FOUND);
      const access = documentAccessFor({ secrecy: doc.secrecy, ...(await readerOf(principal, doc.organisationId)) });
      if (access === 'none') throw notFound(DOCUMENT_NOT_FOUND);
      const caseRow = await requireCase(db, doc.caseId);
      // The history of a secret document's details would reveal them: only the full reader sees it.
      const changes = access === 'full' && principal ? await repo.listChanges(db, 'document', doc.id) : [];
      const canWrite = can(principal, 'registry.write', await orgScope(doc.organisationId));
      // What the correction form starts with: only for those who may write and see it all.
      const editValues =
        canWrite && access === 'full'
          ? { documentDate: doc.documentDate, counterpart: doc.counterpart ?? '', description: doc.description, securityClass: doc.securityClass, secrecyProvision: doc.secrecyProvision ?? '', publicDescription: doc.publicDescription ?? '' }
          : undefined;
      return { document: presentDocument(doc, access, await repo.listFiles(db, [doc.id])), case: caseRow, caseNumber: caseNumberOf(caseRow), changes, editValues, canWrite };
    },

    /** The public registry (or the signed-in view of it): every registered document the reader may know of. */
    async listDocuments(principal: Principal | null) {
      const docs = principal ? await repo.listAllDocuments(db) : await repo.listRegisteredDocuments(db);
      const caseRows = new Map((await repo.listCases(db)).map((c) => [c.id, c]));
      const out: (PresentedDocument & { caseNumber: string; caseTitle: string })[] = [];
      const reader = readerCache(principal);
      for (const doc of docs) {
        const caseRow = caseRows.get(doc.caseId);
        if (!caseRow) continue;
        const access = documentAccessFor({ secrecy: doc.secrecy, ...(await reader(doc.organisationId)) });
        if (access === 'none') continue;
        out.push({ ...presentDocument(doc, access, []), caseNumber: caseNumberOf(caseRow), caseTitle: caseRow.title });
      }
      return out;
    },

    /** File bytes for download, only when the reader may see the whole document. */
    async getFile(principal: Principal | null, fileId: string) {
      const file = await repo.findFile(db, fileId);
      const doc = file ? await repo.findDocument(db, file.documentId) : undefined;
      if (!file || !doc) throw notFound({ sv: 'Filen finns inte.', en: 'The file does not exist.' });
      const access = documentAccessFor({ secrecy: doc.secrecy, ...(await readerOf(principal, doc.organisationId)) });
      if (access === 'none') throw notFound({ sv: 'Filen finns inte.', en: 'The file does not exist.' });
      if (access === 'entry') {
        throw new DomainError('FORBIDDEN', {
          userMessage: { sv: 'Handlingen omfattas av sekretess och filen kan inte visas. Begär ut handlingen hos registrator för en sekretessprövning.', en: 'The document is covered by secrecy and the file cannot be shown. Request it from the registrar for a secrecy review.' },
        });
      }
      const bytes = await storage.get(db, file.sha256);
      if (!bytes) throw notFound({ sv: 'Filens innehåll saknas.', en: 'The file content is missing.' });
      return { file, bytes, secrecy: doc.secrecy };
    },

    /** For the demo and migrations: a case with its real, historical number. Idempotent. */
    async importCase(actor: Actor, input: { organisationId: string; year: number; number: number; classificationCode: string; title: string; status: 'open' | 'closed'; openedOn: string }) {
      return db.transaction(async (tx) => {
        const existing = await repo.findCaseByNumber(tx, input.organisationId, input.year, input.number);
        if (existing) return existing;
        await assertKnownCode(tx, input.organisationId, input.classificationCode);
        await repo.reserveNumber(tx, { organisationId: input.organisationId, series: 'case', year: input.year, number: input.number });
        const row = await repo.insertCase(tx, { ...input, closedOn: input.status === 'closed' ? input.openedOn : null });
        await indexCase(tx, row);
        await recordAudit(tx, actor, { action: 'case.import', entity: 'case', entityId: row.id, after: { number: caseNumberOf(row) }, organisationId: row.organisationId }, clock());
        return row;
      });
    },

    /** For the demo and migrations: a document with its real id, and optionally a file. Idempotent. */
    async importDocument(actor: Actor, input: { caseId: string; year: number; number: number; document: unknown; secrecyMarkedBy?: string; file?: UploadedFile }) {
      const parsed = parseInput(ZCreateDocument, { ...(input.document as object), caseId: input.caseId });
      const caseRow = await requireCase(db, input.caseId);
      const prepared = input.file && !(await repo.findDocumentByNumber(db, caseRow.organisationId, input.year, input.number)) ? await prepareFile(input.file) : undefined;
      return db.transaction(async (tx) => {
        const existing = await repo.findDocumentByNumber(tx, caseRow.organisationId, input.year, input.number);
        if (existing) return existing;
        const doc = await insertDocument(tx, parsed, caseRow, actor, { year: input.year, number: input.number, ...(input.secrecyMarkedBy ? { secrecyMarkedBy: input.secrecyMarkedBy } : {}) });
        if (prepared) await attachFile(tx, doc, caseRow, prepared, actor);
        return doc;
      });
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
