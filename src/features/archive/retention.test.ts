import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { DomainError } from '../../platform/errors.js';
import { parsePlanCsv } from './retention-csv.js';

describe('parsePlanCsv', () => {
  test('reads the documented columns, semicolon or comma', () => {
    const rules = parsePlanCsv('klassificeringskod;handlingstyp;åtgärd;gallringsfrist;format;anmärkning\n1.2.1.3;;bevaras;;PDF/A;Planer\n2.3.4.1;;Gallras;2;;\n');
    assert.deepEqual(rules, [
      { classificationCode: '1.2.1.3', action: 'keep', retentionYears: null, format: 'PDF/A', note: 'Planer' },
      { classificationCode: '2.3.4.1', action: 'dispose', retentionYears: 2, format: '', note: '' },
    ]);
    assert.equal(parsePlanCsv('code,action,years\n2.4,gallras,10\n')[0]?.retentionYears, 10);
  });

  test('a note with a line break, as Excel saves it, stays in its cell and the lines after it keep their numbers', () => {
    const text = 'klassificeringskod;åtgärd;gallringsfrist;anmärkning\r\n1.2.1.3;bevaras;;"Planer\noch program"\r\n2.3.4.1;slängs;2;\r\n';
    assert.throws(
      () => parsePlanCsv(text),
      (error: unknown) => error instanceof DomainError && /^Rad 4: åtgärden/.test(error.fieldErrors[0]?.message.sv ?? ''),
    );
    assert.deepEqual(parsePlanCsv(text.replace('slängs', 'gallras'))[0]?.note, 'Planer\noch program');
  });

  test('names every bad line in Swedish and English and keeps nothing', () => {
    try {
      parsePlanCsv('kod;åtgärd;gallringsfrist\n1.2;bevaras;\n2.x;gallras;2\n3.1;gallras;\n3.2;slängs;1\n1.2;bevaras;\n');
      assert.fail('should refuse');
    } catch (error) {
      assert.ok(error instanceof DomainError);
      const sv = error.fieldErrors.map((f) => f.message.sv);
      const en = error.fieldErrors.map((f) => f.message.en);
      assert.equal(sv.length, 4);
      assert.match(sv[0] ?? '', /^Rad 3 \(klassificeringskod\)/);
      assert.match(sv[1] ?? '', /^Rad 4 \(gallringsfrist\): Ange efter hur många år/);
      assert.match(sv[2] ?? '', /^Rad 5: åtgärden ska vara/);
      assert.match(sv[3] ?? '', /^Rad 6: samma klassificeringskod som rad 2/);
      assert.match(en[1] ?? '', /^Line 4 \(gallringsfrist\): Give after how many years/);
    }
  });
});

describe('parsePlanCsv — arkivlagen 10 §: one rule per classification code, never words in a description', () => {
  const cases: [csv: string, refusal: RegExp | null][] = [
    ['kod;handlingstyp;åtgärd;gallringsfrist\n2.2.0.2;inbjudan;gallras;2\n', /^Rad 2: planen gäller per klassificeringskod.*”inbjudan”/],
    ['kod;handlingstyp;åtgärd;gallringsfrist\n2.2.0.2;;bevaras;\n2.2.0.2;inbjudan;gallras;2\n', /^Rad 3: planen gäller per klassificeringskod/],
    ['kod;åtgärd;gallringsfrist\n2.2.0.2;bevaras;\n2.2.0.2;gallras;2\n', /^Rad 3: samma klassificeringskod som rad 2/],
    ['kod;åtgärd;gallringsfrist\n2.2.0.2;bevaras;\n2.2.0.2.1;gallras;2\n', null],
  ];
  for (const [csv, refusal] of cases) {
    test(`${csv.split('\n').slice(1).join(' | ')} → ${refusal ? 'refused' : 'read'}`, () => {
      if (!refusal) return void assert.equal(parsePlanCsv(csv).length, 2);
      assert.throws(
        () => parsePlanCsv(csv),
        (error: unknown) => error instanceof DomainError && refusal.test(error.fieldErrors[0]?.message.sv ?? ''),
      );
    });
  }
});

