import { and, eq, sql } from 'drizzle-orm';
import type { Services } from '../../services.js';
import type { Db } from '../../platform/db/database.js';
import { roleAssignments, users } from '../auth/auth.tables.js';
import { bodies, mandates, organisations, people, populations } from '../organisation/organisation.tables.js';
import { officialBoardConfirmations } from '../publication/publication.tables.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../auth/auth.service.js';
import { loadRegistryDemo } from './demo-registry.js';
import { loadPlanningDemo } from './demo-planning.js';
import { loadProtocolDemo } from './demo-protocols.js';
import { loadRecentMeetingDemo } from './demo-recent.js';
import { loadPublicationDemo } from './demo-publication.js';
import { loadMeetingsDemo } from './demo-meetings.js';
import { loadCooperationDemo } from './demo-cooperation.js';
import { loadEconomyDemo } from './demo-economy.js';
import { loadArchiveDemo } from './demo-archive.js';
import type { Role } from '../../platform/auth/policy.js';
import { DEMO_COMMITTEE_SETTINGS, DEMO_LOGIN_EMAILS, DEMO_COMMITTEE_SLUG, DEMO_MUNICIPALITIES, DEMO_PASSWORD, DEMO_TERMS, POPULATION_SOURCES, demoEmail, demoName } from './demo-data.js';
import { insertOne } from '../../platform/db/insert-one.js';

export interface DemoResult {
  created: boolean;
  password: string;
  logins: { role: Role; email: string }[];
}

const DEMO_ACTOR = { userId: null, label: 'demo' };

async function upsertOrganisation(tx: Db, values: typeof organisations.$inferInsert): Promise<string> {
  const [existing] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, values.slug));
  if (existing) return existing.id;
  const row = await insertOne(tx.insert(organisations).values(values).returning({ id: organisations.id }));
  return row.id;
}

async function upsertBody(tx: Db, values: typeof bodies.$inferInsert): Promise<string> {
  const [existing] = await tx.select({ id: bodies.id }).from(bodies).where(and(eq(bodies.organisationId, values.organisationId), eq(bodies.slug, values.slug)));
  if (existing) return existing.id;
  const row = await insertOne(tx.insert(bodies).values(values).returning({ id: bodies.id }));
  return row.id;
}

async function upsertPerson(tx: Db, values: typeof people.$inferInsert & { email: string }): Promise<string> {
  const [existing] = await tx.select({ id: people.id }).from(people).where(eq(people.email, values.email));
  if (existing) return existing.id;
  const row = await insertOne(tx.insert(people).values(values).returning({ id: people.id }));
  return row.id;
}

async function ensureMandate(tx: Db, values: typeof mandates.$inferInsert): Promise<void> {
  const [existing] = await tx
    .select({ id: mandates.id })
    .from(mandates)
    .where(and(eq(mandates.personId, values.personId), eq(mandates.bodyId, values.bodyId), eq(mandates.role, values.role), eq(mandates.termFrom, values.termFrom)));
  if (!existing) await tx.insert(mandates).values(values);
}

