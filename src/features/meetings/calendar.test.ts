import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMeetingFeed, instantToStockholm, stockholmToInstant, type FeedMeeting } from './calendar.js';
import { hasXmlControlChars } from '../../platform/control-chars.js';

describe('Swedish wall-clock times', () => {
  const cases: [date: string, time: string, utc: string | undefined, why: string][] = [
    ['2023-03-03', '13:00', '2023-03-03T12:00:00.000Z', 'winter: UTC+1 (seed § 25, first meeting)'],
    ['2023-06-22', '09:00', '2023-06-22T07:00:00.000Z', 'summer: UTC+2 (seed § 25, second meeting)'],
    ['2023-12-20', '13:00', '2023-12-20T12:00:00.000Z', 'winter again'],
    ['2023-03-26', '01:59', '2023-03-26T00:59:00.000Z', 'the minute before summer time begins'],
    ['2023-03-26', '02:00', undefined, 'summer time begins: 02:00 is skipped'],
    ['2023-03-26', '02:30', undefined, 'summer time begins: 02:30 does not exist'],
    ['2023-03-26', '03:00', '2023-03-26T01:00:00.000Z', 'the first summer-time minute'],
    ['2023-03-26', '13:00', '2023-03-26T11:00:00.000Z', 'the afternoon of the change'],
    ['2023-10-29', '01:59', '2023-10-28T23:59:00.000Z', 'before summer time ends'],
    ['2023-10-29', '02:30', '2023-10-29T00:30:00.000Z', 'summer time ends: 02:30 happens twice, the first is taken'],
    ['2023-10-29', '03:00', '2023-10-29T02:00:00.000Z', 'after summer time ends'],
    ['2023-10-29', '13:00', '2023-10-29T12:00:00.000Z', 'the afternoon of the change'],
    ['2024-01-01', '00:30', '2023-12-31T23:30:00.000Z', 'a new year in Sweden is still the old year in UTC'],
    ['2024-02-29', '10:00', '2024-02-29T09:00:00.000Z', 'leap day'],
    ['2023-02-29', '10:00', undefined, 'no such date'],
    ['2023-03-03', '24:00', undefined, 'no such time'],
    ['2023-03-03', '9:00', undefined, 'times are HH:MM (the form pads them first)'],
    ['3 mars', '13:00', undefined, 'not a date'],
  ];
  for (const [date, time, utc, why] of cases) {
    test(`${date} ${time} → ${utc ?? 'refused'} (${why})`, () => {
      assert.equal(stockholmToInstant(date, time)?.toISOString(), utc);
    });
  }

  test('every quarter hour around both changes of clock reads back as the same Swedish time', () => {
    for (const day of ['2023-03-25T12:00:00Z', '2023-10-28T12:00:00Z', '2024-03-30T12:00:00Z', '2024-10-26T12:00:00Z']) {
      for (let i = 0; i < 4 * 36; i += 1) {
        const instant = new Date(Date.parse(day) + i * 900_000);
        const { date, time } = instantToStockholm(instant);
        const back = stockholmToInstant(date, time);
        assert.ok(back, `${instant.toISOString()} → ${date} ${time}`);
        // In the repeated hour the second occurrence comes back as the first: one hour earlier.
        const diff = instant.getTime() - back.getTime();
        assert.ok(diff === 0 || diff === 3_600_000, `${instant.toISOString()} → ${date} ${time} → ${back.toISOString()}`);
        assert.deepEqual(instantToStockholm(back), { date, time });
      }
    }
  });

  test('instants read as Swedish date and time', () => {
    assert.deepEqual(instantToStockholm(new Date('2023-03-03T12:00:00Z')), { date: '2023-03-03', time: '13:00' });
    assert.deepEqual(instantToStockholm(new Date('2023-06-22T07:00:00Z')), { date: '2023-06-22', time: '09:00' });
    assert.deepEqual(instantToStockholm(new Date('2023-12-31T23:30:00Z')), { date: '2024-01-01', time: '00:30' });
  });
});

/** Unfolds an iCalendar text and returns each VEVENT's properties, name (with parameters) → value. */
function parseEvents(ics: string): Map<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return events;
}

