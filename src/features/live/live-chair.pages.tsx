/** The chair's view of the live meeting (/moten/:id/ordforande): check-ins to confirm, the speakers' list with the running time, jäv, the motions in proposition order, one button to call a vote. */
import type { VNode } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import { PostForm } from '../../platform/views/forms.js';
import type { Translate } from '../../platform/i18n/i18n.js';
import { formatClock, formatLongDate } from '../../platform/time-format.js';
import type { Alternative } from '../meetings/proceedings/live-meeting.state.js';
import type { LiveRoomService } from './live.service.js';
import { chairPath, Failure, formatDuration, LivePage, Part, phaseOf, screenPath, sharedVNodes, SpeakerList, streamPath, VoteAndElection } from './live-parts.pages.js';
import { ElectionControls } from './live-election.pages.js';
import { PostButton } from './live-forms.pages.js';

type ChairView = Awaited<ReturnType<LiveRoomService['chairView']>>;

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
                  <PostButton ctx={ctx} action={`${chairPath(view.meeting.id)}/bekrafta`} hidden={{ personId: c.person.personId }} label={t('lr.chair.confirm')} aria={t('lr.chair.confirmLabel', { name: c.person.name })} />
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
  const button = (path: string, speakerId: string, label: string, aria: string) => <PostButton ctx={ctx} action={`${base}/${path}`} hidden={{ speakerId }} label={label} aria={aria} secondary />;
  return (
    <div>
      <SpeakerList
        t={t}
        state={view.state}
        now={view.now}
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
          <PostButton ctx={ctx} action={`${base}/nasta`} label={t('lr.chair.next')} />
        </div>
      )}
      {view.spoken.length > 0 && (
        <>
          <h3>{t('lr.chair.spoken')}</h3>
          <ul>
            {view.spoken.map((s) => (
              <li>
                {s.name}
                {s.kind === 'reply' && ` (${t('lr.speakers.reply').toLowerCase()})`}: {formatDuration(s.seconds)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Jäv at the current item, as the member declared it or the secretary recorded it. */
function ChairJav({ ctx, view }: { ctx: ViewContext; view: ChairView }) {
  const { t } = ctx;
  if (view.jav.length === 0) return <p>{t('lr.chair.noJav')}</p>;
  return (
    <ul>
      {view.jav.map((j) => (
        <li>
          {j.name}, {j.municipalityName}
          {j.reason && ` (${t('lr.chair.javReason', { reason: j.reason })})`}
        </li>
      ))}
    </ul>
  );
}

/** Talartid for the meeting: minutes per entry, empty for no limit. */
function SpeakerTimeForm({ ctx, view }: { ctx: ViewContext; view: ChairView }) {
  const { t } = ctx;
  return (
    <PostForm ctx={ctx} action={`${chairPath(view.meeting.id)}/talartid`}>
      <div class="lr-field">
        <label for="lr-speaker-minutes">{t('lr.chair.speakerTime')}</label>
        <span id="lr-speaker-minutes-hint">{t('lr.chair.speakerTimeHint')}</span>
        <input id="lr-speaker-minutes" name="speakerMinutes" type="number" inputMode="numeric" min="1" max="60" value={view.meeting.speakerMinutes === null ? '' : String(view.meeting.speakerMinutes)} aria-describedby="lr-speaker-minutes-hint" />
      </div>
      <button type="submit" class="button button--secondary">
        {t('lr.chair.saveTime')}
      </button>
    </PostForm>
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
        <PostButton ctx={ctx} action={`${base}/avsluta`} hidden={{ liveVoteId: vote.id }} label={t('lr.chair.close')} />
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
    chairJav: <ChairJav ctx={ctx} view={view} />,
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
        <SpeakerTimeForm ctx={ctx} view={view} />
      </section>
      <section class="lr-panel" aria-labelledby="lr-jav-h" id="jav">
        <h2 id="lr-jav-h">{t('lr.chair.jav')}</h2>
        <Part name="chairJav">{mine.chairJav}</Part>
      </section>
      <section class="lr-panel" aria-labelledby="lr-motions-h" id="yrkanden">
        <h2 id="lr-motions-h">{t('live.order.heading')}</h2>
        <Part name="motions">{shared.motions}</Part>
      </section>
      <VoteAndElection t={t} shared={shared} own={{ vote: <Part name="voteControls">{mine.voteControls}</Part>, election: <Part name="electionControls">{mine.electionControls}</Part> }} />
      <section class="lr-panel" aria-labelledby="lr-public-h">
        <h2 id="lr-public-h">{t('lr.title.screen')}</h2>
        <PublicToggle ctx={ctx} view={view} />
      </section>
    </LivePage>
  );
}

