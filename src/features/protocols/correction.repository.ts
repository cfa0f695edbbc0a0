/** SQL of rättelser (corrections) and certified extracts of a protocol. */
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { insertOne } from '../../platform/db/insert-one.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { selectFromParagraphs, selectFromProtocols } from './protocol-joins.repository.js';
import { protocolCorrections, protocolExtracts, protocolParagraphs, protocols } from './protocols.tables.js';

/** The protocol with the organisation that owns it. */
export async function findProtocolWithOwner(db: Db, protocolId: string) {
  const [row] = await selectFromProtocols(db, { protocol: protocols, organisationId: bodies.organisationId }).where(eq(protocols.id, protocolId));
  return row;
}

export async function listCorrections(db: Db, protocolId: string) {
  return db.select().from(protocolCorrections).where(eq(protocolCorrections.protocolId, protocolId)).orderBy(asc(protocolCorrections.number));
}

/** The highest correction number of the protocol, 0 before the first. */
export async function lastCorrectionNumber(db: Db, protocolId: string): Promise<number> {
  const [last] = await db.select({ n: max(protocolCorrections.number) }).from(protocolCorrections).where(eq(protocolCorrections.protocolId, protocolId));
  return last?.n ?? 0;
}

export async function insertCorrection(tx: Db, values: typeof protocolCorrections.$inferInsert): Promise<void> {
  await tx.insert(protocolCorrections).values(values);
}

/** A paragraph with its protocol, meeting, body and the settings of the body's organisation. */
export async function findParagraphForExtract(db: Db, paragraphId: string) {
  const [row] = await selectFromParagraphs(db, { paragraph: protocolParagraphs, protocol: protocols, meeting: meetings, bodyName: bodies.name, ownerId: bodies.organisationId, bodyKind: bodies.kind, settings: organisations.settings })
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .where(eq(protocolParagraphs.id, paragraphId));
  return row;
}

export async function insertExtract(tx: Db, values: typeof protocolExtracts.$inferInsert): Promise<{ id: string }> {
  return insertOne(tx.insert(protocolExtracts).values(values).returning({ id: protocolExtracts.id }));
}

/** The extract mails of a meeting with this subject, newest first. */
export async function listExtractMails(db: Db, meetingId: string, subject: string) {
  return db
    .select()
    .from(mailLog)
    .where(and(eq(mailLog.kind, 'extract'), eq(mailLog.meetingId, meetingId), eq(mailLog.subject, subject)))
    .orderBy(desc(mailLog.createdAt));
}
