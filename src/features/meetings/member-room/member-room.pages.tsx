import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../../platform/views/context.js';
import { ExampleMark } from '../../../platform/views/example-data.js';
import { Layout } from '../../../platform/views/layout.js';
import { ErrorSummary, type FormState } from '../../../platform/views/forms.js';
import { roleLabel } from '../../organisation/mandate.pages.js';
import { formatMeetingDay, formatMeetingTime, type MyMandate, type MyMeetings, type RoomView } from './member-room.service.js';
import { countText } from '../../../platform/i18n/plural.js';

type ListedMeeting = MyMeetings['upcoming'][number];

import { AbsencePanel, Item, type RoomForm } from './member-room.item.pages.js';

export type { RoomForm } from './member-room.item.pages.js';

export const ROOM_CSS_PATH = '/static/member-room.css';

/** The room's own styles: a reading view for tablets (820 px) and phones (390 px). */
export const ROOM_CSS = `
.room-cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; max-width: 46rem; }
.room-card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; display: flex; flex-direction: column; gap: .5rem; }
.room-card h3 { margin: 0; font-size: 1.2rem; line-height: 1.3; }
.room-card .button { align-self: flex-start; margin-top: auto; }
.room-facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .9rem; margin: 0; }
.room-facts dt { font-weight: 600; }
.room-facts dd { margin: 0; }
.room-flag { display: inline-block; margin: 0; background: #fff4e5; border-left: 4px solid #8a4b00; padding: .2rem .6rem; font-weight: 600; }
.room-past { margin-top: 2rem; }
.room-past > summary { font-size: 1.2rem; font-weight: 600; cursor: pointer; min-height: 2.75rem; padding: .4rem 0; }
.room { max-width: 46rem; font-size: 1.0625rem; line-height: 1.6; }
.room h2 { font-size: 1.35rem; line-height: 1.3; }
.room h3 { font-size: 1.1rem; margin: 1.25rem 0 .35rem; }
.room-panel { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1.1rem; margin: 1rem 0; }
.room-panel h2 { margin: 0 0 .5rem; }
.room-panel > :last-child { margin-bottom: 0; }
.room-status { margin: 1rem 0; }
.room-absence { margin: 1rem 0 0; }
.room-toc { list-style: none; padding: 0; margin: 0; border-top: 1px solid var(--line); }
.room-toc a { display: flex; gap: .6rem; align-items: baseline; padding: .6rem .25rem; min-height: 2.75rem; border-bottom: 1px solid var(--line); text-decoration: none; }
.room-toc a:hover .room-toc__text { text-decoration: underline; }
.room-toc__n { font-weight: 700; min-width: 1.75rem; font-variant-numeric: tabular-nums; color: var(--ink); }
.room-toc__tags { color: var(--muted); font-size: .9em; white-space: nowrap; }
.room-item { border-top: 4px solid var(--brand); margin-top: 2.5rem; padding-top: .25rem; scroll-margin-top: .5rem; }
.room-item > h2 { margin: .5rem 0 .25rem; display: flex; gap: .5rem; }
.room-item__meta { margin: 0 0 .5rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; }
.room-item__meta .badge { color: var(--ink); }
.room-points { padding-left: 2rem; }
.room-points li { margin-bottom: .5rem; padding-left: .25rem; }
.room-points li::marker { font-weight: 700; }
.room-docs { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
.room-doc { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; background: var(--bg-soft); }
.room-doc__hid { color: var(--muted); font-size: .9em; white-space: nowrap; }
.room-doc__files { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .4rem; }
.room-file { display: inline-flex; align-items: center; min-height: 2.75rem; padding: .35rem .8rem; border: 2px solid var(--brand); border-radius: 4px; background: #fff; font-weight: 600; text-decoration: none; overflow-wrap: anywhere; }
.room-file:hover { text-decoration: underline; }
.room-secret { margin: .3rem 0 0; font-weight: 600; }
.room-tools { display: grid; gap: .75rem; margin-top: 1.25rem; }
.room-box { border: 1px solid var(--line); border-radius: 6px; padding: 0 .9rem; }
.room-box > summary { cursor: pointer; font-weight: 600; color: var(--link); min-height: 2.75rem; padding: .6rem 0; }
.room-box[open] { padding-bottom: .9rem; }
.room-box--on { border-left: 5px solid #8a4b00; background: #fff4e5; padding: .6rem .9rem; }
.room-box--on p { margin: 0 0 .5rem; }
.room textarea { display: block; margin: .25rem 0 .75rem; }
.room label { font-weight: 600; display: block; }
.room-top { margin: 1rem 0 0; text-align: right; }
.error-summary .room-typed { font-weight: 400; white-space: pre-wrap; }
@media (max-width: 40rem) {
  .room { font-size: 1rem; }
  .room-item { margin-top: 2rem; }
  .room-facts { grid-template-columns: 1fr; gap: 0; }
  .room-facts dd { margin-bottom: .35rem; }
  .room-card { padding: .9rem; }
  .room-points { padding-left: 1.6rem; }
  .room button, .room .button { width: 100%; }
}
@media print {
  .room-tools, .room-top, .room-toc { display: none; }
}
`;

