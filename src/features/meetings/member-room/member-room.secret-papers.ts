/**
 * Secret papers in the members' room (issue 18): a member reads a secret paper of the meeting
 * after a second factor, when it is on the agenda, the committee's own, and no jäv is reported on
 * every item it belongs to. Anyone else is refused with the note to contact the secretary. Every
 * read is audited in the paper's organisation.
 */
import type { Config } from '../../../platform/config/config.js';
import type { Db } from '../../../platform/db/database.js';
import type { Clock } from '../../../platform/clock.js';
import { listReportsOfPerson } from './member-room.repository.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { mayReadSecretPaperAsMember } from '../../../domain/secret-papers.js';
import { actorOf } from '../../auth/auth.service.js';
import { assertCan, type Principal } from '../../../platform/auth/policy.js';
import { cooperationScope } from '../../organisation/scope.js';
import * as registryRepo from '../../registry/registry.repository.js';
import { presentDocument } from '../../registry/secrecy.js';
import { databaseFileStorage } from '../../registry/file-storage.js';
import { createStepUp, type StepUpInput } from '../../auth/step-up.js';
import type { RelyingParty } from '../../protocols/webauthn.js';
import { listItemDocumentIds, listItems } from '../meetings.repository.js';
import { memberRoomMessages as M } from './member-room.messages.js';
import type { MyMandate } from './member-room.rules.js';
import type { MeetingRow } from '../meetings.tables.js';

/** What the room knows of the reader: who, which meeting and body, and the mandate that calls them. */
interface Room {
  user: Principal;
  meeting: MeetingRow;
  body: { name: string; organisationId: string };
  mine: MyMandate;
  personId: string;
}

/** The domain's rule for a member's secret paper of this meeting (the paper is on its agenda). */
export function memberMayRead(room: Pick<Room, 'mine' | 'body'>, documentOrganisationId: string, javReported: boolean): boolean {
  return mayReadSecretPaperAsMember({ role: room.mine.role, onAgendaOfMeeting: true, ownCommitteePaper: documentOrganisationId === room.body.organisationId, javReported });
}

export function createSecretPaperReading(deps: { db: Db; config: Config; clock: Clock; requireRoom: (principal: Principal | null, meetingId: string) => Promise<Room> }) {
  const { db, config, clock, requireRoom } = deps;
  const stepUp = createStepUp({ db, config, clock });
  const readPurpose = (meetingId: string, documentId: string) => `read-secret:${meetingId}:${documentId}`;

  /** The paper with its latest files, if this member may read it; refused otherwise. */
  async function secretPaper(principal: Principal | null, meetingId: string, documentId: string) {
    const room = await requireRoom(principal, meetingId);
    assertCan(room.user, 'meetingRoom.use', await cooperationScope(db, room.body.organisationId));
    const items = await listItems(db, meetingId);
    const itemIds = (await listItemDocumentIds(db, items.map((i) => i.id))).filter((l) => l.documentId === documentId).map((l) => l.itemId);
    const doc = itemIds.length > 0 ? await registryRepo.findDocument(db, documentId) : undefined;
    if (!doc || doc.secrecy !== 'secret') throw notFound(M['room.err.paperNotFound']);
    const javs = await listReportsOfPerson(db, room.personId, { meetingId, type: 'jav' });
    const javReported = itemIds.every((id) => javs.some((j) => j.itemId === id));
    if (!memberMayRead(room, doc.organisationId, javReported)) throw new DomainError('FORBIDDEN', { message: 'not entitled to the secret paper', userMessage: M['room.doc.secret'] });
    const files = await registryRepo.listFiles(db, [doc.id]);
    const latest = new Map<string, (typeof files)[number]>();
    for (const f of files) latest.set(f.filename, f);
    return { room, doc, files: [...latest.values()] };
  }

  return {
    /** The page before a secret paper is read: the paper's entry, its files and the reader's second factors. */
    async secretPaperPage(principal: Principal | null, meetingId: string, documentId: string) {
      const { room, doc, files } = await secretPaper(principal, meetingId, documentId);
      const entry = presentDocument(doc, 'entry', []);
      return {
        meeting: { id: room.meeting.id, startsAt: room.meeting.startsAt },
        body: { name: room.body.name },
        document: { id: doc.id, handlingId: entry.handlingId, description: entry.description, secrecyProvision: doc.secrecyProvision },
        files: files.map((f) => ({ id: f.id, filename: f.filename, size: f.size })),
        ...(await stepUp.methods(room.user.userId)),
      };
    },

    /** Passkey options whose challenge names this paper. */
    async secretPaperPasskeyOptions(principal: Principal | null, meetingId: string, documentId: string, rp: RelyingParty) {
      const { room } = await secretPaper(principal, meetingId, documentId);
      return stepUp.passkeyOptions(room.user.userId, readPurpose(meetingId, documentId), rp);
    },

    /** Read one file of a secret paper after the second factor; every read is audited in the paper's organisation. */
    async readSecretPaper(principal: Principal | null, meetingId: string, documentId: string, fileId: string, input: StepUpInput | null, rp: RelyingParty) {
      const { room, doc, files } = await secretPaper(principal, meetingId, documentId);
      const file = files.find((f) => f.id === fileId);
      if (!file) throw notFound(M['room.err.paperNotFound']);
      const method = await stepUp.verify(room.user, input, readPurpose(meetingId, documentId), rp);
      const bytes = await databaseFileStorage.get(db, file.sha256);
      if (!bytes) throw notFound(M['room.err.paperNotFound']);
      await db.transaction((tx) =>
        recordAudit(tx, actorOf(room.user), { action: 'document.secret.read', entity: 'document', entityId: doc.id, after: { fileId: file.id, filename: file.filename, version: file.version, meetingId, method, as: room.mine.role }, organisationId: doc.organisationId }, clock()),
      );
      return { filename: file.filename, mimeType: file.mimeType, bytes };
    },
  };
}
