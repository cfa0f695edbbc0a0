/** Sammanträdet: the secretary's live screen, one page per meeting, and the close confirmation. */
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/layout.js';
import { PostForm, FormActions } from '../../../platform/views/forms.js';
import type { LiveMeetingView } from './live-meeting.view.js';
import { ActionForm, QuorumText, liveBase, type LiveFailure, type LiveProps } from './live-meeting-forms.pages.js';
import { AttendanceSection } from './live-meeting-attendance.pages.js';
import { ItemSection } from './live-meeting-item.pages.js';
import { swedishDate, swedishTime } from '../../../platform/time-format.js';
import { OpeningGuard, openingHistory } from './meeting-opening.pages.js';
import { countText } from '../../../platform/i18n/plural.js';
import { DataTable } from '../../../platform/views/data-table.js';


export function liveTitle(ctx: ViewContext, view: LiveMeetingView): string {
  return ctx.t('live.title', { body: view.body.name, date: view.date });
}

function StatusPanel(props: { live: LiveProps; view: LiveMeetingView }) {
  const { live, view } = props;
  const { t } = live.ctx;
  const { meeting } = view;
  return (
    <section id="sammantradet" aria-labelledby="sammantradet-h">
      <h2 id="sammantradet-h" class="visually-hidden">
        {t('live.status.heading')}
      </h2>
      <dl class="facts">
        <dt>{t('live.meeting.when')}</dt>
        <dd>
          {view.date} {view.time}
        </dd>
        <dt>{t('live.meeting.place')}</dt>
        <dd>{meeting.place}</dd>
        <dt>{t('live.meeting.status')}</dt>
        <dd>
          <strong>{t(`live.meetingStatus.${meeting.status}`)}</strong>
          {meeting.openedAt && <> · {t('live.meeting.openedAt', { time: swedishTime(meeting.openedAt) })}</>}
          {meeting.openedAt && meeting.openReason && <> · {openingHistory(live.ctx, meeting, swedishDate(meeting.openedAt))}</>}
          {meeting.closedAt && <> · {t('live.meeting.closedAt', { time: swedishTime(meeting.closedAt) })}</>}
        </dd>
      </dl>
      {meeting.status === 'planned' && (
        <ActionForm live={live} action="oppna">
          <p>{t('live.meeting.openHint')}</p>
          <OpeningGuard live={live} meetingDate={view.date} />
          <button type="submit">{t('live.meeting.open')}</button>
        </ActionForm>
      )}
      {meeting.status === 'closed' && (
        <p class="notice">
          {t('live.meeting.closedNotice')} {view.reasonsOpen ? t('live.meeting.reasonsOpen', { date: meeting.justeringDate ?? t('live.meeting.noJusteringDate') }) : t('live.meeting.reasonsClosed')}
        </p>
      )}
      {meeting.status === 'cancelled' && <p class="warning">{t('live.error.cancelled')}</p>}
      {view.current && (
        <p class="notice">
          <strong>{t('live.current.label')}</strong>{' '}
          <a href={`#punkt-${view.current.number}`}>
            {view.current.number}. {view.current.item.heading}
          </a>
          <br />
          <QuorumText ctx={live.ctx} quorum={view.current.quorum} seats={view.seats} vacancies={view.vacancies} />
        </p>
      )}
      {live.editable && <TemporaryChairForm live={live} view={view} />}
      <nav aria-label={t('live.jump.label')}>
        <ul class="actions" style="list-style: none; padding: 0">
          <li>{t('live.jump.label')}:</li>
          <li>
            <a href={`${live.focus ? liveBase(meeting.id) : ''}#punkter`}>{t('live.items.heading')}</a>
          </li>
          <li>
            <a href={`${live.focus ? liveBase(meeting.id) : ''}#narvaro`}>{t('live.attendance.heading')}</a>
          </li>
          {view.current && (
            <li>
              <a href={`#punkt-${view.current.number}`}>{t('live.jump.current', { n: view.current.number })}</a>
            </li>
          )}
          {meeting.status === 'open' && !live.focus && view.current && (
            <li>
              <a href={`${liveBase(meeting.id)}?vy=punkt`}>{t('live.focus.show')}</a>
            </li>
          )}
          {meeting.status === 'open' && (
            <li>
              <a href={`${liveBase(meeting.id)}/avsluta`}>{t('live.close.link')}</a>
            </li>
          )}
          {meeting.status === 'open' && (
            <li>
              <a href={`/moten/${meeting.id}/ordforande`}>{t('lr.chairLink')}</a>
            </li>
          )}
        </ul>
      </nav>
    </section>
  );
}

function FailureSummary(props: { ctx: ViewContext; failure: LiveFailure | undefined }) {
  const { failure } = props;
  if (!failure) return null;
  return (
    <div id="live-failure" class="error-summary" role="alert" tabIndex={-1}>
      <p>{props.ctx.t('live.failure.title')}</p>
      <p>{failure.message}</p>
      <a href={`#${failure.anchor}`}>{props.ctx.t('live.failure.goto')}</a>
    </div>
  );
}

