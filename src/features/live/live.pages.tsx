/**
 * Pages of the live meeting: the member's own page (phone first), the chair's view and the big
 * screen (storbild). Each is whole without JavaScript: every action is a plain form. The small
 * script (live-client.ts) only listens to the event stream and puts the new parts in place.
 * A part is a `data-live-part` element: the shared ones come in the events, the personal ones
 * (forms, with the user's CSRF token) from the page's `/delar` answer.
 */
import type { ComponentChildren, VNode } from 'preact';
import { createHash } from 'node:crypto';
import { render } from 'preact-render-to-string';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { PostForm } from '../../platform/views/forms.js';
import { translator, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import { formatClock, formatLongDate } from '../../platform/time-format.js';
import type { Alternative } from '../meetings/live-meeting.state.js';
import type { LiveRoomService, RoomState } from './live.service.js';
import { ELECTION_CSS, ElectionBallot, ElectionControls, ElectionStatus } from './live-election.pages.js';

export const LIVE_CSS_PATH = '/static/live-room.css';
export const LIVE_JS_PATH = '/static/live-room.js';

type MemberView = Awaited<ReturnType<LiveRoomService['memberView']>>;
type ChairView = Awaited<ReturnType<LiveRoomService['chairView']>>;

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

const choiceKey = { yes: 'lr.choice.yes', no: 'lr.choice.no', abstain: 'lr.choice.abstain' } as const;

// ---------------------------------------------------------------------------------------------
// Shared parts: the same for every viewer of an audience, sent in the events.

function CurrentItem({ t, state }: { t: Translate; state: RoomState }) {
  return (
    <section class="lr-panel lr-now" aria-labelledby="lr-now-h">
      <h2 id="lr-now-h">{t('lr.item.heading')}</h2>
      {state.status !== 'open' ? (
        <p>{t(`lr.status.${state.status}`)}</p>
      ) : state.current ? (
        <p>
          <span class="lr-now__n">{`${t('lr.item.number', { n: state.current.number })}:`}</span> {state.current.heading}
        </p>
      ) : (
        <p>{t('lr.item.none')}</p>
      )}
    </section>
  );
}

function SpeakerList({ t, state, controls }: { t: Translate; state: RoomState; controls?: (entry: RoomState['speakers'][number]) => ComponentChildren }) {
  if (state.speakers.length === 0) return <p>{t('lr.speakers.empty')}</p>;
  return (
    <ol class="lr-speakers">
      {state.speakers.map((s) => (
        <li>
          <span class="lr-speakers__who">{s.name}</span>, {s.municipalityName}
          {s.kind === 'reply' && <span class="lr-speakers__tag">{t('lr.speakers.reply')}</span>}
          {s.speaking && <span class="lr-speakers__tag lr-speakers__tag--now">{t('lr.speakers.speaking')}</span>}
          {controls?.(s)}
        </li>
      ))}
    </ol>
  );
}

function VoteStatus({ t, locale, state, now }: { t: Translate; locale: Locale; state: RoomState; now: Date }) {
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
          {result.ballots.length > 0 && (
            <table class="lr-table">
              <caption class="visually-hidden">{t('lr.vote.ballots')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('lr.vote.who')}</th>
                  <th scope="col">{t('lr.vote.municipality')}</th>
                  <th scope="col">{t('lr.vote.choice')}</th>
                </tr>
              </thead>
              <tbody>
                {result.ballots.map((b) => (
                  <tr>
                    <td>{b.name}</td>
                    <td>{b.municipalityName}</td>
                    <td>{t(choiceKey[b.choice])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

/** What changes the personal parts: members fetch theirs again only when this changes (not at each ballot). */
export function phaseOf(state: RoomState): string {
  const parts = [state.serving.join(','), state.status, state.current?.itemId ?? '', state.vote?.id ?? '', state.vote?.closed ? 'c' : 'o', state.speakers.map((s) => `${s.id}${s.speaking ? '*' : ''}`).join(',')];
  parts.push(state.election ? `${state.election.id}${state.election.closed ? 'c' : 'o'}` : '');
  // A digest: the phase says that something changed, not who serves.
  return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 16);
}

/** The shared parts as HTML, by part name. */
export function sharedParts(state: RoomState, locale: Locale, now: Date): Record<string, string> {
  const t = translator(locale);
  return {
    item: render(<CurrentItem t={t} state={state} />),
    speakers: render(<SpeakerList t={t} state={state} />),
    vote: render(<VoteStatus t={t} locale={locale} state={state} now={now} />),
    election: render(<ElectionStatus t={t} locale={locale} election={state.election} now={now} />),
  };
}

/** The event of the stream: the phase and the shared parts. */
export function streamData(state: RoomState, locale: Locale, now: Date): string {
  return JSON.stringify({ phase: phaseOf(state), parts: sharedParts(state, locale, now) });
}

function Part({ name, children, live }: { name: string; children: ComponentChildren; live?: boolean }) {
  return (
    <div data-live-part={name} aria-live={live ? 'polite' : undefined}>
      {children}
    </div>
  );
}

function Failure({ message }: { message: string | undefined }) {
  return message ? (
    <div class="lr-error" role="alert" tabIndex={-1} id="lr-error">
      <p>{message}</p>
    </div>
  ) : null;
}

function LivePage(props: { ctx: ViewContext; title: string; back?: { href: string; label?: string }; stream: string | null; mode: 'member' | 'chair' | 'screen'; phase: string; class?: string; children: ComponentChildren }) {
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

// ---------------------------------------------------------------------------------------------
// The member's page.

function Presence({ ctx, view }: { ctx: ViewContext; view: MemberView }) {
  const { t } = ctx;
  const base = memberPath(view.meeting.id);
  const c = view.checkin;
  const closed = view.meeting.status === 'closed' || view.meeting.status === 'cancelled';
  return (
    <section class="lr-panel" aria-labelledby="lr-presence-h" id="narvaro">
      <h2 id="lr-presence-h">{t('lr.presence.heading')}</h2>
      <p>{c === null ? t('lr.presence.none') : t(c.confirmedAt ? 'lr.presence.confirmed' : 'lr.presence.reported', { mode: t(c.mode === 'remote' ? 'lr.mode.remote' : 'lr.mode.present') })}</p>
      {!closed && !c?.confirmedAt && (
        <div class="lr-buttons">
          <PostForm ctx={ctx} action={`${base}/narvaro`}>
            <button type="submit" name="mode" value="present" class="button">
              {t('lr.presence.here')}
            </button>
          </PostForm>
          <PostForm ctx={ctx} action={`${base}/narvaro`}>
            <button type="submit" name="mode" value="remote" class="button button--secondary">
              {t('lr.presence.remote')}
            </button>
          </PostForm>
        </div>
      )}
      {!closed && !c?.confirmedAt && <p>{t('lr.presence.remoteHint')}</p>}
    </section>
  );
}

function SpeakForms({ ctx, view }: { ctx: ViewContext; view: MemberView }) {
  const { t } = ctx;
  const base = memberPath(view.meeting.id);
  if (view.meeting.status !== 'open' || !view.state.current) return null;
  const waiting = view.mySpeakerRequests.some((s) => !s.speaking);
  return (
    <div>
      <p>{t(view.serving ? 'lr.serving.yes' : 'lr.serving.no')}</p>
      {waiting && <p>{t('lr.speak.mine')}</p>}
      {view.serving && (
        <div class="lr-buttons">
          <PostForm ctx={ctx} action={`${base}/talare`}>
            <button type="submit" name="kind" value="speak" class="button">
              {t('lr.speak.ask')}
            </button>
          </PostForm>
          <PostForm ctx={ctx} action={`${base}/talare`}>
            <button type="submit" name="kind" value="reply" class="button button--secondary">
              {t('lr.speak.reply')}
            </button>
          </PostForm>
          {waiting && (
            <PostForm ctx={ctx} action={`${base}/talare/aterta`}>
              <button type="submit" class="button button--secondary">
                {t('lr.speak.withdraw')}
              </button>
            </PostForm>
          )}
        </div>
      )}
    </div>
  );
}

function BallotForm({ ctx, view }: { ctx: ViewContext; view: MemberView }) {
  const { t } = ctx;
  const vote = view.state.vote;
  if (!vote || vote.closed) return null;
  if (!view.ballot.eligible) return <p>{t('lr.ballot.notEligible')}</p>;
  return (
    <PostForm ctx={ctx} action={`${memberPath(view.meeting.id)}/rosta`}>
      <input type="hidden" name="liveVoteId" value={vote.id} />
      <fieldset>
        <legend>{t('lr.ballot.legend')}</legend>
        <div class="lr-ballot">
          {(['yes', 'no', 'abstain'] as const).map((choice) => (
            <button type="submit" name="choice" value={choice} class={choice === 'yes' ? 'button' : 'button button--secondary'} aria-pressed={view.ballot.choice === choice ? 'true' : 'false'}>
              {t(choiceKey[choice])}
            </button>
          ))}
        </div>
      </fieldset>
      {view.ballot.choice && <p role="status">{t('lr.ballot.yours', { choice: t(choiceKey[view.ballot.choice]).toLowerCase() })}</p>}
    </PostForm>
  );
}

/** The member's personal parts, by name: also the `/delar` answer. */
export function memberParts(ctx: ViewContext, view: MemberView): Record<string, VNode> {
  return {
    ballot: <BallotForm ctx={ctx} view={view} />,
    speak: <SpeakForms ctx={ctx} view={view} />,
    presence: <Presence ctx={ctx} view={view} />,
    electionBallot: <ElectionBallot ctx={ctx} meetingId={view.meeting.id} election={view.state.election} ballot={view.electionBallot} />,
  };
}

export function MemberLivePage({ ctx, view, error }: { ctx: ViewContext; view: MemberView; error?: string }) {
  const { t } = ctx;
  const shared = sharedVNodes(t, ctx.locale, view.state, view.now);
  const mine = memberParts(ctx, view);
  return (
    <LivePage
      ctx={ctx}
      title={`${t('lr.title.member')}: ${view.state.bodyName} ${formatLongDate(view.meeting.startsAt, ctx.locale)}`}
      back={{ href: `/mina-moten/${view.meeting.id}` }}
      stream={view.meeting.status === 'open' ? streamPath(view.meeting.id) : null}
      mode="member"
      phase={phaseOf(view.state)}
    >
      <p>{t('lr.member.you', { role: t(view.person.role === 'member' ? 'lr.role.member' : 'lr.role.substitute'), municipality: view.person.municipalityName })}</p>
      <Failure message={error} />
      <Part name="item">{shared.item}</Part>
      <section class="lr-panel" aria-labelledby="lr-vote-h" id="omrostning">
        <h2 id="lr-vote-h">{t('lr.vote.heading')}</h2>
        <Part name="vote" live>
          {shared.vote}
        </Part>
        <Part name="ballot">{mine.ballot}</Part>
      </section>
      <Part name="election" live>
        {shared.election}
      </Part>
      <Part name="electionBallot">{mine.electionBallot}</Part>
      <section class="lr-panel" aria-labelledby="lr-speakers-h" id="talarlista">
        <h2 id="lr-speakers-h">{t('lr.speakers.heading')}</h2>
        <Part name="speakers">{shared.speakers}</Part>
        <Part name="speak">{mine.speak}</Part>
      </section>
      <Part name="presence">{mine.presence}</Part>
      <p>{t('lr.member.intro')}</p>
    </LivePage>
  );
}

function sharedVNodes(t: Translate, locale: Locale, state: RoomState, now: Date) {
  return {
    item: <CurrentItem t={t} state={state} />,
    speakers: <SpeakerList t={t} state={state} />,
    vote: <VoteStatus t={t} locale={locale} state={state} now={now} />,
    election: <ElectionStatus t={t} locale={locale} election={state.election} now={now} />,
  };
}

// ---------------------------------------------------------------------------------------------
// The chair's view.

function Checkins({ ctx, view }: { ctx: ViewContext; view: ChairView }) {
  const { t } = ctx;
  return (
    <section class="lr-panel" aria-labelledby="lr-checkins-h" id="anmald-narvaro">
      <h2 id="lr-checkins-h">{t('lr.chair.checkins')}</h2>
      {view.checkins.length === 0 ? (
        <p>{t('lr.chair.noCheckins')}</p>
      ) : (
        <table class="lr-table">
          <thead>
            <tr>
              <th scope="col">{t('lr.chair.person')}</th>
              <th scope="col">{t('lr.chair.mode')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {view.checkins.map((c) => (
              <tr>
                <th scope="row">
                  {c.person.name}, {c.person.municipalityName} ({t(c.person.role === 'member' ? 'lr.role.member' : 'lr.role.substitute')})
                </th>
                <td>
                  {t(c.mode === 'remote' ? 'lr.mode.remote' : 'lr.mode.present')}, {formatClock(c.reportedAt, ctx.locale)}
                </td>
                <td>
                  <PostForm ctx={ctx} action={`${chairPath(view.meeting.id)}/bekrafta`}>
                    <input type="hidden" name="personId" value={c.person.personId} />
                    <button type="submit" class="button" aria-label={t('lr.chair.confirmLabel', { name: c.person.name })}>
                      {t('lr.chair.confirm')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChairSpeakers({ ctx, view }: { ctx: ViewContext; view: ChairView }) {
  const { t } = ctx;
  const base = `${chairPath(view.meeting.id)}/talare`;
  const button = (path: string, speakerId: string, label: string, aria: string) => (
    <PostForm ctx={ctx} action={`${base}/${path}`}>
      <input type="hidden" name="speakerId" value={speakerId} />
      <button type="submit" class="button button--secondary" aria-label={aria}>
        {label}
      </button>
    </PostForm>
  );
  return (
    <div>
      <SpeakerList
        t={t}
        state={view.state}
        controls={(s) => (
          <div class="lr-buttons">
            {!s.speaking && button('ge-ordet', s.id, t('lr.chair.give'), t('lr.chair.giveLabel', { name: s.name }))}
            {s.speaking && button('klar', s.id, t('lr.chair.finish'), t('lr.chair.finishLabel', { name: s.name }))}
            {button('stryk', s.id, t('lr.chair.remove'), t('lr.chair.removeLabel', { name: s.name }))}
          </div>
        )}
      />
      {view.state.speakers.length > 0 && (
        <div class="lr-buttons">
          <PostForm ctx={ctx} action={`${base}/nasta`}>
            <button type="submit" class="button">
              {t('lr.chair.next')}
            </button>
          </PostForm>
        </div>
      )}
    </div>
  );
}

function altLabel(t: Translate, a: Alternative): string {
  return a.kind === 'proposal' ? `${t('lr.chair.proposal')}: ${a.text}` : `${t('lr.chair.motionBy', { name: a.by ?? '' })}: ${a.text}`;
}

function VoteControls({ ctx, view }: { ctx: ViewContext; view: ChairView }) {
  const { t } = ctx;
  const base = `${chairPath(view.meeting.id)}/omrostning`;
  const vote = view.state.vote;
  if (vote && !vote.closed) {
    return (
      <div>
        <p>{t('lr.chair.closeHint')}</p>
        <PostForm ctx={ctx} action={`${base}/avsluta`}>
          <input type="hidden" name="liveVoteId" value={vote.id} />
          <button type="submit" class="button">
            {t('lr.chair.close')}
          </button>
        </PostForm>
      </div>
    );
  }
  const current = view.state.current;
  if (view.meeting.status !== 'open' || !current) return null;
  if (view.alternatives.length < 2) return <p>{t('lr.chair.noAlternatives')}</p>;
  const select = (name: 'yes' | 'no', label: string, selected: number) => (
    <div class="lr-field">
      <label for={`lr-${name}`}>{label}</label>
      <select id={`lr-${name}`} name={name}>
        {view.alternatives.map((a, i) => (
          <option value={a.value} selected={i === selected}>
            {altLabel(t, a)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <PostForm ctx={ctx} action={base}>
      <h3>{t('lr.chair.openVote')}</h3>
      <input type="hidden" name="itemId" value={current.itemId} />
      {select('yes', t('lr.chair.yes'), 0)}
      {select('no', t('lr.chair.no'), 1)}
      <div class="lr-field">
        <label for="lr-minutes">{t('lr.chair.minutes')}</label>
        <input id="lr-minutes" name="minutes" type="number" inputMode="numeric" min="1" max="30" value="2" />
      </div>
      <button type="submit" class="button">
        {t('lr.chair.start')}
      </button>
    </PostForm>
  );
}

function PublicToggle({ ctx, view }: { ctx: ViewContext; view: ChairView }) {
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={`${chairPath(view.meeting.id)}/publik`}>
      <p>{t(view.meeting.livePublic ? 'lr.chair.publicOn' : 'lr.chair.publicOff')}</p>
      <div class="lr-field">
        <label>
          <input type="checkbox" name="livePublic" checked={view.meeting.livePublic} /> {t('lr.chair.public')}
        </label>
      </div>
      <button type="submit" class="button button--secondary">
        {t('lr.chair.savePublic')}
      </button>
    </PostForm>
  );
}

export function chairParts(ctx: ViewContext, view: ChairView): Record<string, VNode> {
  return {
    checkins: <Checkins ctx={ctx} view={view} />,
    chairSpeakers: <ChairSpeakers ctx={ctx} view={view} />,
    voteControls: <VoteControls ctx={ctx} view={view} />,
    electionControls: (
      <ElectionControls ctx={ctx} meetingId={view.meeting.id} election={view.state.election} current={view.state.current ? { itemId: view.state.current.itemId, isElection: view.currentIsElection } : null} meetingOpen={view.meeting.status === 'open'} />
    ),
  };
}

export function ChairLivePage({ ctx, view, error }: { ctx: ViewContext; view: ChairView; error?: string }) {
  const { t } = ctx;
  const shared = sharedVNodes(t, ctx.locale, view.state, view.now);
  const mine = chairParts(ctx, view);
  const id = view.meeting.id;
  return (
    <LivePage ctx={ctx} title={`${t('lr.title.chair')}: ${view.body.name} ${formatLongDate(view.meeting.startsAt, ctx.locale)}`} back={{ href: `/moten/${id}/sammantrade` }} stream={view.meeting.status === 'open' ? streamPath(id) : null} mode="chair" phase={phaseOf(view.state)}>
      <p>{t('lr.chair.intro')}</p>
      <p class="lr-links">
        <a href={`/moten/${id}/sammantrade`}>{t('lr.chair.liveLink')}</a>
        <a href={screenPath(id)}>{t('lr.chair.screenLink')}</a>
      </p>
      <Failure message={error} />
      <Part name="item">{shared.item}</Part>
      <Part name="checkins">{mine.checkins}</Part>
      <section class="lr-panel" aria-labelledby="lr-speakers-h" id="talarlista">
        <h2 id="lr-speakers-h">{t('lr.speakers.heading')}</h2>
        <Part name="chairSpeakers">{mine.chairSpeakers}</Part>
      </section>
      <section class="lr-panel" aria-labelledby="lr-vote-h" id="omrostning">
        <h2 id="lr-vote-h">{t('lr.vote.heading')}</h2>
        <Part name="vote" live>
          {shared.vote}
        </Part>
        <Part name="voteControls">{mine.voteControls}</Part>
      </section>
      <Part name="election" live>
        {shared.election}
      </Part>
      <Part name="electionControls">{mine.electionControls}</Part>
      <section class="lr-panel" aria-labelledby="lr-public-h">
        <h2 id="lr-public-h">{t('lr.title.screen')}</h2>
        <PublicToggle ctx={ctx} view={view} />
      </section>
    </LivePage>
  );
}

// ---------------------------------------------------------------------------------------------
// The big screen (storbild), inside and on the portal.

export function ScreenPage({ ctx, state, now, publicView }: { ctx: ViewContext; state: RoomState; now: Date; publicView: boolean }) {
  const { t } = ctx;
  const shared = sharedVNodes(t, ctx.locale, state, now);
  const id = state.meetingId;
  return (
    <LivePage
      ctx={ctx}
      title={state.bodyName}
      stream={state.status === 'open' ? (publicView ? publicStreamPath(id) : streamPath(id)) : null}
      mode="screen"
      phase={phaseOf(state)}
      class="lr-screen"
    >
      {publicView && <p>{t('lr.screen.public')}</p>}
      <div class="lr-screen__grid">
        <Part name="item">{shared.item}</Part>
        <section class="lr-panel" aria-labelledby="lr-speakers-h">
          <h2 id="lr-speakers-h">{t('lr.speakers.heading')}</h2>
          <Part name="speakers">{shared.speakers}</Part>
        </section>
        <section class="lr-panel" aria-labelledby="lr-vote-h">
          <h2 id="lr-vote-h">{t('lr.vote.heading')}</h2>
          <Part name="vote" live>
            {shared.vote}
          </Part>
        </section>
        <Part name="election" live>
          {shared.election}
        </Part>
      </div>
    </LivePage>
  );
}