async function ensureUser(tx: Db, options: { email: string; name: string; personId: string | null; passwordHash: string; grants: { organisationId: string; role: Role }[] }) {
  const [found] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${options.email}`);
  const user = found ?? (await insertOne(tx.insert(users).values({ email: options.email, name: options.name, personId: options.personId, passwordHash: options.passwordHash }).returning({ id: users.id })));
  for (const grant of options.grants) {
    await tx.insert(roleAssignments).values({ userId: user.id, ...grant }).onConflictDoNothing();
  }
}

import type { DemoStep } from './demo-steps.js';

export { DEMO_STEPS, type DemoStep } from './demo-steps.js';

/**
 * Load the demo committee into the configured database. Idempotent: every row is found by its
 * natural key (slug, e-mail, mandate) before it is created, so a second run adds nothing.
 */
export async function loadDemo(services: Services, onStep: (step: DemoStep) => void = () => {}): Promise<DemoResult> {
  onStep('people');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoResult['logins'] = [];
  const created = await services.database.db.transaction(async (tx) => {
    const [before] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_COMMITTEE_SLUG));
    const committeeId = await upsertOrganisation(tx, { kind: 'committee', name: 'Norrbottens e-nämnd', slug: DEMO_COMMITTEE_SLUG, settings: DEMO_COMMITTEE_SETTINGS });
    const committeeBody = await upsertBody(tx, { organisationId: committeeId, kind: 'committee', name: 'Norrbottens e-nämnd', slug: 'e-namnden', noticeDays: 5, isPublic: true });
    const prepGroup = await upsertBody(tx, { organisationId: committeeId, kind: 'preparation_group', name: 'Beredningsgruppen', slug: 'beredningsgruppen', noticeDays: 5, isPublic: false });

    const municipalityIds = new Map<string, string>();
    for (const m of DEMO_MUNICIPALITIES) {
      const id = await upsertOrganisation(tx, { kind: 'municipality', name: m.name, slug: m.slug, committeeId, isHost: m.host ?? false });
      municipalityIds.set(m.slug, id);
      // KL 8:9: invented — each demo municipality is shown as having confirmed Kansli's board as its official one.
      await tx
        .insert(officialBoardConfirmations)
        .values({ municipalityId: id, kind: 'kansli', confirmedBy: `Kommunstyrelsen i ${m.name}`, confirmedOn: '2022-01-10', origin: 'demo' })
        .onConflictDoNothing();
      for (const [i, year] of [2020, 2021, 2022].entries()) {
        await tx
          .insert(populations)
          .values({ organisationId: id, year, population: m.population[i] ?? 0, source: POPULATION_SOURCES[year]?.source ?? 'SCB', origin: POPULATION_SOURCES[year]?.origin ?? 'seed' })
          .onConflictDoNothing();
      }
    }

    const lulea = municipalityIds.get('lulea') ?? committeeId;
    let index = 0;
    const personIn = async (municipalityId: string, title: string) => {
      const name = demoName(index);
      index += 1;
      return { id: await upsertPerson(tx, { name, email: demoEmail(name), title, organisationId: municipalityId }), name, email: demoEmail(name) };
    };

    const chairs: Record<string, 'chair' | 'vice_chair'> = { lulea: 'chair', pitea: 'vice_chair' };
    const members: Record<string, { id: string; name: string; email: string }> = {};
    const substitutes: Record<string, { id: string; name: string; email: string }> = {};
    const officials: Record<string, { id: string; name: string; email: string }> = {};
    for (const m of DEMO_MUNICIPALITIES) {
      const municipalityId = municipalityIds.get(m.slug) ?? committeeId;
      const member = await personIn(municipalityId, 'Förtroendevald');
      const substitute = await personIn(municipalityId, 'Förtroendevald');
      const official = await personIn(municipalityId, 'Digitaliseringsstrateg');
      members[m.slug] = member;
      substitutes[m.slug] = substitute;
      officials[m.slug] = official;
      for (const term of DEMO_TERMS) {
        const base = { bodyId: committeeBody, municipalityId, termFrom: term.from, termTo: term.to };
        await ensureMandate(tx, { ...base, personId: member.id, role: 'member', position: chairs[m.slug] ?? null });
        await ensureMandate(tx, { ...base, personId: substitute.id, role: 'substitute' });
        await ensureMandate(tx, { ...base, bodyId: prepGroup, personId: official.id, role: 'official' });
      }
    }
    const coordinator = await personIn(lulea, 'E-samordnare');
    const secretary = await personIn(lulea, 'Nämndadministratör');
    const economist = await personIn(lulea, 'Ekonom');
    const auditor = await personIn(municipalityIds.get('boden') ?? committeeId, 'Revisor');
    const registrar = await personIn(municipalityIds.get('pitea') ?? committeeId, 'Registrator');

    const logins: { role: Role; person: { id: string; name: string; email: string }; organisationId: string }[] = [
      { role: 'admin', person: { id: '', name: 'Alva Administratör', email: '' }, organisationId: committeeId },
      { role: 'secretary', person: secretary, organisationId: committeeId },
      { role: 'coordinator', person: coordinator, organisationId: committeeId },
      { role: 'chair', person: members.lulea ?? secretary, organisationId: committeeId },
      { role: 'member', person: members.kiruna ?? secretary, organisationId: committeeId },
      { role: 'substitute', person: substitutes.kiruna ?? secretary, organisationId: committeeId },
      { role: 'preparation_official', person: officials.pitea ?? secretary, organisationId: municipalityIds.get('pitea') ?? committeeId },
      { role: 'registrar', person: registrar, organisationId: municipalityIds.get('pitea') ?? committeeId },
      { role: 'economist', person: economist, organisationId: committeeId },
      { role: 'auditor', person: auditor, organisationId: committeeId },
    ];
    for (const login of logins) {
      await ensureUser(tx, {
        email: DEMO_LOGIN_EMAILS[login.role],
        name: login.person.name,
        personId: login.person.id || null,
        passwordHash,
        grants: [{ organisationId: login.organisationId, role: login.role }, ...(login.role === 'chair' ? [{ organisationId: committeeId, role: 'member' as const }] : [])],
      });
    }
    if (!before) {
      await recordAudit(tx, DEMO_ACTOR, { action: 'demo.load', entity: 'organisation', entityId: committeeId, after: { name: 'Norrbottens e-nämnd', municipalities: DEMO_MUNICIPALITIES.length }, organisationId: committeeId }, services.clock());
    }
    return { created: !before, logins: logins.map((l) => ({ role: l.role, email: DEMO_LOGIN_EMAILS[l.role] })) };
  });
  logins.push(...created.logins);
  const rest: [DemoStep, (s: Services) => Promise<unknown>][] = [
    ['registry', loadRegistryDemo],
    ['meetings', loadMeetingsDemo],
    // The seed's final protocol, then the one of yesterday's meeting, locked and waiting for justering.
    ['protocol', async (s) => { await loadProtocolDemo(s); await loadRecentMeetingDemo(s); }],
    ['cooperation', loadCooperationDemo],
    ['publication', loadPublicationDemo],
    ['economy', loadEconomyDemo],
    ['planning', loadPlanningDemo],
    ['archive', loadArchiveDemo],
  ];
  for (const [step, load] of rest) {
    onStep(step);
    await load(services);
  }
  return { created: created.created, password: DEMO_PASSWORD, logins };
}
