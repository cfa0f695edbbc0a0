/**
 * The parts of the members' room page: an agenda item with its proposal, its documents and the
 * member's own tools (jäv, private note), and the absence panel.
 */
import type { ViewContext } from '../../../platform/views/context.js';
import { ExampleMark } from '../../../platform/views/example-data.js';
import { PostForm, type FormState } from '../../../platform/views/forms.js';
import { formatSize } from '../../registry/registry.views.js';
import { proposalBlocks, type ProposalBlock } from '../agenda/agenda.schema.js';
import { formatClock, formatMeetingDay, type RoomView } from './member-room.service.js';
import { HeadedList } from '../../../platform/views/list-or-none.js';

type RoomItem = RoomView['items'][number];

/** A form of the room shown again after a refusal: which form, and what was typed. */
export interface RoomForm {
  /** 'absence', `jav-<itemId>` or `note-<itemId>`: also the id of its text field (`f-<id>`). */
  id: string;
  state: FormState;
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

/** How the call of one substitute goes, with a way to send it again when it failed for good. */
function SubstituteCall({ ctx, room, sub }: { ctx: ViewContext; room: RoomView; sub: NonNullable<RoomView['absence']>['substitutes'][number] }) {
  const { t } = ctx;
  const time = sub.at ? `${formatMeetingDay(sub.at, ctx.locale)} ${formatClock(sub.at, ctx.locale)}` : '';
  if (sub.state === 'notified') return <p>{t('room.sub.notifiedAt', { name: sub.name, time })}</p>;
  if (sub.state === 'queued') return <p>{t('room.sub.queued', { name: sub.name })}</p>;
  if (sub.state === 'retrying') return <p class="warning">{t('room.sub.retrying', { name: sub.name, time })}</p>;
  if (sub.state === 'failed') {
    return (
      <div class="warning" style="margin: .75rem 0">
        <p>{t('room.sub.failed', { name: sub.name })}</p>
        {room.canReport && (
          <PostForm ctx={ctx} action={`/mina-moten/${room.meeting.id}/franvaro/skicka-igen`}>
            <button type="submit" class="secondary">
              {t('room.sub.resend')}
            </button>
          </PostForm>
        )}
      </div>
    );
  }
  return <p class="warning">{t(sub.state === 'noEmail' ? 'room.sub.noEmail' : 'room.sub.pending', { name: sub.name })}</p>;
}

export function AbsencePanel({ ctx, room, form }: { ctx: ViewContext; room: RoomView; form: RoomForm | undefined }) {
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
          <div role="status" aria-live="polite">
            {absence.substitutes.map((sub) => (
              <SubstituteCall ctx={ctx} room={room} sub={sub} />
            ))}
          </div>
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

export function Item({ ctx, room, item, form }: { ctx: ViewContext; room: RoomView; item: RoomItem; form: RoomForm | undefined }) {
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
      <HeadedList heading={t('room.item.recipients')} items={item.recipients} />
      <ItemTools ctx={ctx} room={room} item={item} form={form} />
      <p class="room-top">
        <a href="#toc-h">↑ {t('room.toTop')}</a>
      </p>
    </article>
  );
}

