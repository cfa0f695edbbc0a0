/** SQL of /verifiera: a final protocol found by one of its SHA-256 sums, with its paragraphs and signatures. */
import { and, asc, eq, isNull, max, min, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../auth/auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations, people } from '../organisation/organisation.tables.js';
import { selectFromProtocolsWithCommittee } from './protocol-joins.repository.js';
import { protocolParagraphs, protocols, protocolSignatures, protocolSnapshots } from './protocols.tables.js';

/** The final protocol one of whose PDFs (or, with `withCanonical`, whose canonical form) has this lower-case sum. */
export async function findFinalProtocolByHash(db: Db, lower: string, withCanonical: boolean) {
  const [row] = await selectFromProtocolsWithCommittee(db, {
    id: protocols.id,
    canonical: protocols.canonicalSha256,
    sealed: protocols.sealedPdfSha256,
    public: protocols.publicPdfSha256,
    frozenFull: protocolSnapshots.fullPdfSha256,
    frozenPublic: protocolSnapshots.publicPdfSha256,
    sealLevel: protocolSnapshots.sealLevel,
    document: protocolSnapshots.document,
    frozenSignatures: protocolSnapshots.signatures,
    finalAt: protocols.finalAt,
    startsAt: meetings.startsAt,
    bodyName: bodies.name,
    organisationName: organisations.name,
  })
    .leftJoin(protocolSnapshots, eq(protocolSnapshots.protocolId, protocols.id))
    .where(
      and(
        eq(protocols.status, 'final'),
        or(
          sql`lower(${protocols.sealedPdfSha256}) = ${lower}`,
          sql`lower(${protocols.publicPdfSha256}) = ${lower}`,
          sql`lower(${protocolSnapshots.fullPdfSha256}) = ${lower}`,
          sql`lower(${protocolSnapshots.publicPdfSha256}) = ${lower}`,
          ...(withCanonical ? [sql`lower(${protocols.canonicalSha256}) = ${lower}`] : []),
        ),
      ),
    )
    .limit(1);
  return row;
}

/** The first and last § of the protocol. */
export async function paragraphRange(db: Db, protocolId: string) {
  const [range] = await db
    .select({ first: min(protocolParagraphs.number), last: max(protocolParagraphs.number) })
    .from(protocolParagraphs)
    .where(eq(protocolParagraphs.protocolId, protocolId));
  return range;
}

/** The standing signatures, with the signer's and the account's names, oldest first. */
export async function listStandingSignaturesWithNames(db: Db, protocolId: string) {
  return db
    .select({
      personName: people.name,
      userName: users.name,
      role: protocolSignatures.role,
      method: protocolSignatures.method,
      signedAt: protocolSignatures.signedAt,
      paragraph: protocolParagraphs.number,
      late: protocolSignatures.late,
      assuranceProvider: protocolSignatures.assuranceProvider,
      assuranceLevel: protocolSignatures.assuranceLevel,
      authenticatedAt: protocolSignatures.authenticatedAt,
    })
    .from(protocolSignatures)
    .innerJoin(users, eq(users.id, protocolSignatures.userId))
    .leftJoin(people, eq(people.id, protocolSignatures.personId))
    .leftJoin(protocolParagraphs, eq(protocolParagraphs.id, protocolSignatures.paragraphId))
    .where(and(eq(protocolSignatures.protocolId, protocolId), isNull(protocolSignatures.voidedAt)))
    .orderBy(asc(protocolSignatures.signedAt));
}
