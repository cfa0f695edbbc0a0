/**
 * The demo's joint initiatives (seed § 21 status list): the data centre (Älvsbyn, Boden and
 * Gällivare in, migration ongoing), the social-services system (Gällivare's pilot first), the
 * student-health system (development project, procurement being planned), the e-learning platform
 * (pre-study done, eight municipalities want to continue) and payroll (pre-study ongoing). Written
 * as "demo" with historical dates (phases through the feature's own writes, each phase's decisions
 * in one batch with one audit entry). The status texts are the seed's; the initiatives' phases,
 * budgets, deadlines and decision matrices (bodies, dates, paragraphs) are invented: every such
 * row is marked origin 'demo' ("Exempeldata"). Also a registrar for Luleå. Idempotent: found by name first.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Services } from '../../services.js';
import type { Db } from '../../platform/db/database.js';
import { roleAssignments, users } from '../auth/auth.tables.js';
import { initiativeDecisionHistory, initiativeDecisions, initiativePhases, initiatives, powersOfAttorney, type InitiativeRow, type ProcessTemplateRow } from '../cooperation/cooperation.tables.js';
import { organisations } from '../organisation/organisation.tables.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import { phaseParticipants } from '../../domain/index.js';
import { hashPassword } from '../auth/auth.service.js';
import { ensureDefaultTemplate } from '../cooperation/cooperation.repository.js';
import { closePhaseRow, openPhase, snapshotOf, type CellReference } from '../cooperation/cooperation.write.js';
import { FULLMAKT_DECISION_KEY } from '../cooperation/process-template.js';
import { DEMO_COMMITTEE_SLUG, DEMO_MUNICIPALITIES, DEMO_PASSWORD, demoName } from './demo-data.js';
import { insertOne } from '../../platform/db/insert-one.js';

const DEMO_ACTOR: Actor = { userId: null, label: 'demo' };
export const DEMO_LULEA_REGISTRAR = 'registrator.lulea@exempel.se';

const ALL = DEMO_MUNICIPALITIES.map((m) => m.slug);
const except = (...slugs: string[]) => ALL.filter((s) => !slugs.includes(s));

interface DemoPhase {
  /** Municipalities (slugs) that said yes in this phase; others said no (closed phase) or have not decided (open). */
  yes: string[];
  no?: string[];
  opened: string;
  decided: string;
  closed?: string;
  budget?: number;
  deadline?: string;
}

interface DemoInitiative {
  name: string;
  description: string;
  procuring?: string;
  phases: DemoPhase[];
}

