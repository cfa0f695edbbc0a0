/**
 * The demo's work in progress (issue 18): a committee meeting held the day before the demo was
 * loaded, closed, whose protocol is locked and waits for the chair's and the adjuster's justering.
 * The protocol is drafted and locked through the protocol service as the demo secretary, so the
 * chair and the adjuster get the e-mail with the link (in the outbox without SMTP) and the chair's
 * start page lists it. Everything in it is invented: the meeting and its items are marked origin
 * 'demo' ("Exempeldata"). Idempotent: the committee's one
 * closed meeting after the seed's is this meeting; a second run only finishes what is missing.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Services } from '../../services.js';
import { agendaItems, attendanceEvents, meetings, propositions } from '../meetings/meetings.tables.js';
import { bodies, organisations } from '../organisation/organisation.tables.js';
import { protocols } from '../protocols/protocols.tables.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { swedishDate } from '../../platform/clock.js';
import { addDays } from '../../domain/index.js';
import { findUserByEmail, listGrants } from '../auth/auth.repository.js';
import { stockholmToInstant } from '../meetings/calendar.js';
import { listMandatesOn } from '../meetings/meetings.repository.js';
import { DEMO_COMMITTEE_SLUG, DEMO_LOGIN_EMAILS } from './demo-data.js';
import { DEMO_SEED_MEETING } from './demo-meetings-data.js';

const DEMO_ACTOR: Actor = { userId: null, label: 'demo' };

/** Invented items of the recent meeting: a decision and a piece of information. */
export const DEMO_RECENT_ITEMS = [
  {
    kind: 'decision' as const,
    heading: 'Uppföljning av verksamhetsplanen, delår',
    proposal: 'E-nämnden beslutar att godkänna uppföljningen och lägga den till handlingarna.',
    summary: 'Samordnaren redovisar hur verksamhetsplanens mål har följts upp hittills under året.',
    proposition: 'Att godkänna uppföljningen och lägga den till handlingarna',
  },
  {
    kind: 'information' as const,
    heading: 'Information om pågående gemensamma projekt',
    proposal: 'E-nämnden beslutar att lägga informationen till handlingarna.',
    summary: 'Projektledarna berättar om läget i de gemensamma projekten.',
    proposition: 'Att lägga informationen till handlingarna',
  },
];

const TIME = { startTime: '13:00', endTime: '15:00', place: 'Stadshuset, Luleå' };

function instant(date: string, time: string): Date {
  const at = stockholmToInstant(date, time);
  if (!at) throw new Error(`demo time ${date} ${time} does not exist`);
  return at;
}

/** The closed meeting held yesterday, written as a live meeting would leave it: everyone present, each item handled. */
async function createRecentMeeting(services: Services, committeeId: string, committeeBodyId: string, adjusterMunicipalityId: string | undefined): Promise<void> {
  const now = services.clock();
  const date = addDays(swedishDate(now), -1);
  const startsAt = instant(date, TIME.startTime);
  const closedAt = instant(date, TIME.endTime);
  await services.database.db.transaction(async (tx) => {
    const called = await listMandatesOn(tx, committeeBodyId, date);
    const members = called.filter((m) => m.mandate.role === 'member');
    // The member who adjusted the seed's protocol adjusts this one too, so the demo's adjuster sign-in has it.
    const adjuster = members.find((m) => m.mandate.municipalityId === adjusterMunicipalityId);
    const [meeting] = await tx
      .insert(meetings)
      .values({
        bodyId: committeeBodyId, kind: 'meeting', startsAt, endsAt: closedAt, place: TIME.place, status: 'closed', noticeSentAt: new Date(startsAt.getTime() - 7 * 86_400_000), openedAt: startsAt, closedAt,
        adjusterPersonId: adjuster?.person.id ?? null, justeringPlace: DEMO_SEED_MEETING.justeringPlace, justeringDate: addDays(date, 5), createdAt: now, updatedAt: now, origin: 'demo',
      })
      .returning();
    if (!meeting) throw new Error('insert returned no meeting');
    for (const { person } of members) await tx.insert(attendanceEvents).values({ meetingId: meeting.id, personId: person.id, type: 'present', recordedAt: startsAt });
    for (const [index, item] of DEMO_RECENT_ITEMS.entries()) {
      const noted = item.kind === 'information';
      const [row] = await tx
        .insert(agendaItems)
        .values({ meetingId: meeting.id, position: index + 1, kind: item.kind, heading: item.heading, proposal: item.proposal, summary: item.summary, status: noted ? 'noted' : 'decided', decisionText: item.proposal, decidedBy: 'acclamation', origin: 'demo' })
        .returning();
      if (!row) throw new Error('insert returned no agenda item');
      await tx.insert(propositions).values({ itemId: row.id, position: 1, text: item.proposition, outcome: 'approved' });
    }
    await recordAudit(tx, DEMO_ACTOR, { action: 'meeting.create', entity: 'meeting', entityId: meeting.id, after: { date, status: 'closed', adjusterPersonId: meeting.adjusterPersonId, source: 'demo: the meeting held the day before the demo was loaded' }, organisationId: committeeId }, now);
  });
}

export async function loadRecentMeetingDemo(services: Services): Promise<void> {
  const db = services.database.db;
  const [committee] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
  const [body] = committee ? await db.select().from(bodies).where(and(eq(bodies.organisationId, committee.id), eq(bodies.kind, 'committee'))) : [];
  const user = await findUserByEmail(db, DEMO_LOGIN_EMAILS.secretary);
  if (!committee || !body || !user) return;
  const after = instant(DEMO_SEED_MEETING.time.date, '23:59');
  const find = async () => (await db.select().from(meetings).where(and(eq(meetings.bodyId, body.id), eq(meetings.kind, 'meeting'), eq(meetings.status, 'closed'), gt(meetings.startsAt, after))))[0];
  if (!(await find())) {
    const [town] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.committeeId, committee.id), eq(organisations.slug, DEMO_SEED_MEETING.adjusterOf)));
    await createRecentMeeting(services, committee.id, body.id, town?.id);
  }
  const meeting = await find();
  if (!meeting) return;
  const secretary = { userId: user.id, email: user.email, name: user.name, grants: await listGrants(db, user.id) };
  const [existing] = await db.select().from(protocols).where(eq(protocols.meetingId, meeting.id));
  if (existing && existing.status !== 'draft') return;
  const protocolId = existing?.id ?? (await services.protocols.createDraft(secretary, meeting.id));
  await services.protocols.lock(secretary, protocolId);
}
