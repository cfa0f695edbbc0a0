/** The public notice boards (anslagstavlor): the index, one municipality's board and its embeddable fragment. */
import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import type { PublicNotice, PublicationService } from './publication.service.js';

type Boards = Awaited<ReturnType<PublicationService['boards']>>;
type Board = Awaited<ReturnType<PublicationService['board']>>;

/** The board stands apart from everything else on the page (KL 8:9: clearly separated). */
const BOARD_FRAME = 'border: 3px solid #1d3b5a; border-radius: 6px; padding: 0 1rem 1rem; margin: 1rem 0;';

export const boardPaths = (slug: string) => ({
  page: `/anslagstavla/${slug}`,
  atom: `/anslagstavla/${slug}/atom.xml`,
  json: `/api/v1/notice-boards/${slug}`,
  embed: `/anslagstavla/${slug}/inbaddning`,
});

/** A link to the protocol a notice announces, named for screen readers by its body and meeting day. */
function ProtocolLink(props: { href: string; label: string; notice: { bodyName: string; meetingDate: string } }) {
  return (
    <a href={props.href}>
      {props.label}
      <span class="visually-hidden">
        {' '}
        {props.notice.bodyName} {props.notice.meetingDate}
      </span>
    </a>
  );
}

export function BoardIndexPage({ ctx, boards }: { ctx: ViewContext; boards: Boards }) {
  const { t } = ctx;
  const columns: Column<Boards[number]>[] = [
    { key: 'name', label: t('board.municipality'), text: (b) => b.name, render: (b) => <a href={boardPaths(b.slug).page}>{t('board.title', { name: b.name })}</a>, rowHeader: true },
    { key: 'committee', label: t('board.committee'), text: (b) => b.committeeName },
    {
      key: 'feeds',
      label: t('board.feeds'),
      text: () => '',
      render: (b) => (
        <>
          <a href={boardPaths(b.slug).atom}>
            {t('board.atom')}
            <span class="visually-hidden"> {b.name}</span>
          </a>
          {' · '}
          <a href={boardPaths(b.slug).json}>
            {t('board.json')}
            <span class="visually-hidden"> {b.name}</span>
          </a>
        </>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={t('board.indexTitle')} back={{ href: '/' }}>
      <p>{t('board.indexIntro')}</p>
      <ListTable ctx={ctx} caption={t('board.indexTitle')} columns={columns} rows={boards} defaultSort="name" hideCaption />
    </Layout>
  );
}

/** One notice with every fact KL 8:12 and the convention ask for. */
export function NoticeFacts({ ctx, notice, headingLevel = 3 }: { ctx: ViewContext; notice: PublicNotice; headingLevel?: 2 | 3 }) {
  const { t } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article aria-labelledby={`anslag-${notice.id}`}>
      <Heading id={`anslag-${notice.id}`}>
        {notice.paragraph
          ? t('board.paragraphHeading', { number: notice.paragraph.number ?? '–', heading: notice.paragraph.heading, body: notice.bodyName, date: notice.meetingDate })
          : t('board.noticeHeading', { body: notice.bodyName, date: notice.meetingDate })}
      </Heading>
      <dl class="facts">
        <dt>{t('board.body')}</dt>
        <dd>{notice.bodyName === notice.committeeName ? notice.bodyName : `${notice.bodyName}, ${notice.committeeName}`}</dd>
        <dt>{t('board.meetingDate')}</dt>
        <dd>{notice.meetingDate}</dd>
        <dt>{t('board.justeredOn')}</dt>
        <dd>{notice.justeredOn}</dd>
        <dt>{t('board.postedOn')}</dt>
        <dd>{notice.postedOn}</dd>
        {notice.corrections.length > 0 && (
          <>
            <dt>{t('board.corrections')}</dt>
            <dd>
              <ul>
                {notice.corrections.map((c) => (
                  <li>{t('board.correction', { from: c.previousPostedOn, to: c.correctedPostedOn, on: c.correctedOn, by: c.correctedBy, reason: c.reason })}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('board.takeDownOn')}</dt>
        <dd>{notice.takeDownOn ?? t('board.notYet')}</dd>
        <dt>{t('board.lastDay')}</dt>
        <dd>{notice.lastDayToAppeal ?? t('board.notYet')}</dd>
        <dt>{t('board.keptAt')}</dt>
        <dd>{notice.keptAt}</dd>
        <dt>{t('board.protocol')}</dt>
        <dd>
          <ProtocolLink href={notice.protocolPath} label={t('board.readProtocol')} notice={notice} />
          {!notice.paragraph && (
            <>
              {' · '}
              <ProtocolLink href={notice.pdfPath} label={t('board.pdf')} notice={notice} />
            </>
          )}
        </dd>
      </dl>
      {notice.lastDayToAppeal === null && (
        <p>
          <strong>{t('board.waitingForAll')}</strong>
        </p>
      )}
    </article>
  );
}

/** The court named in the guidance: the committee's setting, else "förvaltningsrätten". */
function courtOf(ctx: ViewContext, court: Board['appealCourt']): { court: string; address: string } {
  return { court: court.name || ctx.t('board.appealCourtDefault'), address: court.name && court.address ? `, ${court.address}` : '' };
}

/** Överklagandehänvisning: who may appeal, to which court, what the appeal must say and by when (KL 13:1, 13:5–6, 13:8). */
export function HowToAppeal({ ctx, court }: { ctx: ViewContext; court: Board['appealCourt'] }) {
  const { t } = ctx;
  const named = courtOf(ctx, court);
  return (
    <section aria-labelledby="overklaga">
      <h2 id="overklaga">{t('board.appealHeading')}</h2>
      <p>{t('board.appeal1', named)}</p>
      <p>{t('board.appeal2')}</p>
      <ul>
        <li>{t('board.appealWhich')}</li>
        <li>{t('board.appealWhy')}</li>
        <li>{t('board.appealReasons')}</li>
      </ul>
      <p>{t('board.appeal3', named)}</p>
    </section>
  );
}

export function BoardPage({ ctx, board, origin }: { ctx: ViewContext; board: Board; origin: string }) {
  const { t } = ctx;
  const paths = boardPaths(board.municipality.slug);
  const earlierColumns: Column<PublicNotice>[] = [
    { key: 'meeting', label: t('board.meetingDate'), text: (n) => n.meetingDate, rowHeader: true },
    { key: 'body', label: t('board.body'), text: (n) => n.bodyName },
    { key: 'posted', label: t('board.postedOn'), text: (n) => n.postedOn },
    { key: 'lastDay', label: t('board.lastDay'), text: (n) => n.lastDayToAppeal ?? '' },
    {
      key: 'protocol',
      label: t('board.protocol'),
      text: () => '',
      render: (n) => (
        <a href={n.protocolPath}>
          {t('board.readProtocol')}
          <span class="visually-hidden"> {n.meetingDate}</span>
        </a>
      ),
    },
  ];
  const embedCode = `<iframe src="${origin}${paths.embed}" title="${t('board.embedTitle', { name: board.municipality.name })}" style="width:100%;min-height:30rem;border:0"></iframe>`;
  return (
    <Layout ctx={ctx} title={t('board.title', { name: board.municipality.name })} back={{ href: '/anslagstavla', label: t('board.allBoards') }}>
      {board.official ? (
        <p>
          {t('board.intro', { name: board.municipality.name })}{' '}
          {board.official.kind === 'embedded' && board.official.embedUrl
            ? t('board.confirmedEmbedded', { by: board.official.confirmedBy, on: board.official.confirmedOn, url: board.official.embedUrl })
            : t('board.confirmed', { by: board.official.confirmedBy, on: board.official.confirmedOn })}
          <ExampleMark ctx={ctx} origin={board.official.origin} />
        </p>
      ) : (
        <p class="notice">{t('board.notOfficial', { name: board.municipality.name })}</p>
      )}
      <section aria-labelledby="aktuella" style={BOARD_FRAME}>
        <h2 id="aktuella">{t('board.current')}</h2>
        {board.current.length === 0 ? <p>{t('board.noCurrent')}</p> : board.current.map((notice) => <NoticeFacts ctx={ctx} notice={notice} />)}
      </section>
      <HowToAppeal ctx={ctx} court={board.appealCourt} />
      {board.earlier.length > 0 && (
        <section aria-labelledby="tidigare">
          <h2 id="tidigare">{t('board.earlier')}</h2>
          <p>{t('board.earlierIntro')}</p>
          <ListTable ctx={ctx} caption={t('board.earlier')} columns={earlierColumns} rows={board.earlier} defaultSort="meeting" searchId="tidigare" hideCaption />
        </section>
      )}
      <section aria-labelledby="oppna-data">
        <h2 id="oppna-data">{t('board.openData')}</h2>
        <p>{t('board.openDataIntro')}</p>
        <ul>
          <li>
            <a href={paths.atom}>{t('board.atom')}</a>
          </li>
          <li>
            <a href={paths.json}>{t('board.json')}</a>
          </li>
          <li>
            <a href={paths.embed}>{t('board.embed')}</a>
          </li>
        </ul>
        <label for="embed-code">{t('board.embedHint')}</label>
        <textarea id="embed-code" readOnly rows={3} style="width: 100%">
          {embedCode}
        </textarea>
      </section>
    </Layout>
  );
}

/**
 * The board as a fragment a municipality can embed (iframe or server-side include): plain
 * markup, no script, no style sheet, absolute links back to the full board.
 */
export function BoardFragment({ ctx, board, origin }: { ctx: ViewContext; board: Board; origin: string }) {
  const { t } = ctx;
  const absolute = (notice: PublicNotice): PublicNotice => ({ ...notice, protocolPath: `${origin}${notice.protocolPath}`, pdfPath: `${origin}${notice.pdfPath}` });
  return (
    <section class="kansli-anslagstavla" lang={ctx.locale === 'sv' ? 'sv-SE' : 'en'} aria-labelledby="kansli-anslagstavla-rubrik">
      <h2 id="kansli-anslagstavla-rubrik">{t('board.title', { name: board.municipality.name })}</h2>
      {board.current.length === 0 ? <p>{t('board.noCurrent')}</p> : board.current.map((notice) => <NoticeFacts ctx={ctx} notice={absolute(notice)} />)}
      <p>{t('board.appeal3', courtOf(ctx, board.appealCourt))}</p>
      <p>
        <a href={`${origin}${boardPaths(board.municipality.slug).page}`} target="_top">
          {t('board.title', { name: board.municipality.name })}
        </a>
      </p>
    </section>
  );
}