const DATA_CENTRE = ['alvsbyn', 'boden', 'gallivare'];
const EIGHT = ['arjeplog', 'boden', 'gallivare', 'kalix', 'lulea', 'pitea', 'alvsbyn', 'overtornea'];

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    name: 'DCBD – gemensamt datacenter',
    description: 'I drift och förvaltning sedan 2021. Älvsbyn, Boden och Gällivare är inne i plattformen. Migrering av kommuner pågår.',
    procuring: 'boden',
    phases: [
      { yes: [], opened: '2018-02-01', decided: '2018-02-20', closed: '2018-03-01' },
      { yes: DATA_CENTRE, opened: '2018-03-01', decided: '2018-04-24', closed: '2018-06-15', budget: 240_000 },
      { yes: DATA_CENTRE, opened: '2018-06-15', decided: '2018-09-25', closed: '2019-02-01', budget: 900_000 },
      { yes: DATA_CENTRE, opened: '2019-02-01', decided: '2019-03-26', closed: '2019-09-30', budget: 150_000 },
      { yes: DATA_CENTRE, opened: '2019-09-30', decided: '2019-11-12', closed: '2020-01-15' },
      { yes: DATA_CENTRE, opened: '2020-01-15', decided: '2020-02-18', closed: '2021-03-01', budget: 1_208_400 },
      { yes: DATA_CENTRE, opened: '2021-03-01', decided: '2021-04-20', budget: 1_208_400, deadline: '2026-12-15' },
    ],
  },
  {
    name: 'Etablering verksamhetssystem Socialtjänsten Norrbotten',
    description: 'Gällivare kommun först ut i en pilot, sedan finns en införandeplan för alla kommuner. Rekrytering och etablering av gemensam förvaltningsorganisation pågår.',
    procuring: 'lulea',
    phases: [
      { yes: [], opened: '2019-09-01', decided: '2019-09-17', closed: '2019-10-01' },
      { yes: ALL, opened: '2019-10-01', decided: '2019-11-26', closed: '2020-03-01', budget: 420_000 },
      { yes: ALL, opened: '2020-03-01', decided: '2020-05-19', closed: '2021-01-15', budget: 1_400_000 },
      { yes: ALL, opened: '2021-01-15', decided: '2021-03-23', closed: '2021-11-30', budget: 280_000 },
      { yes: ALL, opened: '2021-11-30', decided: '2022-02-15', closed: '2022-06-01' },
      { yes: ['gallivare'], opened: '2022-06-01', decided: '2022-09-20', budget: 991_800, deadline: '2026-12-18' },
    ],
  },
  {
    name: 'Gemensamt system för elevhälsan i Norrbotten',
    description: 'Utvecklingsprojektet pågår enligt plan. Planering inför gemensam upphandling påbörjad; inköpare tillsatt, kravutveckling påbörjad.',
    phases: [
      { yes: [], opened: '2021-01-10', decided: '2021-01-26', closed: '2021-02-01' },
      { yes: except('jokkmokk', 'pajala', 'overkalix'), opened: '2021-02-01', decided: '2021-04-13', closed: '2021-10-01', budget: 300_000 },
      { yes: except('jokkmokk', 'pajala', 'overkalix', 'haparanda'), no: ['jokkmokk'], opened: '2021-10-01', decided: '2021-12-07', budget: 650_000, deadline: '2026-12-04' },
    ],
  },
  {
    name: 'Gemensam e-learningplattform/kursportal',
    description: 'Förstudie genomförd och slutrapporterad. Hittills har 8 kommuner meddelat att de vill gå vidare med ett gemensamt utvecklingsprojekt.',
    phases: [
      { yes: [], opened: '2021-09-01', decided: '2021-09-21', closed: '2021-10-01' },
      { yes: ['boden', 'kalix', 'lulea', 'pitea', 'alvsbyn'], opened: '2021-10-01', decided: '2021-12-14', closed: '2022-11-15', budget: 200_000 },
      { yes: EIGHT, no: ['pajala'], opened: '2022-11-15', decided: '2022-12-06', budget: 480_000, deadline: '2027-01-29' },
    ],
  },
  {
    name: 'Gemensamt lönesystem (f.d. HR)',
    description: 'Förstudien pågår. Direktivet reviderat till att endast omfatta löneadministration. Avslutas och slutrapporteras Q1 2023.',
    phases: [
      { yes: [], opened: '2022-01-10', decided: '2022-02-01', closed: '2022-02-15' },
      { yes: ['arvidsjaur', 'boden', 'haparanda', 'kiruna', 'lulea', 'pitea'], opened: '2022-02-15', decided: '2022-04-05', budget: 250_000, deadline: '2026-12-09' },
    ],
  },
];

const BODY_NAMES: Record<string, string> = { committee: 'Norrbottens e-nämnd', preparation_group: 'Beredningsgruppen', steering_group: 'Projektets styrgrupp' };
const at = (date: string) => new Date(`${date}T10:00:00Z`);

