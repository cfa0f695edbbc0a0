import type { ProtocolDocument, ProtocolParagraph } from './protocol.model.js';

/**
 * A protocol of fictional people written like the e-nämnd's protocol of 2022-12-14: `paragraphs`
 * paragraphs from § 19, with a vote, a reservation and numbered decisions. The sealer's warm-up
 * renders it (protocol-sealer.ts); tests and the protocol benchmark use it too.
 */
export function sampleProtocol(paragraphs = 7, status: ProtocolDocument['status'] = 'final'): ProtocolDocument {
  const municipalities = ['Luleå', 'Piteå', 'Boden', 'Kalix', 'Gällivare', 'Kiruna', 'Älvsbyn', 'Haparanda', 'Jokkmokk', 'Arjeplog', 'Arvidsjaur', 'Överkalix', 'Övertorneå', 'Pajala'];
  const served = municipalities.map((m, i) => ({
    name: i === 3 ? 'Åsa Öberg' : `Ledamot ${m}`,
    municipality: `${m} kommun`,
    role: i === 3 ? ('substitute' as const) : ('member' as const),
    position: i === 0 ? ('chair' as const) : i === 1 ? ('vice_chair' as const) : null,
    servingFor: i === 3 ? 'Ledamot Kalix' : null,
    paragraphIds: Array.from({ length: paragraphs }, (_, n) => `p${n}`),
  }));
  const long =
    'Inom ramen för Norrbottens e-nämnd pågår aktiviteter som utgår från en beslutad verksamhetsplan. ' +
    'Samordnare tillsammans med beredningsgrupp har berett förslaget, och verksamhetsplanen har genom beredningsgruppen distribuerats till respektive ingående kommun för påseende innan beslut i nämnden. ';
  const make = (i: number): ProtocolParagraph => ({
    id: `p${i}`,
    number: 19 + i,
    publicHeading: null,
    heading: i % 3 === 0 ? 'Revidering reglemente och samverkansavtal' : i % 3 === 1 ? 'Ekonomisk rapport, utfall per sista oktober' : 'Information om aktuella och pågående aktiviteter',
    caseNumber: `2022/${20 + i}-2.4.0.2`,
    decision:
      i % 2 === 0
        ? 'e-nämnden beslutar att\n1. godkänna förslaget till reviderat reglemente,\n2. föreslå medlemskommunernas fullmäktige att anta reglementet,\n3. lägga informationen till handlingarna.'
        : 'e-nämnden beslutar att godkänna redovisningen och lägga rapporten till handlingarna.',
    summary: `${long}\n\n${long}${long}\n\n- DCBD (gemensamt datacenter): i drift sedan 2021\n- E-tjänsteplattformen: i drift sedan 2017\n- Gemensamt e-arkiv: i drift sedan 2019\n\n${long}`,
    handling: 'Ordföranden föreslår att godkänna redovisningen och finner att e-nämnden bifaller förslaget.',
    record: {
      motions: i % 2 === 0 ? [{ by: 'Ledamot Piteå', text: 'bifall till beredningsgruppens förslag' }, { by: 'Ledamot Boden', text: 'återremiss för vidare beredning' }] : [],
      propositions: i % 2 === 0 ? [{ text: 'Yrkande av Ledamot Piteå: bifall till beredningsgruppens förslag', outcome: 'approved' }, { text: 'Att återremittera ärendet', outcome: 'rejected' }] : [],
      votes:
        i % 2 === 0
          ? [
              {
                yesMeans: 'bifall till förslaget',
                noMeans: 'återremiss',
                yes: 9,
                no: 4,
                abstain: 1,
                outcome: 'yes',
                decidedByCastingVote: false,
                lotteryResult: null,
                ballots: served.map((s, k) => ({ name: s.name, municipality: s.municipality, choice: k < 9 ? 'yes' : k < 13 ? 'no' : 'abstain' })),
              },
            ]
          : [],
      reservations: i % 2 === 0 ? [{ name: 'Ledamot Boden', reason: 'till förmån för eget yrkande' }] : [],
      jav: [],
      notes: '',
    },
    decisionBasis: [
      { hid: `2022.${10 + i}`, text: 'Tjänsteskrivelse, E-NAMND' },
      { hid: null, text: 'Beslut Kommunstyrelsen 2022-09-12, Obligatoriska kontrollmoment 2023' },
    ],
    recipients: ['Samtliga medlemskommuner', 'Kommunstyrelsen, Luleå kommun'],
    secrecyProvision: null,
    immediateJustering: false,
  });
  return {
    protocolId: '00000000-0000-4000-8000-000000000019',
    status,
    organisationName: 'Norrbottens e-nämnd',
    bodyName: 'E-nämnden',
    letterhead: { hostName: 'Luleå kommun', shortName: 'E-nämnden', registryCode: 'E-NAMND' },
    meetingDate: '2022-12-14',
    startTime: '09:00',
    endTime: '12:00',
    place: 'Stadshuset, Luleå',
    served,
    otherPresent: 'Samordnare Anna Lind, sekreterare\nBeredningsgruppens ordförande Per Nilsson',
    chair: 'Ledamot Luleå',
    adjuster: 'Ledamot Piteå',
    secretary: 'Anna Lind',
    justeringPlace: 'Digital justering',
    justeringDate: '2022-12-19',
    paragraphs: Array.from({ length: paragraphs }, (_, i) => make(i)),
  };
}
