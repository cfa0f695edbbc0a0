/**
 * Guard the calendar (issue 18): opening a meeting before its day, or more than a week after it,
 * is refused without a confirmation and a reason (the page shows why and keeps what was typed);
 * with them the meeting opens, and the reason is in the audit log and the meeting's history.
 * On its day (and within the week after) it opens as before.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { useTestApp } from '../../../../test/support/test-app-hooks.js';
import { meetings } from '../meetings.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import { addDays, OPEN_LATE_LIMIT_DAYS } from '../../../domain/index.js';
import { buildLiveMeeting, textOf } from '../../../../test/support/live-meeting-fixtures.js';

const MEETING_DAY = '2022-12-14';
let now = new Date(`${MEETING_DAY}T10:00:00+01:00`);
const on = (date: string) => new Date(`${date}T10:00:00+01:00`);

describe('opening a meeting outside its day asks for a confirmation and a reason', () => {
  const t = useTestApp({ clock: () => now });
  const meetingRow = async (id: string) => (await t.services.database.db.select().from(meetings).where(eq(meetings.id, id)))[0];

  for (const { when, date, words } of [
    { when: 'the day before', date: addDays(MEETING_DAY, -1), words: /före sammanträdesdagen/ },
    { when: `${OPEN_LATE_LIMIT_DAYS + 1} days after`, date: addDays(MEETING_DAY, OPEN_LATE_LIMIT_DAYS + 1), words: /mer än 7 dagar/ },
  ]) {
    test(`${when}: refused without the reason, with the page saying why; opened with it, and the reason recorded and shown`, async () => {
      now = on(date);
      try {
        const f = await buildLiveMeeting(t);
        const page = await f.secretary.get(f.base);
        assert.match(textOf(page.body), words, 'the page warns before the button is pressed');
        assert.match(page.body, /name="reason"/);

        const forms: Record<string, string>[] = [{}, { reason: 'Ordföranden vill börja tidigare' }, { confirm: 'ja', reason: ' ' }];
        for (const form of forms) {
          const refused = await f.secretary.post(`${f.base}/oppna`, form);
          assert.equal(refused.statusCode, 400, JSON.stringify(form));
          assert.match(textOf(refused.body), /Sammanträdet öppnades inte/);
          assert.equal((await meetingRow(f.meetingId))?.status, 'planned');
        }
        const kept = await f.secretary.post(`${f.base}/oppna`, { reason: 'Ordföranden vill börja tidigare' });
        assert.match(kept.body, />Ordföranden vill börja tidigare<\/textarea>/, 'what was typed is kept');
        assert.match(textOf(kept.body), /Bekräfta att sammanträdet ska öppnas utanför sin dag/);

        const reason = `Extra sammanträde ${date}`;
        const opened = await f.secretary.post(`${f.base}/oppna`, { confirm: 'ja', reason });
        assert.equal(opened.statusCode, 302);
        const row = await meetingRow(f.meetingId);
        assert.equal(row?.status, 'open');
        assert.equal(row?.openReason, reason);
        const [audit] = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, f.meetingId), eq(auditLog.action, 'meeting.live.open')));
        assert.equal((audit?.after as { reason?: string } | null)?.reason, reason, 'the audit entry carries the reason');
        assert.ok(textOf((await f.secretary.get(f.base)).body).includes(`Skäl: ${reason}`), 'shown on the live page');
        assert.ok(textOf((await f.secretary.get(`/moten/${f.meetingId}`)).body).includes(`Skäl: ${reason}`), "shown in the meeting's history");
      } finally {
        now = on(MEETING_DAY);
      }
    });
  }

  for (const date of [MEETING_DAY, addDays(MEETING_DAY, OPEN_LATE_LIMIT_DAYS)]) {
    test(`on ${date} the meeting opens as before, without a reason`, async () => {
      now = on(date);
      try {
        const f = await buildLiveMeeting(t);
        assert.doesNotMatch((await f.secretary.get(f.base)).body, /name="reason"/);
        assert.equal((await f.secretary.post(`${f.base}/oppna`)).statusCode, 302);
        const row = await meetingRow(f.meetingId);
        assert.equal(row?.status, 'open');
        assert.equal(row?.openReason, null);
      } finally {
        now = on(MEETING_DAY);
      }
    });
  }
});
