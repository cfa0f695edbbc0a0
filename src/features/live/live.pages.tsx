/**
 * Pages of the live meeting: the member's own page (phone first) and the big screen (storbild);
 * the chair's view is in live-chair.pages.tsx, the shared parts in live-parts.pages.tsx. Each is
 * whole without JavaScript: every action is a plain form. The small script (live-client.ts) only listens to the event stream and puts the new parts in place.
 * A part is a `data-live-part` element: the shared ones come in the events, the personal ones
 * (forms, with the user's CSRF token) from the page's `/delar` answer.
 */
import type { VNode } from 'preact';
import { PostButton } from './live-forms.pages.js';
import type { ViewContext } from '../../platform/views/context.js';
import { PostForm } from '../../platform/views/forms.js';
import { formatLongDate } from '../../platform/time-format.js';
import type { LiveRoomService, RoomState } from './live.service.js';
import { choiceKey, Failure, LivePage, memberPath, Part, phaseOf, publicStreamPath, sharedVNodes, streamPath, VoteAndElection } from './live-parts.pages.js';

import { JavForm, MotionForm, ReservationForm } from './live-member.pages.js';
import { ElectionBallot } from './live-election.pages.js';

export * from './live-parts.pages.js';
export { chairParts, ChairLivePage } from './live-chair.pages.js';

type MemberView = Awaited<ReturnType<LiveRoomService['memberView']>>;

// ---------------------------------------------------------------------------------------------
// The member's page.

function Presence({ ctx, view }: { ctx: ViewContext; view: MemberView }) {
  const { t } = ctx;
  const base = memberPath(view.meeting.id);
  const c = view.checkin;
  const closed = view.meeting.status === 'closed' || view.meeting.status === 'cancelled';
  // What the secretary recorded on their own page counts as much as a confirmed check-in.
  const recorded = view.record.presence;
  const settled = Boolean(c?.confirmedAt) || recorded === 'present' || recorded === 'remote';
  return (
    <section class="lr-panel" aria-labelledby="lr-presence-h" id="narvaro">
      <h2 id="lr-presence-h">{t('lr.presence.heading')}</h2>
      {c?.confirmedAt || recorded === 'unknown' || (c && recorded === 'absent') ? (
        <p>{c === null ? t('lr.presence.none') : t(c.confirmedAt ? 'lr.presence.confirmed' : 'lr.presence.reported', { mode: t(c.mode === 'remote' ? 'lr.mode.remote' : 'lr.mode.present') })}</p>
      ) : (
        <p>{t(`lr.presence.recorded.${recorded}`)}</p>
      )}
      {!closed && !settled && (
        <div class="lr-buttons">
          <PostButton ctx={ctx} action={`${base}/narvaro`} name="mode" value="present" label={t('lr.presence.here')} />
          <PostButton ctx={ctx} action={`${base}/narvaro`} name="mode" value="remote" label={t('lr.presence.remote')} secondary />
        </div>
      )}
      {!closed && !settled && <p>{t('lr.presence.remoteHint')}</p>}
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
          <PostButton ctx={ctx} action={`${base}/talare`} name="kind" value="speak" label={t('lr.speak.ask')} />
          <PostButton ctx={ctx} action={`${base}/talare`} name="kind" value="reply" label={t('lr.speak.reply')} secondary />
          {waiting && <PostButton ctx={ctx} action={`${base}/talare/aterta`} label={t('lr.speak.withdraw')} secondary />}
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
      {view.ballot.choice ? <p role="status">{t('lr.ballot.yours', { choice: t(choiceKey[view.ballot.choice]).toLowerCase() })}</p> : <p>{t('lr.ballot.silence')}</p>}
    </PostForm>
  );
}

/** The member's personal parts, by name: also the `/delar` answer. */
export function memberParts(ctx: ViewContext, view: MemberView): Record<string, VNode> {
  return {
    ballot: <BallotForm ctx={ctx} view={view} />,
    speak: <SpeakForms ctx={ctx} view={view} />,
    presence: <Presence ctx={ctx} view={view} />,
    motion: <MotionForm ctx={ctx} view={view} />,
    jav: <JavForm ctx={ctx} view={view} />,
    reservation: <ReservationForm ctx={ctx} view={view} />,
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
      <VoteAndElection t={t} shared={shared} own={{ vote: <Part name="ballot">{mine.ballot}</Part>, election: <Part name="electionBallot">{mine.electionBallot}</Part> }} />
      <section class="lr-panel" aria-labelledby="lr-speakers-h" id="talarlista">
        <h2 id="lr-speakers-h">{t('lr.speakers.heading')}</h2>
        <Part name="speakers">{shared.speakers}</Part>
        <Part name="speak">{mine.speak}</Part>
      </section>
      <section class="lr-panel" aria-labelledby="lr-motions-h" id="yrkanden">
        <h2 id="lr-motions-h">{t('lr.motions.heading')}</h2>
        <Part name="motions">{shared.motions}</Part>
        <Part name="motion">{mine.motion}</Part>
      </section>
      <section class="lr-panel" aria-labelledby="lr-jav-h" id="jav">
        <h2 id="lr-jav-h">{t('lr.jav.heading')}</h2>
        <Part name="jav">{mine.jav}</Part>
      </section>
      <section class="lr-panel" aria-labelledby="lr-res-h" id="reservation">
        <h2 id="lr-res-h">{t('lr.res.heading')}</h2>
        <Part name="reservation">{mine.reservation}</Part>
      </section>
      <Part name="presence">{mine.presence}</Part>
      <p>{t('lr.member.intro')}</p>
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
        <section class="lr-panel" aria-labelledby="lr-motions-h">
          <h2 id="lr-motions-h">{t('lr.motions.heading')}</h2>
          <Part name="motions">{shared.motions}</Part>
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
