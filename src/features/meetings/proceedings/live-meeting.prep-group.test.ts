import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCommittee, createTestApp } from '../../../../test/support/app.js';
import { attendanceEvents, meetings } from '../meetings.tables.js';
import { bodies, mandates, organisations, people } from '../../organisation/organisation.tables.js';
import { countServingMembers, servingMembers } from '../../../domain/index.js';
import { loadAttendanceModel } from './live-meeting.state.js';

test('business plan 2.3.2 — the preparation group uses the same engine: one seat per municipality, held by its official', async () => {
  const t = await createTestApp({ clock: () => new Date('2022-10-05T10:00:00Z') });
  try {
    const db = t.services.database.db;
    const { committee, municipality } = await buildCommittee(t.services);
    const [group] = await db.insert(bodies).values({ organisationId: committee.id, kind: 'preparation_group', name: 'Beredningsgruppen', slug: `bg-${process.pid}` }).returning();
    const towns = [municipality.id];
    for (const name of ['Norrby', 'Söderby', 'Västerby']) {
      const [row] = await db.insert(organisations).values({ kind: 'municipality', name, slug: `${name.toLowerCase()}-${process.pid}`, committeeId: committee.id }).returning();
      towns.push(row?.id ?? '');
    }
    const officials: string[] = [];
    for (const [i, town] of towns.entries()) {
      const [person] = await db.insert(people).values({ name: `Tjänsteperson ${i}`, organisationId: town }).returning();
      await db.insert(mandates).values({ personId: person?.id ?? '', bodyId: group?.id ?? '', municipalityId: town, role: 'official', termFrom: '2022-01-01' });
      officials.push(person?.id ?? '');
    }
    const [meeting] = await db.insert(meetings).values({ bodyId: group?.id ?? '', startsAt: new Date('2022-10-05T09:00:00+02:00'), place: 'Teams' }).returning();
    if (!meeting) throw new Error('no meeting');
    for (const [i, personId] of officials.entries()) {
      await db.insert(attendanceEvents).values({ meetingId: meeting.id, personId, type: i === 3 ? 'absent' : i === 2 ? 'remote' : 'present' });
    }
    const model = await loadAttendanceModel(db, meeting);
    assert.equal(model.seats, 4, 'one seat per municipality');
    assert.ok(model.people.every((p) => p.role === 'member'));
    const serving = servingMembers({ mandates: model.people.map((p) => ({ personId: p.personId, municipalityId: p.municipalityId, role: p.role })), events: model.events, itemIndex: 0 });
    assert.equal(countServingMembers(serving), 3, 'present and remote count; the absent municipality has no one');
  } finally {
    await t.close();
  }
});
