/**
 * Överklagandehänvisning on the notice boards: the court that tries the appeal (KL 13:5; set per
 * committee), what the appeal must say (KL 13:6, grounds 13:8) and the three weeks from the day
 * the justering was announced on the board (KL 13:5).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient, createTestApp, type TestContext } from '../../../test/support/app.js';
import { buildJointCommittee, buildRoleUser } from '../../../test/support/publication-fixtures.js';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('KL 13:5–6: the appeal guidance names the court and what the appeal must contain', () => {
  let t: TestContext;
  let org: Awaited<ReturnType<typeof buildJointCommittee>>;
  let other: Awaited<ReturnType<typeof buildJointCommittee>>;
  let secretary: TestClient;
  const board = async (slug: string, path = '') => textOf((await new TestClient(t.app).get(`/anslagstavla/${slug}${path}`)).body);

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2026-11-25T09:00:00Z') });
    org = await buildJointCommittee(t.services);
    other = await buildJointCommittee(t.services, { municipalities: ['Xby kommun', 'Yby kommun'] });
    const s = await buildRoleUser(t.services, org.committee.id, 'secretary');
    secretary = new TestClient(t.app);
    await secretary.signIn(s.email);
  });
  after(() => t.close());

  test('without a court set, the guidance says "förvaltningsrätten" and still names every part', async () => {
    const page = await board(org.members[0]?.slug ?? '');
    assert.match(page, /begära att förvaltningsrätten prövar/);
    assert.match(page, /Skicka överklagandet till förvaltningsrätten\./);
  });

  test('the committee’s secretary sets the court; a municipality’s registrar, or another committee’s secretary, may not', async () => {
    const form = { noticePosting: 'immediate', postingTime: '08:00', protocolKeptAt: '', appealCourt: ' Förvaltningsrätten i Luleå ', appealCourtAddress: 'Box 849, 971 26 Luleå' };
    const registrar = await buildRoleUser(t.services, org.members[0]?.id ?? '', 'registrar');
    const registrarClient = new TestClient(t.app);
    await registrarClient.signIn(registrar.email);
    assert.equal((await registrarClient.post(`/anslag/installningar/${org.committee.slug}`, form)).statusCode, 403);
    const otherSecretary = await buildRoleUser(t.services, other.committee.id, 'secretary');
    const otherClient = new TestClient(t.app);
    await otherClient.signIn(otherSecretary.email);
    assert.equal((await otherClient.post(`/anslag/installningar/${org.committee.slug}`, form)).statusCode, 403);
    assert.doesNotMatch(await board(org.members[0]?.slug ?? ''), /Luleå/);

    const tooLong = await secretary.post(`/anslag/installningar/${org.committee.slug}`, { ...form, appealCourt: 'F'.repeat(201) });
    assert.equal(tooLong.statusCode, 400);
    const ok = await secretary.post(`/anslag/installningar/${org.committee.slug}`, form);
    assert.equal(ok.statusCode, 302);
    assert.match((await secretary.get(`/anslag/installningar/${org.committee.slug}`)).body, /value="Förvaltningsrätten i Luleå"/);
    // The other committee's boards keep the general wording.
    assert.match(await board(other.members[0]?.slug ?? ''), /Skicka överklagandet till förvaltningsrätten\./);
  });

  // Each part the law asks of the guidance, as the board page prints it once the court is set.
  const parts: [section: string, what: string, pattern: RegExp][] = [
    ['KL 13:1', 'who may appeal', /medlem i någon av kommunerna som äger nämnden kan begära att Förvaltningsrätten i Luleå prövar om ett beslut har fattats på ett lagligt sätt/],
    ['KL 13:6', 'which decision', /vilket beslut du överklagar: nämnd, sammanträdesdag och paragraf/],
    ['KL 13:6, 13:8', 'why it is unlawful', /varför du anser att beslutet inte är lagligt: .*strider mot lag eller annan författning \(13 kap\. 8 §\)/],
    ['KL 13:6', 'the reasons, none new after the period', /de omständigheter du stöder överklagandet på\. Nya omständigheter får inte åberopas efter att överklagandetiden har gått ut/],
    ['KL 13:5', 'sent to the court, with its address', /Skicka överklagandet till Förvaltningsrätten i Luleå, Box 849, 971 26 Luleå\./],
    ['KL 13:5', 'within three weeks from the announcement on the board', /inom tre veckor från den dag då det tillkännagavs på anslagstavlan att protokollet har justerats/],
    ['KL 13:5', 'joint committee: from the posting on every member’s board', /gemensam nämnd räknas tiden från den dag då det har anslagits på alla medlemskommunernas anslagstavlor/],
  ];
  for (const [section, what, pattern] of parts) {
    test(`${section} — the board page says ${what}`, async () => {
      assert.match(await board(org.members[1]?.slug ?? ''), pattern);
    });
  }

  test('KL 13:5 — the embeddable board names the court and the period too', async () => {
    const fragment = await board(org.members[0]?.slug ?? '', '/inbaddning');
    assert.match(fragment, /Skicka överklagandet till Förvaltningsrätten i Luleå, Box 849, 971 26 Luleå\. Det ska ha kommit in till domstolen inom tre veckor/);
  });
});
