/**
 * The demo's notices: the 2022-12-14 protocol announced on all 14 member municipalities' boards.
 * Justering in the demo (demo-protocols.ts) already creates them through the justering service,
 * posted on the day of justering (2022-12-19); this step only fills them in for a demo database
 * whose protocol became final before notices existed. Dates come from the protocol, never today.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Services } from '../../services.js';
import { meetings } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { protocols } from '../protocols/protocols.tables.js';
import { notices } from '../publication/publication.tables.js';
import { createNoticesOnFinal } from '../publication/create-notices.js';
import { DEMO_COMMITTEE_SLUG } from './demo-data.js';
import { DEMO_SEED_MEETING } from './demo-meetings-data.js';

export async function loadPublicationDemo(services: Services): Promise<void> {
  const db = services.database.db;
  const [row] = await db
    .select({ protocol: protocols })
    .from(protocols)
    .innerJoin(meetings, eq(meetings.id, protocols.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(organisations, eq(organisations.id, bodies.organisationId))
    .where(
      and(
        eq(organisations.slug, DEMO_COMMITTEE_SLUG),
        eq(bodies.kind, 'committee'),
        sql`to_char(${meetings.startsAt} at time zone 'Europe/Stockholm', 'YYYY-MM-DD') = ${DEMO_SEED_MEETING.time.date}`,
      ),
    );
  const protocol = row?.protocol;
  if (!protocol || protocol.status !== 'final' || !protocol.finalAt) return;
  const [existing] = await db.select({ id: notices.id }).from(notices).where(eq(notices.protocolId, protocol.id)).limit(1);
  if (existing) return;
  const at = protocol.finalAt;
  await db.transaction((tx) => createNoticesOnFinal(tx, { protocolId: protocol.id, at, actor: { userId: null, label: 'demo' } }));
}