describe('iCalendar feed', () => {
  const originalTz = process.env.TZ;
  after(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const meeting = (over: Partial<FeedMeeting>): FeedMeeting => ({
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'meeting',
    startsAt: new Date('2023-03-03T12:00:00Z'),
    endsAt: null,
    place: 'Stadshuset, Luleå',
    status: 'planned',
    updatedAt: new Date('2022-12-15T10:00:00Z'),
    origin: null,
    ...over,
  });
  const meetings = [
    meeting({ endsAt: new Date('2023-03-03T16:00:00Z') }),
    meeting({ id: '00000000-0000-4000-8000-000000000002', startsAt: new Date('2023-06-22T07:00:00Z'), place: 'Teams; länk i kallelsen' }),
    meeting({ id: '00000000-0000-4000-8000-000000000003', startsAt: new Date('2023-10-12T07:00:00Z'), kind: 'strategy_day', status: 'cancelled' }),
  ];

  // The server's own time zone must not matter: try one far from Sweden's.
  for (const tz of ['UTC', 'America/New_York', 'Europe/Stockholm']) {
    test(`winter and summer meetings start at the right instant on a server in ${tz}`, () => {
      process.env.TZ = tz;
      const ics = buildMeetingFeed({ bodyName: 'E-nämnden', meetings, baseUrl: 'https://kansli.example.se/', now: new Date('2023-01-10T08:00:00Z') });
      assert.match(ics, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
      const events = parseEvents(ics);
      assert.equal(events.length, 2, 'the cancelled meeting is left out');
      const [winter, summer] = events;
      // 13:00–17:00 Swedish winter time is 12:00–16:00 UTC.
      assert.equal(winter?.get('DTSTART'), '20230303T120000Z');
      assert.equal(winter?.get('DTEND'), '20230303T160000Z');
      // 09:00 Swedish summer time is 07:00 UTC; no end given: three hours.
      assert.equal(summer?.get('DTSTART'), '20230622T070000Z');
      assert.equal(summer?.get('DTEND'), '20230622T100000Z');
      assert.equal(winter?.get('SUMMARY'), 'E-nämnden: Sammanträde');
      assert.equal(winter?.get('LOCATION'), 'Stadshuset\\, Luleå');
      assert.equal(summer?.get('LOCATION'), 'Teams\\; länk i kallelsen');
      assert.equal(winter?.get('URL;VALUE=URI'), 'https://kansli.example.se/moten/00000000-0000-4000-8000-000000000001');
      assert.equal(winter?.get('UID'), '00000000-0000-4000-8000-000000000001@kansli.example.se');
      assert.equal(winter?.get('DTSTAMP'), '20230110T080000Z');
    });
  }

  test('a strategy day is called so', () => {
    const ics = buildMeetingFeed({ bodyName: 'E-nämnden', meetings: [meeting({ kind: 'strategy_day' })], baseUrl: 'http://localhost:3000', now: new Date() });
    assert.equal(parseEvents(ics)[0]?.get('SUMMARY'), 'E-nämnden: Strategidag');
  });

  test('a demo meeting, and the seed’s meeting whose time and place the demo invented, say Exempeldata; a real one does not', () => {
    const origins = [null, 'seed', 'demo'] as const;
    const feed = origins.map((origin, i) => meeting({ id: `00000000-0000-4000-8000-00000000001${i}`, origin }));
    const summaries = parseEvents(buildMeetingFeed({ bodyName: 'E-nämnden', meetings: feed, baseUrl: 'http://localhost:3000', now: new Date() })).map((e) => e.get('SUMMARY'));
    assert.deepEqual(summaries, ['E-nämnden: Sammanträde', 'E-nämnden: Sammanträde (Exempeldata)', 'E-nämnden: Sammanträde (Exempeldata)']);
  });
});

describe('buildMeetingFeed and control characters', () => {
  test('a control character typed into a place or a name never reaches the calendar', () => {
    const ics = buildMeetingFeed({
      bodyName: 'E-nämnden\u0001',
      meetings: [{ id: '00000000-0000-4000-8000-000000000009', kind: 'meeting', startsAt: new Date('2023-03-03T12:00:00Z'), endsAt: null, place: 'Stadshuset\u0000\u0007 sal\u001F 2', status: 'planned', updatedAt: new Date('2023-01-01T00:00:00Z'), origin: null }],
      baseUrl: 'https://kansli.example.se',
      now: new Date('2023-01-10T08:00:00Z'),
    });
    assert.equal(hasXmlControlChars(ics), false);
    assert.match(ics, /LOCATION:Stadshuset sal 2/);
  });
});
