import type { Database, Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { DomainError, conflict, notFound, type UserMessage } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { assertCan, type Principal } from '../../platform/auth/policy.js';
import { actorOf } from '../auth/auth.service.js';
import { administeredScope } from '../organisation/scope.js';
import * as repo from './registry.repository.js';
import { caseNumberOf, indexCase, indexDocument } from './registry-index.js';
import { ZEditCase, ZEditDocument } from './registry.schema.js';
import type { CaseRow } from './registry.tables.js';

const CASE_NOT_FOUND = { sv: 'Ärendet finns inte.', en: 'The case does not exist.' };
const DOCUMENT_NOT_FOUND = { sv: 'Handlingen finns inte.', en: 'The document does not exist.' };

const closedMessage = (caseNumber: string): UserMessage => ({
  sv: `Ärendet ${caseNumber} är avslutat och dess uppgifter kan inte ändras. Återöppna ärendet först om en uppgift är fel.`,
  en: `Case ${caseNumber} is closed and its details cannot be changed. Reopen the case first if a detail is wrong.`,
});

type Field = { field: string; before: string | null; after: string | null };

/** The fields whose value differs, in the order given. */
function changedFields(before: Record<string, string | null>, after: Record<string, string | null>): Field[] {
  return Object.keys(after)
    .filter((k) => (before[k] ?? null) !== (after[k] ?? null))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/**
 * Corrections to a case's or a document's registered details while the case is open, each field's
 * change kept with who made it and when (shown on the case and document pages) and audited.
 */
export function createRegistryEditService(deps: { database: Database; clock: Clock }) {
  const db = deps.database.db;
  const { clock } = deps;

  async function openCase(tx: Db, caseId: string) {
    const row = await repo.findCase(tx, caseId);
    if (!row) throw notFound(CASE_NOT_FOUND);
    return row;
  }

  function refuseClosed(row: CaseRow) {
    if (row.status !== 'open') throw conflict(closedMessage(caseNumberOf(row)));
  }

  /** Person ids in a change are kept as names: the history reads as the registrar saw it. */
  async function responsibleNames(tx: Db, ids: (string | null)[]) {
    const names = await repo.personNames(tx, ids.filter((x): x is string => Boolean(x)));
    return (id: string | null) => (id ? (names.get(id) ?? id) : null);
  }

  return {
    /** Title, classification code and responsible person of an open case. Returns the changed fields. */
    async editCase(principal: Principal | null, caseId: string, raw: unknown): Promise<Field[]> {
      const current = await openCase(db, caseId);
      assertCan(principal, 'registry.write', await administeredScope(db, current.organisationId));
      refuseClosed(current);
      const input = parseInput(ZEditCase, raw);
      return db.transaction(async (tx) => {
        const row = await openCase(tx, caseId);
        refuseClosed(row);
        if (input.classificationCode !== row.classificationCode && !(await repo.findCode(tx, row.organisationId, input.classificationCode))) {
          const message = { sv: `Koden ${input.classificationCode} finns inte. Välj en kod ur listan.`, en: `The code ${input.classificationCode} does not exist. Choose one from the list.` };
          throw new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field: 'classificationCode', message }] });
        }
        const name = await responsibleNames(tx, [row.responsiblePersonId, input.responsiblePersonId ?? null]);
        const changes = changedFields(
          { title: row.title, classificationCode: row.classificationCode, responsiblePerson: name(row.responsiblePersonId) },
          { title: input.title, classificationCode: input.classificationCode, responsiblePerson: name(input.responsiblePersonId ?? null) },
        );
        if (changes.length === 0) return changes;
        const updated = await repo.updateCase(tx, caseId, { title: input.title, classificationCode: input.classificationCode, responsiblePersonId: input.responsiblePersonId ?? null, updatedAt: clock() });
        if (!updated) throw notFound(CASE_NOT_FOUND);
        const actor = actorOf(principal);
        await repo.insertChanges(tx, changes.map((c) => ({ ...c, organisationId: row.organisationId, entity: 'case' as const, entityId: caseId, changedBy: actor.label, changedAt: clock() })));
        await indexCase(tx, updated);
        // The case title and code are in its documents' search entries too.
        for (const doc of await repo.listDocumentsOfCase(tx, caseId)) await indexDocument(tx, doc, updated);
        await recordAudit(tx, actor, { action: 'case.edit', entity: 'case', entityId: caseId, before: Object.fromEntries(changes.map((c) => [c.field, c.before])), after: Object.fromEntries(changes.map((c) => [c.field, c.after])), organisationId: row.organisationId }, clock());
        return changes;
      });
    },

    /** Date, sender or recipient, description, security class and (for a secret one) provision and public description. */
    async editDocument(principal: Principal | null, documentId: string, raw: unknown): Promise<Field[]> {
      const current = await repo.findDocument(db, documentId);
      if (!current) throw notFound(DOCUMENT_NOT_FOUND);
      assertCan(principal, 'registry.write', await administeredScope(db, current.organisationId));
      refuseClosed(await openCase(db, current.caseId));
      const input = parseInput(ZEditDocument, raw);
      const secret = current.secrecy === 'secret';
      const fieldError = (field: string, message: UserMessage) => new DomainError('INVALID_INPUT', { userMessage: message, fieldErrors: [{ field, message }] });
      if (current.direction !== 'drawn_up' && !input.counterpart) {
        throw fieldError('counterpart', { sv: 'Ange avsändare eller mottagare för in- och utgående handlingar.', en: 'Give the sender or recipient of incoming and outgoing documents.' });
      }
      if (secret && !input.secrecyProvision) {
        throw fieldError('secrecyProvision', { sv: 'En sekretessmarkering måste ange bestämmelsen i offentlighets- och sekretesslagen: välj den ur listan.', en: 'A secrecy marking must name the provision of the secrecy act: choose it from the list.' });
      }
      return db.transaction(async (tx) => {
        const doc = await repo.findDocument(tx, documentId);
        if (!doc) throw notFound(DOCUMENT_NOT_FOUND);
        const caseRow = await openCase(tx, doc.caseId);
        refuseClosed(caseRow);
        const next = {
          documentDate: input.documentDate,
          counterpart: input.counterpart ?? null,
          description: input.description,
          securityClass: input.securityClass,
          ...(secret ? { secrecyProvision: input.secrecyProvision ?? null, publicDescription: input.publicDescription ?? null } : {}),
        };
        const changes = changedFields(
          { documentDate: doc.documentDate, counterpart: doc.counterpart, description: doc.description, securityClass: doc.securityClass, secrecyProvision: doc.secrecyProvision, publicDescription: doc.publicDescription },
          next,
        );
        if (changes.length === 0) return changes;
        const updated = await repo.updateDocument(tx, documentId, { ...next, updatedAt: clock() });
        if (!updated) throw notFound(DOCUMENT_NOT_FOUND);
        const actor = actorOf(principal);
        await repo.insertChanges(tx, changes.map((c) => ({ ...c, organisationId: doc.organisationId, entity: 'document' as const, entityId: documentId, changedBy: actor.label, changedAt: clock() })));
        await indexDocument(tx, updated, caseRow);
        if (updated.description !== doc.description) await repo.retitleFileEntries(tx, documentId, updated.description);
        await recordAudit(
          tx,
          actor,
          { action: 'document.edit', entity: 'document', entityId: documentId, before: Object.fromEntries(changes.map((c) => [c.field, c.before])), after: Object.fromEntries(changes.map((c) => [c.field, c.after])), organisationId: doc.organisationId, secret },
          clock(),
        );
        return changes;
      });
    },
  };
}

export type RegistryEditService = ReturnType<typeof createRegistryEditService>;