/** Every item with its status and quorum, linking down to it. */
function ItemOverview(props: { live: LiveProps; view: LiveMeetingView }) {
  const { live, view } = props;
  const { t } = live.ctx;
  if (view.items.length === 0) return <p id="punkter">{t('live.items.none')}</p>;
  return (
    <section id="punkter" aria-labelledby="punkter-h">
      <h2 id="punkter-h">{t('live.items.heading')}</h2>
      <DataTable
        caption={t('live.items.heading')}
        hideCaption
        columns={[t('live.items.number'), t('live.items.item'), t('live.item.status'), t('live.item.quorum')]}
        scroll
      >
        {view.items.map((i) => (
          <tr>
            <td>{i.number}</td>
            <th scope="row">
              <a href={`#punkt-${i.number}`}>{i.item.heading}</a>
              {i.isCurrent && <> <span class="badge">{t('live.item.current')}</span></>}
            </th>
            <td>{t(`live.status.${i.item.status}`)}</td>
            <td style="white-space: nowrap">
              <QuorumText ctx={live.ctx} quorum={i.quorum} seats={view.seats} vacancies={view.vacancies} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function LiveMeetingPage(props: { ctx: ViewContext; view: LiveMeetingView; failure?: LiveFailure; focus?: boolean }) {
  const { ctx, view } = props;
  const { t } = ctx;
  const focus = Boolean(props.focus) && view.meeting.status === 'open';
  const live: LiveProps = { ctx, meetingId: view.meeting.id, editable: view.meeting.status === 'open', failure: props.failure, focus };
  return (
    <Layout ctx={ctx} title={liveTitle(ctx, view)} back={{ href: `/moten/${view.meeting.id}`, label: t('live.back') }}>
      <p id="live-announce" class="visually-hidden" role="status" aria-live="polite" />
      {/* Every direct child has an id: the client script swaps the ones that changed. */}
      <div id="live-page">
        <FailureSummary ctx={ctx} failure={props.failure} />
        <StatusPanel live={live} view={view} />
        {focus ? (
          <FocusedItems live={live} view={view} />
        ) : (
          <>
            <ItemOverview live={live} view={view} />
            <AttendanceSection live={live} view={view} />
            {view.items.map((item) => (
              <ItemSection live={live} item={item} view={view} />
            ))}
          </>
        )}
        {view.meeting.status === 'open' && (
          <p id="avsluta-lank" class="actions" style="margin-top: 2rem">
            <a class="button secondary" href={`${liveBase(view.meeting.id)}/avsluta`}>
              {t('live.close.link')}
            </a>
          </p>
        )}
      </div>
      <script src="/static/live-meeting.js" defer />
    </Layout>
  );
}

/**
 * Fokusvy: the current item alone (and the one decided last, to undo or reserve against), with
 * the quorum at the top and a way back to the whole meeting. For a tablet on the secretary's
 * table; every form keeps the view (?vy=punkt).
 */
function FocusedItems(props: { live: LiveProps; view: LiveMeetingView }) {
  const { live, view } = props;
  const { t } = live.ctx;
  const current = view.current;
  const last = view.items.find((i) => i.item.id === view.lastHandledId && !i.isCurrent);
  // The current item first; below it the one decided last, to undo it or reserve against it.
  const shown = [current, last].filter((i): i is NonNullable<typeof i> => i !== null && i !== undefined);
  return (
    <>
      <nav id="fokus" aria-label={t('live.focus.show')}>
        <p class="actions">
          {current && <span>{t('live.focus.label', { n: current.number, total: view.items.length })}</span>}
          <a href={liveBase(view.meeting.id)}>{t('live.focus.all')}</a>
        </p>
      </nav>
      {shown.map((item) => (
        <ItemSection live={live} item={item} view={view} />
      ))}
    </>
  );
}

/** Avsluta: confirm, listing what is still pending; after this nothing changes. */
export function CloseMeetingPage(props: { ctx: ViewContext; view: LiveMeetingView }) {
  const { ctx, view } = props;
  const { t } = ctx;
  const pending = view.items.filter((i) => i.item.status === 'pending');
  const base = liveBase(view.meeting.id);
  return (
    <Layout ctx={ctx} title={t('live.close.title', { date: view.date })} back={{ href: base, label: t('live.close.back') }}>
      {pending.length === 0 ? (
        <p>{t('live.close.allHandled')}</p>
      ) : (
        <div class="warning">
          <p>{countText(ctx, 'live.close.pending', pending.length)}</p>
          <ul>
            {pending.map((i) => (
              <li>
                <a href={`${base}#punkt-${i.number}`}>
                  {i.number}. {i.item.heading}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>{t('live.close.consequence')}</p>
      <PostForm ctx={ctx} action={`${base}/avsluta`}>
        <FormActions ctx={ctx} submit={t('live.close.submit')} kind="danger" cancelHref={base} />
      </PostForm>
    </Layout>
  );
}

/** Reglemente 16 §: the member the committee elects to chair when neither chair nor vice chair can. */
function TemporaryChairForm(props: { live: LiveProps; view: LiveMeetingView }) {
  const { live, view } = props;
  const { t } = live.ctx;
  const basis = view.current?.presiding?.basis ?? null;
  const needed = basis === null || basis === 'eldest' || basis === 'elected';
  const members = view.current?.serving ?? [];
  return (
    <details open={needed || live.failure?.form === 'ordforande'}>
      <summary>{t('live.temporaryChair.heading')}</summary>
      <p class="hint">{t('live.temporaryChair.hint')}</p>
      {view.current && <p>{view.current.presiding ? t(`live.presiding.${view.current.presiding.basis}`, { name: view.current.presiding.name }) : t('live.presiding.none')}</p>}
      <ActionForm live={live} action="ordforande">
        <div class="field">
          <label for="temporary-chair">{t('live.temporaryChair.person')}</label>
          <select id="temporary-chair" name="personId">
            <option value="">{t('live.temporaryChair.noneOption')}</option>
            {members.map((p) => (
              <option value={p.personId} selected={p.personId === view.meeting.temporaryChairPersonId}>
                {p.name}, {p.municipalityName}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('live.temporaryChair.submit')}
        </button>
      </ActionForm>
    </details>
  );
}
