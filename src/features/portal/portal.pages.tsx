/** The public portal's pages: start page, meetings, one meeting, the public protocol and the decisions. */
import { Corrections } from '../protocols/correction.pages.js';
import { Header, Paragraph } from '../protocols/paragraph.view.js';
import type { CorrectionView } from '../protocols/correction.service.js';
import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { LinkList, ListOrNone } from '../../platform/views/list-or-none.js';
import type { ProtocolDocument } from '../protocols/protocol.model.js';
import type { PortalService } from './portal.service.js';

type Start = Awaited<ReturnType<PortalService['start']>>;
type Meetings = Awaited<ReturnType<PortalService['meetings']>>;
type Meeting = Awaited<ReturnType<PortalService['meeting']>>;
type Decisions = Awaited<ReturnType<PortalService['decisions']>>;
type Board = { slug: string; name: string; committeeName: string };

export const meetingPath = (id: string) => `/sammantraden/${id}`;
export const protocolPath = (meetingId: string) => `/sammantraden/${meetingId}/protokoll`;

export function PortalHomePage({ ctx, start, boards }: { ctx: ViewContext; start: Start; boards: readonly Board[] }) {
  const { t } = ctx;
  const committees = [...new Set(boards.map((b) => b.committeeName).filter(Boolean))];
  const title = committees.length === 1 ? (committees[0] ?? t('portal.title')) : t('portal.title');
  return (
    <Layout ctx={ctx} title={title}>
      <p>{committees.length > 0 ? t('portal.intro', { names: committees.join(', ') }) : t('portal.introPlain')}</p>
      <form method="get" action="/beslut" role="search" class="list-search">
        <label for="portal-q">{t('portal.searchDecisions')}</label>
        <input id="portal-q" name="q" type="search" />
        <button type="submit">{t('common.search')}</button>
      </form>
      <section aria-labelledby="anslagstavlor" style="border: 3px solid #1d3b5a; border-radius: 6px; padding: 0 1rem 1rem; margin: 1rem 0">
        <h2 id="anslagstavlor">{t('portal.boards')}</h2>
        <p>{t('portal.boardsIntro')}</p>
        <LinkList class="cards" links={boards.map((b) => ({ href: `/anslagstavla/${b.slug}`, label: b.name }))} />
        <p>
          <a href="/anslagstavla">{t('portal.allBoards')}</a>
        </p>
      </section>
      <section aria-labelledby="kommande">
        <h2 id="kommande">{t('portal.upcoming')}</h2>
        <ListOrNone
          items={start.upcoming}
          none={t('portal.noUpcoming')}
          item={(m) => (
            <>
              <a href={meetingPath(m.id)}>{t('portal.meetingTitle', { body: m.bodyName, date: m.date })}</a> {m.time}, {m.place}
              <ExampleMark ctx={ctx} origin={m.origin} />
            </>
          )}
        />
      </section>
      <section aria-labelledby="senaste">
        <h2 id="senaste">{t('portal.latest')}</h2>
        <ListOrNone
          items={start.latest}
          none={t('portal.noLatest')}
          item={(p) => (
            <>
              <a href={protocolPath(p.meetingId)}>{t('portal.protocolOf', { body: p.bodyName, date: p.meetingDate })}</a>
              {p.justeredOn && <> ({t('portal.justeredOn', { date: p.justeredOn })})</>}
            </>
          )}
        />
      </section>
      <section aria-labelledby="mer">
        <h2 id="mer">{t('portal.more')}</h2>
        <LinkList
          links={[
            { href: '/sammantraden', label: t('portal.allMeetings') },
            { href: '/beslut', label: t('portal.decisionsTitle') },
            { href: '/diarium', label: t('portal.registry') },
            { href: '/verifiera', label: t('portal.verify') },
            { href: '/tillganglighet', label: t('portal.accessibility') },
            { href: '/logga-in', label: t('portal.staff') },
          ]}
        />
      </section>
    </Layout>
  );
}

