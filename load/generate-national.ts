/**
 * A national-scale dataset: one joint committee of all 290 Swedish municipalities, each with its
 * own body, ten years of meetings (ten a year), 35 decided items per meeting and a final
 * protocol for each — about 1 million paragraphs at `scale` 1 — plus a justering notice of the
 * latest protocols on every municipality's board, and members who may sign in. Written with
 * set-based SQL (generate_series), so that a million rows take minutes, not hours.
 *
 * `npm run generate:national -- [--scale 0.01]` on the database of DATABASE_URL (PostgreSQL), or
 * on KANSLI_DATA_DIR (PGlite; use a small scale there). Refuses a database that already holds a
 * committee, so that it never mixes with real data.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/database.js';

export const NATIONAL_SLUG = 'riksnamnden';
export const MUNICIPALITIES = 290;
const YEARS = 10;
const MEETINGS_PER_YEAR = 10;
const ITEMS_PER_MEETING = 35;
const FIRST_YEAR = 2017;

export interface NationalDataset {
  municipalities: number;
  meetings: number;
  paragraphs: number;
  notices: number;
  members: number;
}

const HEADINGS = [
  'Budget och verksamhetsplan', 'Uppföljning av e-tjänster', 'Gemensam upphandling av verksamhetssystem',
  'Internkontrollplan', 'Informationsärenden', 'Delegationsbeslut', 'Ekonomisk uppföljning per tertial',
  'Medborgarservice och digitala kanaler', 'Arkivering och e-arkiv', 'Val av justerare',
];

/** Fills the national dataset; `scale` shrinks the years × meetings × items (1 = ~1 million paragraphs). */
export async function generateNational(database: Database, options: { scale?: number; members?: number; passwordHash: string }): Promise<NationalDataset> {
  const scale = options.scale ?? 1;
  const members = options.members ?? 200;
  // Shrink items per meeting first, then meetings per body: scale 1 is 290 × 10 × 10 × 35.
  const items = Math.min(ITEMS_PER_MEETING, Math.max(1, Math.round(ITEMS_PER_MEETING * scale)));
  const perBody = Math.max(1, Math.round((YEARS * MEETINGS_PER_YEAR * scale * ITEMS_PER_MEETING) / items));
  const years = Math.min(YEARS, Math.max(1, Math.ceil(perBody / MEETINGS_PER_YEAR)));
  const meetingsPerYear = Math.min(MEETINGS_PER_YEAR, Math.max(1, Math.round(perBody / years)));
  const existing = await database.query<{ n: number }>(sql`select count(*)::int as n from organisations where kind = 'committee'`);
  if ((existing[0]?.n ?? 0) > 0) throw new Error('The database already holds a committee; generate into an empty database. / Databasen har redan en nämnd; använd en tom databas.');

  await database.db.transaction(async (tx) => {
    const run = (statement: ReturnType<typeof sql>) => tx.execute(statement);
    await run(sql`set local kansli.restoring = 'on'`);
    await run(sql`insert into organisations (kind, name, slug) values ('committee', 'Riksnämnden för e-samverkan', ${NATIONAL_SLUG})`);
    await run(sql`
      insert into organisations (kind, name, slug, committee_id, is_host)
      select 'municipality', 'Kommun ' || lpad(g::text, 3, '0'), 'kommun-' || lpad(g::text, 3, '0'),
             (select id from organisations where slug = ${NATIONAL_SLUG}), g = 1
      from generate_series(1, ${MUNICIPALITIES}::int) g`);
    await run(sql`
      insert into populations (organisation_id, year, population, source)
      select o.id, y, 2400 + (abs(hashtext(o.slug)) % 400000), 'generated'
      from organisations o, generate_series(${FIRST_YEAR}::int, ${FIRST_YEAR + years}::int) y where o.kind = 'municipality'`);
    // One body per municipality, all under the national committee.
    await run(sql`
      insert into bodies (organisation_id, kind, name, slug)
      select (select id from organisations where slug = ${NATIONAL_SLUG}), 'committee', 'Nämnd ' || substr(o.slug, 8), 'organ-' || substr(o.slug, 8)
      from organisations o where o.kind = 'municipality'`);
    await run(sql`
      insert into people (name, organisation_id)
      select 'Ledamot ' || substr(o.slug, 8), o.id from organisations o where o.kind = 'municipality'`);
    await run(sql`
      insert into mandates (person_id, body_id, municipality_id, role, term_from)
      select p.id, b.id, o.id, 'member', ${`${FIRST_YEAR}-01-01`}
      from organisations o
      join people p on p.organisation_id = o.id
      join bodies b on b.slug = 'organ-' || substr(o.slug, 8)`);
    await run(sql`
      insert into meetings (body_id, starts_at, place, status, opened_at, closed_at, justering_date)
      select b.id, make_timestamptz(y, m, 10, 9, 0, 0, 'Europe/Stockholm'), 'Kommunhuset', 'closed',
             make_timestamptz(y, m, 10, 9, 0, 0, 'Europe/Stockholm'), make_timestamptz(y, m, 10, 12, 0, 0, 'Europe/Stockholm'),
             make_date(y, m, 17)
      from bodies b, generate_series(${FIRST_YEAR}::int, ${FIRST_YEAR + years - 1}::int) y, generate_series(1, ${meetingsPerYear}::int) m
      where b.slug like 'organ-%'`);
    await run(sql`
      insert into agenda_items (meeting_id, position, kind, heading, proposal, summary, status, decision_text)
      select m.id, i, 'decision',
             (string_to_array(${HEADINGS.join('|')}, '|'))[1 + (i % ${HEADINGS.length}::int)] || ' ' || i,
             'Nämnden föreslås besluta enligt förslaget.',
             'Ärendet har beretts av kansliet och beredningsgruppen. Underlaget finns i diariet.',
             'decided', 'Nämnden beslutar enligt förslaget.'
      from meetings m, generate_series(1, ${items}::int) i`);
    await run(sql`
      insert into protocols (meeting_id, status, justering_date, justering_place, secretary_name, locked_at, final_at, canonical_sha256)
      select m.id, 'final', m.justering_date, 'Kommunhuset', 'Sekreterare', m.closed_at, m.closed_at + interval '7 days', md5(m.id::text) || md5(m.id::text)
      from meetings m`);
    await run(sql`
      insert into protocol_paragraphs (protocol_id, agenda_item_id, position, number, year, heading, decision, summary)
      select p.id, a.id, a.position,
             (extract(month from m.starts_at)::int - 1) * ${items}::int + a.position,
             extract(year from m.starts_at)::int, a.heading, a.decision_text, a.summary
      from protocols p join meetings m on m.id = p.meeting_id join agenda_items a on a.meeting_id = m.id`);
    await run(sql`
      insert into paragraph_counters (body_id, year, last_number)
      select m.body_id, extract(year from m.starts_at)::int, max((extract(month from m.starts_at)::int) * ${items}::int)
      from meetings m group by 1, 2`);
    // The latest protocol of every body, posted on every municipality's board.
    await run(sql`
      insert into notices (protocol_id, organisation_id, posting_method, posted_on, posted_at)
      select p.id, o.id, 'automatic', (m.justering_date + 1), (m.justering_date + 1)::timestamptz
      from (select distinct on (body_id) id, body_id, justering_date from meetings order by body_id, starts_at desc) m
      join protocols p on p.meeting_id = m.id
      cross join organisations o
      where o.kind = 'municipality' and (abs(hashtext(m.body_id::text || o.id::text)) % 29) = 0`);
    await run(sql`
      insert into users (email, name, password_hash)
      select 'ledamot' || g || '@riket.example', 'Ledamot ' || g, ${options.passwordHash}
      from generate_series(1, ${members}::int) g`);
    await run(sql`
      insert into role_assignments (user_id, organisation_id, role)
      select u.id, (select id from organisations where slug = ${NATIONAL_SLUG}), 'member'
      from users u where u.email like '%@riket.example'`);
  });
  const [counts] = await database.query<NationalDataset>(sql`
    select (select count(*)::int from organisations where kind = 'municipality') as municipalities,
           (select count(*)::int from meetings) as meetings,
           (select count(*)::int from protocol_paragraphs) as paragraphs,
           (select count(*)::int from notices) as notices,
           (select count(*)::int from users where email like '%@riket.example') as members`);
  if (!counts) throw new Error('no counts');
  return counts;
}