describe('the document management plan page', () => {
  let t: TestContext;
  let client: TestClient;
  before(async () => {
    t = await createTestApp();
    const { committee } = await buildCommittee(t.services);
    const user = await buildUser(t.services, { organisationId: committee.id, roles: ['registrar'] });
    const admin = await buildUser(t.services, { organisationId: committee.id, roles: ['admin'] });
    await t.services.registry.importCodes(
      { userId: admin.id, email: admin.email, name: 'Admin', grants: [{ organisationId: committee.id, role: 'admin' }] },
      committee.slug,
      'kod;rubrik;gallring\n1.1.1.1;Styrning;Bevaras\n2.3.4.1;Systematiskt arbetsmiljöarbete;Gallras efter 10 år\n2.3.4.2;Rehabilitering;Bevaras\n',
    );
    client = new TestClient(t.app);
    await client.signIn(user.email);
  });
  after(() => t.close());

  test('imports from pasted CSV, refuses a bad file whole, and edits a rule', async () => {
    const bad = await client.post('/arkiv/dokumenthanteringsplan/import', { csv: 'kod;åtgärd;gallringsfrist\n2.3.4.1;gallras;10\n2.3.4.2;gallras;\n' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Rad 3/);
    assert.doesNotMatch((await client.get('/arkiv/dokumenthanteringsplan')).body, /<th scope="row">2\.3\.4\.1/);
    const ok = await client.post('/arkiv/dokumenthanteringsplan/import', { csv: 'kod;åtgärd;gallringsfrist\n2.3.4.1;gallras;10\n2.3.4.2;bevaras;\n' });
    assert.equal(ok.statusCode, 302);
    const page = await client.get('/arkiv/dokumenthanteringsplan');
    assert.match(page.body, /Gallras efter 10 år/);
    const id = /href="\/arkiv\/dokumenthanteringsplan\/([0-9a-f-]{36})[?"]/.exec(page.body)?.[1] ?? '';
    const edited = await client.post(`/arkiv/dokumenthanteringsplan/${id}`, { classificationCode: '2.3.4.1', documentType: '', action: 'dispose', retentionYears: '5', format: 'PDF/A', note: '' });
    assert.equal(edited.statusCode, 302);
    assert.match((await client.get('/arkiv/dokumenthanteringsplan')).body, /Gallras efter 5 år/);
    const missingYears = await client.post('/arkiv/dokumenthanteringsplan/ny', { classificationCode: '1.1', action: 'dispose', retentionYears: '' });
    assert.equal(missingYears.statusCode, 400);
    assert.match(missingYears.body, /Ange efter hur många år/);
  });

  test('arkivlagen 10 §: a rule names a code of the registry’s classification scheme (or a higher level of one)', async () => {
    const page = await client.get('/arkiv/dokumenthanteringsplan');
    assert.match(page.body, /Systematiskt arbetsmiljöarbete/, 'the plan shows the scheme’s heading of each code');
    const cases: [code: string, status: number][] = [
      ['9.9.9', 400],
      ['2.3.4.1.7', 400],
      ['1.1', 302],
      ['1.1.1.1', 302],
    ];
    for (const [code, status] of cases) {
      const response = await client.post('/arkiv/dokumenthanteringsplan/ny', { classificationCode: code, action: 'keep', retentionYears: '' });
      assert.equal(response.statusCode, status, code);
      if (status === 400) assert.match(response.body, /finns inte i diariets klassificeringsstruktur/);
    }
    const importUnknown = await client.post('/arkiv/dokumenthanteringsplan/import', { csv: 'kod;åtgärd;gallringsfrist\n2.3.4.2;bevaras;\n7.7;gallras;1\n' });
    assert.equal(importUnknown.statusCode, 400);
    assert.match(importUnknown.body, /7\.7 finns inte/);
  });
});