export function MeetingsPage({ ctx, view }: { ctx: ViewContext; view: Meetings }) {
  const { t } = ctx;
  type Row = Meetings['meetings'][number];
  const columns: Column<Row>[] = [
    { key: 'date', label: t('portal.date'), text: (m) => `${m.date} ${m.time}`, render: (m) => <a href={meetingPath(m.id)}>{`${m.date} ${m.time}`}</a>, rowHeader: true },
    { key: 'body', label: t('portal.body'), text: (m) => (m.kind === 'strategy_day' ? `${m.bodyName} (${t('portal.strategyDay')})` : m.bodyName) },
    {
      key: 'place',
      label: t('portal.place'),
      text: (m) => m.place,
      render: (m) => (
        <>
          {m.place}
          <ExampleMark ctx={ctx} origin={m.origin} />
        </>
      ),
    },
    { key: 'status', label: t('portal.status'), text: (m) => t(`portal.status.${m.status}`) },
    {
      key: 'protocol',
      label: t('portal.protocol'),
      text: (m) => (m.hasProtocol ? t('portal.protocolLink') : ''),
      render: (m) =>
        m.hasProtocol ? (
          <a href={protocolPath(m.id)}>
            {t('portal.protocolLink')}
            <span class="visually-hidden"> {m.date}</span>
          </a>
        ) : (
          ''
        ),
    },
  ];
  return (
    <Layout ctx={ctx} title={t('portal.meetingsTitle')} back={{ href: '/' }}>
      {view.bodies.length > 1 && (
        <nav aria-label={t('portal.bodyFilter')}>
          <ul class="nav-list">
            <li>
              <a href="/sammantraden" aria-current={view.bodyId === null ? 'page' : undefined}>
                {t('portal.allBodies')}
              </a>
            </li>
            {view.bodies.map((b) => (
              <li>
                <a href={`/sammantraden?organ=${b.id}`} aria-current={view.bodyId === b.id ? 'page' : undefined}>
                  {b.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ListTable ctx={ctx} caption={t('portal.meetingsTitle')} columns={columns} rows={view.meetings} defaultSort="date" hideCaption />
    </Layout>
  );
}

export function PublicMeetingPage({ ctx, view }: { ctx: ViewContext; view: Meeting }) {
  const { t } = ctx;
  const m = view.meeting;
  return (
    <Layout ctx={ctx} title={t('portal.meetingTitle', { body: view.body.name, date: m.date })} back={{ href: '/sammantraden', label: t('portal.allMeetings') }}>
      <dl class="facts">
        <dt>{t('portal.body')}</dt>
        <dd>{view.body.name === view.committeeName ? view.body.name : `${view.body.name}, ${view.committeeName}`}</dd>
        <dt>{t('portal.time')}</dt>
        <dd>{m.endTime ? `${m.date} ${m.time}–${m.endTime}` : `${m.date} ${m.time}`}</dd>
        <dt>{t('portal.place')}</dt>
        <dd>
          {m.place}
          <ExampleMark ctx={ctx} origin={m.origin} />
        </dd>
        <dt>{t('portal.status')}</dt>
        <dd>{t(`portal.status.${m.status}`)}</dd>
        <dt>{t('portal.protocol')}</dt>
        <dd>{view.hasProtocol ? <a href={protocolPath(m.id)}>{t('portal.readProtocol')}</a> : t('portal.noProtocol')}</dd>
      </dl>
      {view.liveScreen && (
        <p class="notice">
          <a href={`/sammantraden/${m.id}/storbild`}>{t('portal.liveScreen')}</a>
        </p>
      )}
      <h2>{t('portal.agenda')}</h2>
      {!view.agendaPublished && <p>{t('portal.agendaNotYet')}</p>}
      {view.agendaPublished && view.items.length === 0 && <p>{t('portal.noItems')}</p>}
      {view.items.length > 0 && (
        <ol>
          {view.items.map((item) => (
            <li>
              <h3>
                {item.heading}
                <ExampleMark ctx={ctx} origin={item.origin} />
              </h3>
              {item.secret && <p>{item.secrecyProvision ? t('portal.secretItemUnder', { provision: item.secrecyProvision }) : t('portal.secretItem')}</p>}
              {item.proposal.trim() && (
                <>
                  <h4>{t('portal.proposal')}</h4>
                  <p style="white-space: pre-line">{item.proposal}</p>
                </>
              )}
              {item.documents.length > 0 && (
                <>
                  <h4>{t('portal.documents')}</h4>
                  <ul>
                    {item.documents.map((d) => (
                      <li>
                        <a href={`/diarium/${d.id}`}>{`${d.description}, Hid: ${d.hid}`}</a>
                        {d.secret && <> {d.provision ? t('portal.secretDocumentUnder', { provision: d.provision }) : t('portal.secretDocument')}</>}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

export function PublicProtocolPage({ ctx, meetingId, doc, digest, corrections = [] }: { ctx: ViewContext; meetingId: string; doc: ProtocolDocument; digest: string | null; corrections?: CorrectionView[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('portal.protocolTitle', { body: doc.bodyName, date: doc.meetingDate })} back={{ href: meetingPath(meetingId), label: t('portal.backToMeeting') }}>
      <p>{t('portal.publicVersion')}</p>
      <Header ctx={ctx} doc={doc} />
      <p>
        <a href={`/moten/${meetingId}/protokoll.pdf`}>{t('protocol.pdf')}</a>
        {digest && (
          <>
            {' · '}
            <a href="/verifiera">{t('portal.verifyThis')}</a>
          </>
        )}
      </p>
      {digest && <p style="overflow-wrap: anywhere">{t('portal.digest', { sha: digest })}</p>}
      <nav aria-label={t('portal.contents')}>
        <ul>
          {doc.paragraphs.map((p) => (
            <li>
              <a href={`#p-${p.id}`}>{`${p.number === null ? '' : `§ ${p.number} `}${p.heading}`}</a>
            </li>
          ))}
        </ul>
      </nav>
      {doc.paragraphs.map((p) => (
        <Paragraph ctx={ctx} doc={doc} p={p} anchor="p-" />
      ))}
      <Corrections ctx={ctx} meetingId={meetingId} corrections={corrections} />
    </Layout>
  );
}

export function DecisionsPage({ ctx, decisions }: { ctx: ViewContext; decisions: Decisions }) {
  const { t } = ctx;
  type Row = Decisions[number];
  const columns: Column<Row>[] = [
    { key: 'date', label: t('portal.date'), text: (d) => d.meetingDate },
    { key: 'paragraph', label: t('portal.paragraph'), text: (d) => `${d.year} § ${String(d.number ?? '').padStart(3, ' ')}`, render: (d) => `§ ${d.number ?? ''}` },
    {
      key: 'heading',
      label: t('portal.heading'),
      text: (d) => d.heading,
      render: (d) => <a href={`${protocolPath(d.meetingId)}#p-${d.paragraphId}`}>{d.heading}</a>,
      rowHeader: true,
    },
    { key: 'case', label: t('portal.caseNumber'), text: (d) => d.caseNumber ?? '' },
    { key: 'decision', label: t('portal.decision'), text: (d) => d.decision, render: (d) => <span style="white-space: pre-line">{d.decision}</span> },
    { key: 'body', label: t('portal.body'), text: (d) => d.bodyName },
  ];
  return (
    <Layout ctx={ctx} title={t('portal.decisionsTitle')} back={{ href: '/' }}>
      <p>{t('portal.decisionsIntro')}</p>
      <ListTable ctx={ctx} caption={t('portal.decisionsTitle')} columns={columns} rows={decisions} defaultSort="date" hideCaption />
    </Layout>
  );
}