function RoomLayout(props: { ctx: ViewContext; title: string; back: { href: string; label: string }; refreshSeconds?: number | undefined; refreshUrl?: string | undefined; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title} back={props.back} refreshSeconds={props.refreshSeconds} refreshUrl={props.refreshUrl}>
      {/* A body-ok stylesheet link (HTML LS): the room's styles load only where they are used. */}
      <link rel="stylesheet" href={ROOM_CSS_PATH} />
      {props.children}
    </Layout>
  );
}

export function mandateText(ctx: ViewContext, m: MyMandate): string {
  return ctx.t('room.roleFor', { role: roleLabel(ctx, m), municipality: m.municipalityName });
}

function MeetingCard({ ctx, m }: { ctx: ViewContext; m: ListedMeeting }) {
  const { t } = ctx;
  const day = formatMeetingDay(m.startsAt, ctx.locale);
  return (
    <li class="room-card">
      <h3>
        {m.bodyName}
        <br />
        {day}
      </h3>
      {m.status !== 'planned' && <span class="badge">{t(`room.status.${m.status}`)}</span>}
      <dl class="room-facts">
        <dt>{t('room.when')}</dt>
        <dd>{formatMeetingTime(m, ctx.locale)}</dd>
        <dt>{t('room.place')}</dt>
        <dd>
          {m.place}
          <ExampleMark ctx={ctx} origin={m.origin} detail />
        </dd>
        <dt>{t('room.myRole')}</dt>
        <dd>{mandateText(ctx, m.mandate)}</dd>
      </dl>
      <p class="hint">{m.items > 0 ? countText(ctx, 'room.items', m.items) : t('room.noItems')}</p>
      {m.absent && <p class="room-flag">{t('room.absentBadge')}</p>}
      <a class="button" href={`/mina-moten/${m.id}`} aria-label={t('room.openLabel', { meeting: `${m.bodyName} ${day}` })}>
        {t('room.open')}
      </a>
    </li>
  );
}

