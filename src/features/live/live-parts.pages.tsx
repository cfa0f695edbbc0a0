/**
 * What every page of the live meeting shares: the paths, the style sheet, the page frame and the
 * shared parts (the current item, the speakers' list with the running time, the motions in the
 * proposition order, the vote) that the event stream carries to every open page.
 */
import type { ComponentChildren } from 'preact';
import { createHash } from 'node:crypto';
import { render } from 'preact-render-to-string';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { translator, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import { formatClock } from '../../platform/time-format.js';
import { countText } from '../../platform/i18n/plural.js';
import type { RoomState } from './live.service.js';
import { ELECTION_CSS, ElectionStatus } from './live-election.pages.js';
import { DataTable } from '../../platform/views/data-table.js';

export const LIVE_CSS_PATH = '/static/live-room.css';
export const LIVE_JS_PATH = '/static/live-room.js';

export const memberPath = (id: string) => `/mina-moten/${id}/live`;
export const chairPath = (id: string) => `/moten/${id}/ordforande`;
export const screenPath = (id: string) => `/moten/${id}/storbild`;
export const publicScreenPath = (id: string) => `/sammantraden/${id}/storbild`;
export const streamPath = (id: string) => `/moten/${id}/live/handelser`;
export const publicStreamPath = (id: string) => `/sammantraden/${id}/storbild/handelser`;

/** Phone first: one column, large targets (at least 44 px), the big screen in large type. */
export const LIVE_CSS = `
.lr { max-width: 40rem; font-size: 1.0625rem; line-height: 1.5; }
.lr h2 { font-size: 1.3rem; margin: 0 0 .5rem; }
.lr-panel { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem; margin: 1rem 0; }
.lr-panel > :last-child { margin-bottom: 0; }
.lr-now { border-left: 6px solid var(--brand); }
.lr-now__n { font-weight: 700; }
.lr-buttons { display: flex; flex-wrap: wrap; gap: .6rem; margin: .75rem 0 0; }
.lr-buttons form { margin: 0; }
.lr button, .lr .button { min-height: 2.75rem; min-width: 2.75rem; }
.lr-ballot { display: grid; grid-template-columns: repeat(3, 1fr); gap: .6rem; margin: .75rem 0 0; }
.lr-ballot button { font-size: 1.2rem; font-weight: 700; min-height: 3.5rem; }
.lr-ballot button[aria-pressed="true"] { outline: 4px solid var(--ink); outline-offset: 2px; }
.lr-speakers { margin: 0; padding-left: 1.75rem; }
.lr-speakers li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
.lr-speakers__who { font-weight: 600; }
.lr-speakers__tag { display: inline-block; margin-left: .4rem; padding: 0 .4rem; border-radius: 4px; background: var(--bg-soft); border: 1px solid var(--line); font-size: .9em; }
.lr-speakers__tag--now { background: #0b5d1e; border-color: #0b5d1e; color: #fff; }
.lr-speakers .lr-buttons { margin-top: .35rem; }
.lr-result { font-weight: 600; }
.lr-timer { display: inline-block; margin-left: .4rem; font-variant-numeric: tabular-nums; }
.lr-timer__t { font-weight: 700; }
.lr-timer__over { display: none; }
.lr-timer--over { color: #8a0015; font-weight: 700; }
.lr-timer--over .lr-timer__over { display: inline; }
.lr-motions { margin: 0; padding-left: 1.75rem; }
.lr-motions > li { padding: .35rem 0; }
.lr-motions__stage { font-weight: 600; }
.lr-field textarea { min-height: 5rem; max-width: 100%; }
.lr-table { border-collapse: collapse; width: 100%; }
.lr-table th, .lr-table td { text-align: left; padding: .35rem .5rem .35rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
.lr-error { border-left: 6px solid #b00020; background: #fdecee; padding: .6rem .9rem; margin: 1rem 0; }
.lr-field { display: grid; gap: .25rem; margin: .6rem 0; }
.lr-field select, .lr-field input { min-height: 2.75rem; max-width: 100%; }
.lr-links { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin: .5rem 0 1rem; }
.lr-links a { display: inline-flex; align-items: center; min-height: 2.75rem; }
.lr-screen { max-width: none; font-size: clamp(1.1rem, 2.2vw, 2rem); }
.lr-screen h1 { font-size: 1.6em; }
.lr-screen h2 { font-size: 1.2em; }
.lr-screen__grid { display: grid; gap: 1rem 2rem; }
@media (min-width: 60rem) { .lr-screen__grid { grid-template-columns: 1fr 1fr; } .lr-screen__grid > :first-child { grid-column: 1 / -1; } }
${ELECTION_CSS}`;

export const choiceKey = { yes: 'lr.choice.yes', no: 'lr.choice.no', abstain: 'lr.choice.abstain' } as const;

// ---------------------------------------------------------------------------------------------
// Shared parts: the same for every viewer of an audience, sent in the events.

export function CurrentItem({ t, locale, state }: { t: Translate; locale: Locale; state: RoomState }) {
  return (
    <section class="lr-panel lr-now" aria-labelledby="lr-now-h">
      <h2 id="lr-now-h">{t('lr.item.heading')}</h2>
      {state.status !== 'open' ? (
        <p>{t(`lr.status.${state.status}`)}</p>
      ) : state.current ? (
        <>
          <p>
            <span class="lr-now__n">{`${t('lr.item.number', { n: state.current.number })}:`}</span> {state.current.heading}
          </p>
          <p>{countText({ locale, t }, 'lr.item.serving', state.serving.length)}</p>
        </>
      ) : (
        <p>{t('lr.item.none')}</p>
      )}
    </section>
  );
}

/** m:ss, as a stopwatch shows it. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The running time of the one speaking, against the limit if the chair set one. The script
 * counts on from `data-live-elapsed` (seconds when rendered) each second; without it the time
 * is the time at loading.
 */
function SpeakerTimer({ t, startedAt, limitMinutes, now }: { t: Translate; startedAt: Date; limitMinutes: number | null; now: Date }) {
  const elapsed = Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000));
  const limit = limitMinutes === null ? null : limitMinutes * 60;
  const over = limit !== null && elapsed >= limit;
  return (
    <span class={`lr-timer${over ? ' lr-timer--over' : ''}`} data-live-elapsed={String(elapsed)} data-live-limit={limit === null ? undefined : String(limit)}>
      {t('lr.timer.label')} <span class="lr-timer__t">{formatDuration(elapsed)}</span>
      {limit !== null && ` ${t('lr.timer.of', { limit: formatDuration(limit) })}`}
      <span class="lr-timer__over">{` – ${t('lr.timer.over')}`}</span>
    </span>
  );
}

