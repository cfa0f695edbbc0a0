import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, type FormState } from '../../platform/views/forms.js';
import { roleLabel } from '../organisation/mandate.pages.js';
import { formatSize } from '../registry/registry.views.js';
import { proposalBlocks, type ProposalBlock } from './agenda.schema.js';
import { formatClock, formatMeetingDay, formatMeetingTime, type MyMandate, type MyMeetings, type RoomView } from './member-room.service.js';
import { countText } from '../../platform/i18n/plural.js';

type RoomItem = RoomView['items'][number];
type ListedMeeting = MyMeetings['upcoming'][number];

/** A form of the room shown again after a refusal: which form, and what was typed. */
export interface RoomForm {
  /** 'absence', `jav-<itemId>` or `note-<itemId>`: also the id of its text field (`f-<id>`). */
  id: string;
  state: FormState;
}

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

function RoomLayout(props: { ctx: ViewContext; title: string; back: { href: string; label: string }; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title} back={props.back}>
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

/** Paragraphs and numbered points, each point keeping its own number (seed § 24). */
function Proposal({ text }: { text: string }) {
  const groups: (ProposalBlock | ProposalBlock[])[] = [];
  for (const block of proposalBlocks(text)) {
    const last = groups.at(-1);
    if (block.kind === 'point' && Array.isArray(last)) last.push(block);
    else groups.push(block.kind === 'point' ? [block] : block);
  }
  return (
    <>
      {groups.map((g) =>
        Array.isArray(g) ? (
          <ol class="room-points">
            {g.map((p) => (
              <li value={p.kind === 'point' ? Number(p.number) : undefined}>{p.text}</li>
            ))}
          </ol>
        ) : (
          <p>{g.text}</p>
        ),
      )}
    </>
  );
}

function Documents({ ctx, item, meetingId }: { ctx: ViewContext; item: RoomItem; meetingId: string }) {
  const { t } = ctx;
  if (item.documents.length === 0) return <p>{t('room.item.noDocuments')}</p>;
  return (
    <ul class="room-docs">
      {item.documents.map((d) => (
        <li class="room-doc">
          {d.access === 'full' ? <a href={`/handlingar/${d.id}`}>{d.description}</a> : <span>{d.description}</span>}{' '}
          <span class="room-doc__hid">{t('room.doc.hid', { hid: d.handlingId })}</span>
          {d.access === 'entry' ? (
            d.readable ? (
              <p class="room-secret">
                <a href={`/mina-moten/${meetingId}/handling/${d.id}`}>{t('room.doc.read')}</a>
              </p>
            ) : (
              <p class="room-secret">{t('room.doc.secret')}</p>
            )
          ) : (
            <div class="room-doc__files">
              {d.files.length === 0 && <span class="hint">{t('room.doc.noFile')}</span>}
              {d.files.map((f) => (
                <a class="room-file" href={`/filer/${f.id}`}>
                  {t('room.doc.download', { filename: f.filename, size: formatSize(f.size, ctx) })}
                </a>
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A text area of one form of the room, with its own id so that many can share the page. */
function NoteField(p: { ctx: ViewContext; id: string; name: string; label: string; hint?: string; value: string; rows: number; form: RoomForm | undefined }) {
  const error = p.form?.id === p.id ? p.form.state.errors[0]?.message[p.ctx.locale] : undefined;
  const value = p.form?.id === p.id ? (p.form.state.values[p.name] ?? '') : p.value;
  const describedBy = [p.hint ? `h-${p.id}` : '', error ? `e-${p.id}` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`f-${p.id}`}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`h-${p.id}`}>
          {p.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`e-${p.id}`}>
          {error}
        </p>
      )}
      <textarea id={`f-${p.id}`} name={p.name} rows={p.rows} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}>
        {value}
      </textarea>
    </div>
  );
}

const SUBSTITUTE_WARNING = { failed: 'room.sub.failed', noEmail: 'room.sub.noEmail', pending: 'room.sub.pending' } as const;

function AbsencePanel({ ctx, room, form }: { ctx: ViewContext; room: RoomView; form: RoomForm | undefined }) {
  const { t } = ctx;
  const base = `/mina-moten/${room.meeting.id}/franvaro`;
  const { absence } = room;
  const isMember = room.mine.role === 'member';
  if (!absence && !room.canReport) return null;
  return (
    // Most members come: until an absence is reported, the form stays folded away above the agenda.
    <section class={absence ? 'room-panel' : 'room-absence'} aria-labelledby="absence-h">
      <h2 id="absence-h" class={absence ? undefined : 'visually-hidden'}>
        {t('room.absence.title')}
      </h2>
      {absence ? (
        <>
          <p class="room-flag">{t('room.absence.reported', { date: `${formatMeetingDay(absence.at, ctx.locale)} ${formatClock(absence.at, ctx.locale)}` })}</p>
          {absence.note && <p>{t('room.absence.yourNote', { note: absence.note })}</p>}
          {isMember && absence.substitutes.length === 0 && <p class="warning">{t('room.sub.none', { municipality: room.mine.municipalityName })}</p>}
          {absence.substitutes.map((s) =>
            s.state === 'notified' ? (
              <p>{s.at ? t('room.sub.notifiedAt', { name: s.name, time: `${formatMeetingDay(s.at, ctx.locale)} ${formatClock(s.at, ctx.locale)}` }) : t('room.sub.notified', { name: s.name })}</p>
            ) : (
              <p class="warning">{t(SUBSTITUTE_WARNING[s.state], { name: s.name })}</p>
            ),
          )}
          {room.canReport && (
            <PostForm ctx={ctx} action={`${base}/aterkalla`}>
              <p class="hint">{t('room.absence.withdrawHint')}</p>
              <button type="submit" class="secondary">
                {t('room.absence.withdraw')}
              </button>
            </PostForm>
          )}
        </>
      ) : (
        <details class="room-box" open={form?.id === 'absence'}>
          <summary>{t('room.absence.submit')}</summary>
          <PostForm ctx={ctx} action={base}>
            <p>{isMember ? t('room.absence.hintMember', { municipality: room.mine.municipalityName }) : t('room.absence.hintOther')}</p>
            <NoteField ctx={ctx} id="absence" name="note" label={t('room.absence.note')} hint={isMember ? t('room.absence.noteHint') : undefined} value="" rows={2} form={form} />
            <button type="submit">{t('room.absence.submit')}</button>
          </PostForm>
        </details>
      )}
    </section>
  );
}

function ItemTools({ ctx, room, item, form }: { ctx: ViewContext; room: RoomView; item: RoomItem; form: RoomForm | undefined }) {
  const { t } = ctx;
  const base = `/mina-moten/${room.meeting.id}/punkter/${item.id}`;
  const javForm = `jav-${item.id}`;
  const noteForm = `note-${item.id}`;
  return (
    <div class="room-tools">
      {item.jav ? (
        <div class="room-box room-box--on">
          <p>
            <strong>{t('room.jav.reported')}</strong>
          </p>
          {item.jav.note && <p>{t('room.absence.yourNote', { note: item.jav.note })}</p>}
          {room.canReport && (
            <PostForm ctx={ctx} action={`${base}/jav/aterkalla`}>
              <button type="submit" class="secondary">
                {t('room.jav.withdraw')}
              </button>
            </PostForm>
          )}
        </div>
      ) : (
        room.canReport && (
          <details class="room-box" open={form?.id === javForm}>
            <summary>{t('room.jav.open')}</summary>
            <p class="hint">{t('room.jav.hint')}</p>
            <PostForm ctx={ctx} action={`${base}/jav`}>
              <NoteField ctx={ctx} id={javForm} name="note" label={t('room.jav.note')} value="" rows={2} form={form} />
              <button type="submit">{t('room.jav.submit', { n: item.position })}</button>
            </PostForm>
          </details>
        )
      )}
      <details class="room-box" open={item.note !== '' || form?.id === noteForm}>
        <summary>{t('room.note.title')}</summary>
        <PostForm ctx={ctx} action={`${base}/anteckning`}>
          <NoteField ctx={ctx} id={noteForm} name="text" label={t('room.note.label', { n: item.position })} hint={t('room.note.private')} value={item.note} rows={5} form={form} />
          <button type="submit">{t('room.note.save')}</button>
        </PostForm>
      </details>
    </div>
  );
}

function Item({ ctx, room, item, form }: { ctx: ViewContext; room: RoomView; item: RoomItem; form: RoomForm | undefined }) {
  const { t } = ctx;
  return (
    <article class="room-item" id={`punkt-${item.position}`} aria-labelledby={`h-${item.id}`}>
      <h2 id={`h-${item.id}`}>
        <span>{item.position}.</span> <span>{item.heading}</span>
      </h2>
      <p class="room-item__meta">
        <span class="badge">{t(`room.item.kind.${item.kind}`)}</span>
        {item.caseNumber && <span>{t('room.item.case', { number: item.caseNumber })}</span>}
        <ExampleMark ctx={ctx} origin={item.origin} />
      </p>
      {item.restricted ? (
        <p class="notice">{t('room.item.secret')}</p>
      ) : (
        <>
          {/* An information item usually has no proposal: then it gets no empty heading either. */}
          {(item.proposal.trim() || item.kind !== 'information') && <h3>{t('room.item.proposal')}</h3>}
          {item.proposal.trim() ? <Proposal text={item.proposal} /> : item.kind !== 'information' && <p class="hint">{t('room.item.noProposal')}</p>}
          {item.summary.trim() && (
            <>
              <h3>{t('room.item.summary')}</h3>
              <Proposal text={item.summary} />
            </>
          )}
        </>
      )}
      <h3>{t('room.item.documents')}</h3>
      <Documents ctx={ctx} item={item} meetingId={room.meeting.id} />
      {item.recipients.length > 0 && (
        <>
          <h3>{t('room.item.recipients')}</h3>
          <ul>
            {item.recipients.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      )}
      <ItemTools ctx={ctx} room={room} item={item} form={form} />
      <p class="room-top">
        <a href="#toc-h">↑ {t('room.toTop')}</a>
      </p>
    </article>
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
  return (
    <RoomLayout ctx={ctx} title={title} back={{ href: '/mina-moten', label: t('room.backToList') }}>
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