export function MyMeetingsPage({ ctx, meetings }: { ctx: ViewContext; meetings: MyMeetings | null }) {
  const { t } = ctx;
  return (
    <RoomLayout ctx={ctx} title={t('room.title')} back={{ href: '/', label: t('room.backHome') }}>
      {meetings === null ? (
        <div class="notice" role="note">
          <h2>{t('room.noPersonTitle')}</h2>
          <p>{t('room.noPerson')}</p>
        </div>
      ) : (
        <>
          <p>{t('room.intro')}</p>
          <h2>{t('room.upcoming')}</h2>
          {meetings.upcoming.length === 0 ? (
            <p>{t('room.noUpcoming')}</p>
          ) : (
            <ul class="room-cards">
              {meetings.upcoming.map((m) => (
                <MeetingCard ctx={ctx} m={m} />
              ))}
            </ul>
          )}
          {meetings.past.length > 0 && (
            <details class="room-past">
              <summary>{t('room.past', { n: meetings.past.length })}</summary>
              <ul class="room-cards">
                {meetings.past.map((m) => (
                  <MeetingCard ctx={ctx} m={m} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </RoomLayout>
  );
}

/**
 * Why a form was refused. A refusal of the whole request (the meeting has begun) names no field
 * and the form may be gone: say it plainly and give back what was typed, so it can be passed on.
 */
function Refusal({ ctx, state }: { ctx: ViewContext; state: FormState }) {
  if (state.errors.some((e) => e.field !== '_')) return <ErrorSummary ctx={ctx} state={state} />;
  const typed = (state.values.note ?? state.values.text ?? '').trim();
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      {state.errors.map((e) => (
        <p>{e.message[ctx.locale]}</p>
      ))}
      {typed && <p class="room-typed">{ctx.t('room.err.typed', { text: typed })}</p>}
    </div>
  );
}

export function RoomPage({ ctx, room, form }: { ctx: ViewContext; room: RoomView; form?: RoomForm | undefined }) {
  const { t } = ctx;
  const title = t('room.meetingTitle', { body: room.body.name, date: formatMeetingDay(room.meeting.startsAt, ctx.locale) });
  // A problem with a field links to the text field of the form that was sent.
  const summary = form ? { ...form.state, errors: form.state.errors.map((e) => (e.field === '_' ? e : { ...e, field: form.id })) } : undefined;
  const status = room.meeting.status;
  // While a call to a substitute waits for its first attempt (seconds), the page looks again by itself; not while a form was refused.
  const waiting = !form && (room.absence?.substitutes.some((s) => s.state === 'queued') ?? false);
  return (
    <RoomLayout ctx={ctx} title={title} back={{ href: '/mina-moten', label: t('room.backToList') }} refreshSeconds={waiting ? 3 : undefined} refreshUrl={`/mina-moten/${room.meeting.id}`}>
      <div class="room">
        {summary && <Refusal ctx={ctx} state={summary} />}
        {status !== 'planned' && <p class={status === 'cancelled' ? 'warning room-status' : 'notice room-status'}>{t(`room.notice.${status}`)}</p>}
        {(status === 'open' || status === 'planned') && (
          <p>
            <a class="button" href={`/mina-moten/${room.meeting.id}/live`}>
              {t('lr.memberLink')}
            </a>
          </p>
        )}
        <dl class="room-facts">
          <dt>{t('room.when')}</dt>
          <dd>{formatMeetingTime(room.meeting, ctx.locale)}</dd>
          <dt>{t('room.place')}</dt>
          <dd>
            {room.meeting.place}
            <ExampleMark ctx={ctx} origin={room.meeting.origin} detail />
          </dd>
          <dt>{t('room.myRole')}</dt>
          <dd>{mandateText(ctx, room.mine)}</dd>
        </dl>
        {room.calledInFor.length > 0 && (
          <p class="room-flag" role="status">
            {t('room.calledIn', { members: room.calledInFor.join(', '), municipality: room.mine.municipalityName })}
          </p>
        )}
        <AbsencePanel ctx={ctx} room={room} form={form} />
        <nav aria-labelledby="toc-h">
          <h2 id="toc-h" tabIndex={-1}>
            {t('room.toc')}
          </h2>
          {room.items.length === 0 ? (
            <p>{t('room.noItems')}</p>
          ) : (
            <ol class="room-toc">
              {room.items.map((item) => {
                const tags = [item.jav ? t('room.tocJav') : '', item.note ? t('room.tocNote') : ''].filter(Boolean).join(', ');
                return (
                  <li>
                    <a href={`#punkt-${item.position}`}>
                      <span class="room-toc__n">{item.position}.</span>
                      <span class="room-toc__text">
                        {item.heading}
                        {tags && <span class="room-toc__tags"> ({tags})</span>}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ol>
          )}
        </nav>
        {room.items.map((item) => (
          <Item ctx={ctx} room={room} item={item} form={form} />
        ))}
      </div>
    </RoomLayout>
  );
}