export function SpeakerList({ t, state, now, controls }: { t: Translate; state: RoomState; now: Date; controls?: (entry: RoomState['speakers'][number]) => ComponentChildren }) {
  if (state.speakers.length === 0) return <p>{t('lr.speakers.empty')}</p>;
  return (
    <ol class="lr-speakers">
      {state.speakers.map((s) => (
        <li>
          <span class="lr-speakers__who">{s.name}</span>, {s.municipalityName}
          {s.kind === 'reply' && <span class="lr-speakers__tag">{t('lr.speakers.reply')}</span>}
          {s.speaking && <span class="lr-speakers__tag lr-speakers__tag--now">{t('lr.speakers.speaking')}</span>}
          {s.startedAt && (
            <>
              {' '}
              <SpeakerTimer t={t} startedAt={s.startedAt} limitMinutes={state.speakerMinutes} now={now} />
            </>
          )}
          {controls?.(s)}
        </li>
      ))}
    </ol>
  );
}

/** The motions of the current item in the proposition order, stage by stage. */
export function MotionList({ t, state }: { t: Translate; state: RoomState }) {
  if (state.motions.length === 0) return <p>{t('lr.motions.empty')}</p>;
  return (
    <ol class="lr-motions">
      {state.motions.map((group) => (
        <li>
          <span class="lr-motions__stage">{t(`live.order.${group.stage}`)}</span>
          <ul>
            {group.motions.map((m) => (
              <li>
                <span class="lr-speakers__who">{m.kind ? t('live.motion.typedEntry', { name: m.name, kind: t(`live.motionKind.${m.kind}`) }) : m.name}</span>
                {m.text && `: ${m.text}`}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

export function VoteStatus({ t, locale, state, now }: { t: Translate; locale: Locale; state: RoomState; now: Date }) {
  const vote = state.vote;
  if (!vote) return <p>{t('lr.vote.none')}</p>;
  const result = vote.result;
  return (
    <div>
      <p>
        <strong>{t('lr.vote.on', { n: vote.itemNumber, heading: vote.itemHeading })}</strong>
      </p>
      <ul>
        <li>{t('lr.vote.yesMeans', { text: vote.yesMeans })}</li>
        <li>{t('lr.vote.noMeans', { text: vote.noMeans })}</li>
      </ul>
      {!vote.closed && (
        <p>
          {t('lr.vote.progress', { voted: vote.voted, eligible: vote.eligible })}{' '}
          {now.getTime() < vote.closesAt.getTime() ? t('lr.vote.until', { time: formatClock(vote.closesAt, locale) }) : t('lr.vote.timeUp')}
        </p>
      )}
      {result && (
        <div>
          <h3>{t('lr.vote.result')}</h3>
          <p class="lr-result">{t('lr.vote.counts', { yes: result.yes, no: result.no, abstain: result.abstain })}</p>
          {result.castingVote && <p>{t('lr.vote.casting')}</p>}
          {result.outcome === 'lottery' && <p>{t('lr.vote.lottery')}</p>}
          {result.decisionText && <p>{t('lr.vote.decided', { text: result.decisionText })}</p>}
          {result.reservations.length > 0 && <p>{t('lr.vote.reservations', { names: result.reservations.join(', ') })}</p>}
          {result.ballots.length > 0 && (
            <DataTable caption={t('lr.vote.ballots')} hideCaption columns={[t('lr.vote.who'), t('lr.vote.municipality'), t('lr.vote.choice')]} class="lr-table">
              {result.ballots.map((b) => (
                <tr>
                  <td>{b.name}</td>
                  <td>{b.municipalityName}</td>
                  <td>{t(choiceKey[b.choice])}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      )}
    </div>
  );
}

/** What changes the personal parts: members fetch theirs again only when this changes (not at each ballot). */
export function phaseOf(state: RoomState): string {
  const parts = [state.serving.join(','), state.status, state.current?.itemId ?? '', state.vote?.id ?? '', state.vote?.closed ? 'c' : 'o', state.speakers.map((s) => `${s.id}${s.speaking ? '*' : ''}`).join(','), state.attendanceKey, String(state.speakerMinutes ?? '')];
  parts.push(state.election ? `${state.election.id}${state.election.closed ? 'c' : 'o'}` : '');
  // A digest: the phase says that something changed, not who serves.
  return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 16);
}

/** The shared parts as HTML, by part name. */
export function sharedParts(state: RoomState, locale: Locale, now: Date): Record<string, string> {
  const nodes = sharedVNodes(translator(locale), locale, state, now);
  return Object.fromEntries(Object.entries(nodes).map(([name, node]) => [name, render(node)]));
}

/** The event of the stream: the phase and the shared parts. */
export function streamData(state: RoomState, locale: Locale, now: Date): string {
  return JSON.stringify({ phase: phaseOf(state), parts: sharedParts(state, locale, now) });
}

export function Part({ name, children, live }: { name: string; children: ComponentChildren; live?: boolean }) {
  return (
    <div data-live-part={name} aria-live={live ? 'polite' : undefined}>
      {children}
    </div>
  );
}

export function Failure({ message }: { message: string | undefined }) {
  return message ? (
    <div class="lr-error" role="alert" tabIndex={-1} id="lr-error">
      <p>{message}</p>
    </div>
  ) : null;
}

export function LivePage(props: { ctx: ViewContext; title: string; back?: { href: string; label?: string }; stream: string | null; mode: 'member' | 'chair' | 'screen'; phase: string; class?: string; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title} back={props.back}>
      <link rel="stylesheet" href={LIVE_CSS_PATH} />
      <div class={`lr ${props.class ?? ''}`} data-live-stream={props.stream ?? undefined} data-live-mode={props.mode} data-live-phase={props.phase}>
        {props.children}
      </div>
      {props.stream && <script src={LIVE_JS_PATH} defer />}
    </Layout>
  );
}

export function sharedVNodes(t: Translate, locale: Locale, state: RoomState, now: Date) {
  return {
    item: <CurrentItem t={t} locale={locale} state={state} />,
    speakers: <SpeakerList t={t} state={state} now={now} />,
    motions: <MotionList t={t} state={state} />,
    vote: <VoteStatus t={t} locale={locale} state={state} now={now} />,
    election: <ElectionStatus t={t} locale={locale} election={state.election} now={now} />,
  };
}

/** The vote and the election as the member's and the chair's pages show them, each with the page's own part beneath. */
export function VoteAndElection({ t, shared, own }: { t: Translate; shared: ReturnType<typeof sharedVNodes>; own: { vote: ComponentChildren; election: ComponentChildren } }) {
  return (
    <>
      <section class="lr-panel" aria-labelledby="lr-vote-h" id="omrostning">
        <h2 id="lr-vote-h">{t('lr.vote.heading')}</h2>
        <Part name="vote" live>
          {shared.vote}
        </Part>
        {own.vote}
      </section>
      <Part name="election" live>
        {shared.election}
      </Part>
      {own.election}
    </>
  );
}