async function ensureLuleaRegistrar(tx: Db, luleaId: string): Promise<void> {
  const [found] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${DEMO_LULEA_REGISTRAR}`);
  const id = found?.id ?? (await insertOne(tx.insert(users).values({ email: DEMO_LULEA_REGISTRAR, name: demoName(60), passwordHash: await hashPassword(DEMO_PASSWORD) }).returning({ id: users.id }))).id;
  await tx.insert(roleAssignments).values({ userId: id, organisationId: luleaId, role: 'registrar' }).onConflictDoNothing();
}

async function writePhase(tx: Db, ctx: { initiative: InitiativeRow; template: ProcessTemplateRow; slugOf: Map<string, string>; municipalityIds: string[] }, index: number, spec: DemoPhase, previous: string[]): Promise<string[]> {
  const phase = ctx.template.phases[index];
  if (!phase) throw new Error(`no phase ${index}`);
  const row = await openPhase(tx, { initiative: ctx.initiative, phase, position: index, municipalityIds: ctx.municipalityIds, actor: DEMO_ACTOR, at: at(spec.opened), budget: spec.budget ?? 0, deadline: spec.deadline ?? null });
  // The phase, its budget and deadline and its matrix (with the cells' opening history) are invented.
  await tx.update(initiativePhases).set({ origin: 'demo' }).where(eq(initiativePhases.id, row.id));
  const cells = await tx
    .update(initiativeDecisions)
    .set({ origin: 'demo' })
    .where(and(eq(initiativeDecisions.initiativeId, ctx.initiative.id), eq(initiativeDecisions.phaseKey, phase.key)))
    .returning();
  if (cells.length > 0) await tx.update(initiativeDecisionHistory).set({ origin: 'demo' }).where(inArray(initiativeDecisionHistory.decisionId, cells.map((c) => c.id)));
  // One batch per phase: the cells, their history rows and one audit entry (the demo's history).
  const recorded: { cell: (typeof cells)[number]; value: CellReference }[] = [];
  for (const cell of cells) {
    const decision = phase.decisions.find((d) => d.key === cell.decisionKey);
    const slug = ctx.slugOf.get(cell.organisationId);
    if (!decision) continue;
    let status: 'yes' | 'no' | 'not_applicable' | 'pending';
    if (!slug) status = decision.required || spec.closed ? 'yes' : 'pending';
    else if (decision.key === 'fullmakt' && cell.organisationId === ctx.initiative.procuringOrganisationId) status = 'not_applicable';
    else if (spec.yes.includes(slug)) status = 'yes';
    else if (spec.no?.includes(slug)) status = 'no';
    else if (!spec.closed) status = 'pending';
    else status = decision.joins ? 'no' : 'not_applicable';
    if (status === 'pending') continue;
    const decidedOn = status === 'not_applicable' ? null : spec.decided;
    recorded.push({ cell, value: { status, decidingBody: slug ? 'Kommunstyrelsen' : (BODY_NAMES[decision.by] ?? ''), decidedOn, paragraph: slug && decidedOn ? `§ ${40 + ALL.indexOf(slug)}` : '', documentId: null, protocolParagraphId: null, link: '', note: '' } });
  }
  const when = at(spec.decided);
  const groups = new Map<string, { value: CellReference; ids: string[] }>();
  for (const { cell, value } of recorded) {
    const key = JSON.stringify(value);
    groups.set(key, { value, ids: [...(groups.get(key)?.ids ?? []), cell.id] });
  }
  for (const { value, ids } of groups.values()) {
    await tx.update(initiativeDecisions).set({ ...value, recordedAt: when, updatedAt: when }).where(inArray(initiativeDecisions.id, ids));
  }
  if (recorded.length > 0) {
    await tx.insert(initiativeDecisionHistory).values(recorded.map(({ cell, value }) => ({ decisionId: cell.id, status: value.status, snapshot: snapshotOf(value), recordedAt: new Date(when.getTime() + 1), origin: 'demo' as const })));
    const powers = recorded.filter((r) => r.cell.decisionKey === FULLMAKT_DECISION_KEY && r.value.status === 'yes' && ctx.initiative.procuringOrganisationId);
    for (const { cell, value } of powers) {
      await tx.insert(powersOfAttorney).values({ initiativeId: ctx.initiative.id, organisationId: cell.organisationId, procuringOrganisationId: ctx.initiative.procuringOrganisationId ?? '', grantedOn: value.decidedOn ?? spec.decided, reference: `Kommunstyrelsen ${value.paragraph}`, origin: 'demo' }).onConflictDoNothing();
    }
    await recordAudit(tx, DEMO_ACTOR, { action: 'initiative.decision.record', entity: 'initiative', entityId: ctx.initiative.id, after: { phase: phase.key, decisions: recorded.length }, organisationId: ctx.initiative.committeeId }, when);
  }
  const decided = (await tx.select().from(initiativeDecisions).where(and(eq(initiativeDecisions.initiativeId, ctx.initiative.id), eq(initiativeDecisions.phaseKey, phase.key))));
  const participants = phaseParticipants({ decisions: phase.decisions, cells: decided, previousParticipantIds: previous });
  if (spec.closed) await closePhaseRow(tx, { initiative: ctx.initiative, phase: row, participantIds: participants, actor: DEMO_ACTOR, at: at(spec.closed), next: ctx.template.phases[index + 1]?.key ?? null });
  return participants;
}

export async function loadCooperationDemo(services: Services): Promise<void> {
  await services.database.db.transaction(async (tx) => {
    const orgs = await tx.select().from(organisations);
    const committee = orgs.find((o) => o.slug === DEMO_COMMITTEE_SLUG);
    if (!committee) return;
    const members = orgs.filter((o) => o.committeeId === committee.id && o.kind === 'municipality');
    const idOf = (slug: string) => members.find((m) => m.slug === slug)?.id ?? null;
    const lulea = idOf('lulea');
    if (lulea) await ensureLuleaRegistrar(tx, lulea);
    const template = await ensureDefaultTemplate(tx, committee.id);
    const slugOf = new Map(members.map((m) => [m.id, m.slug]));
    for (const spec of DEMO_INITIATIVES) {
      const [existing] = await tx.select({ id: initiatives.id }).from(initiatives).where(and(eq(initiatives.committeeId, committee.id), eq(initiatives.name, spec.name)));
      if (existing) continue;
      const first = template.phases[0];
      if (!first) return;
      const initiative = await insertOne(
        tx
          .insert(initiatives)
          .values({ committeeId: committee.id, templateId: template.id, name: spec.name, description: spec.description, phaseKey: first.key, procuringOrganisationId: spec.procuring ? idOf(spec.procuring) : null, createdAt: at(spec.phases[0]?.opened ?? '2022-01-01'), origin: 'demo' })
          .returning(),
      );
      let previous: string[] = [];
      for (const [index, phase] of spec.phases.entries()) previous = await writePhase(tx, { initiative, template, slugOf, municipalityIds: members.map((m) => m.id) }, index, phase, previous);
    }
  });
}
