import { ConfirmPage } from '../../../platform/views/confirm-page.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout, withQuery } from '../../../platform/views/layout.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { ListTable, type Column } from '../../../platform/views/list-table.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../../platform/views/forms.js';
import { ExampleMark } from '../../../platform/views/example-data.js';
import type { ScheduleService, ScheduledMeeting } from './schedule.service.js';
import { formatCalendarDay, formatMonthName } from '../../../platform/time-format.js';
import type { BodyRow } from '../../organisation/organisation.tables.js';
import type { AnnualCycleItemRow } from '../meetings.tables.js';

type MeetingList = Awaited<ReturnType<ScheduleService['list']>>;
type Overview = Awaited<ReturnType<ScheduleService['overview']>>;

/** The name of a month (1–12) in the page's language: "december". */
export function monthName(ctx: ViewContext, month: number): string {
  return formatMonthName(month, ctx.locale);
}

/** "fredag 3 mars 2023" from '2023-03-03'. */
function longDate(ctx: ViewContext, date: string): string {
  return formatCalendarDay(date, ctx.locale);
}

const timeSpan = (m: ScheduledMeeting) => (m.endTime ? `${m.startTime}–${m.endTime}` : m.startTime);

const meetingLabel = (ctx: ViewContext, m: ScheduledMeeting) => ctx.t('schedule.cancelWhat', { kind: ctx.t(`schedule.kind.${m.kind}`).toLowerCase(), body: m.bodyName, date: m.date, time: m.startTime });

export function MeetingListPage({ ctx, list }: { ctx: ViewContext; list: MeetingList }) {
  const { t } = ctx;
  const columns: Column<ScheduledMeeting>[] = [
    { key: 'date', label: t('schedule.date'), text: (m) => `${m.date} ${m.startTime}`, rowHeader: true, render: (m) => <a href={`/moten/${m.id}`}>{m.date}</a> },
    { key: 'time', label: t('schedule.time'), text: timeSpan },
    { key: 'kind', label: t('schedule.kind'), text: (m) => t(`schedule.kind.${m.kind}`) },
    ...(list.body ? [] : [{ key: 'body', label: t('schedule.body'), text: (m: ScheduledMeeting) => m.bodyName }]),
    {
      key: 'place',
      label: t('schedule.place'),
      text: (m) => m.place,
      render: (m) => (
        <>
          {m.place}
          <ExampleMark ctx={ctx} origin={m.origin} detail />
        </>
      ),
    },
    { key: 'status', label: t('schedule.status'), text: (m) => t(`schedule.status.${m.status}`) },
    { key: 'notice', label: t('schedule.notice'), text: (m) => (m.noticeSentOn ? t('schedule.noticeSentOn', { date: m.noticeSentOn }) : t('schedule.noticeNotSent')) },
  ];
  const filter = { organ: list.body?.id ?? '', ar: String(list.year) };
  return (
    <Layout ctx={ctx} title={list.body ? `${list.body.name}: ${t('schedule.titleYear', { year: list.year })}` : t('schedule.titleYear', { year: list.year })} back={{ href: '/' }}>
      <form method="get" action="/moten" class="list-search" aria-label={t('schedule.filter')}>
        <label for="f-organ">{t('schedule.body')}</label>
        <select id="f-organ" name="organ">
          <option value="">{t('schedule.allBodies')}</option>
          {list.bodies.map((b) => (
            <option value={b.id} selected={b.id === filter.organ}>
              {b.name}
            </option>
          ))}
        </select>
        <label for="f-ar">{t('schedule.year')}</label>
        <select id="f-ar" name="ar">
          {list.years.map((y) => (
            <option value={String(y)} selected={y === list.year}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit">{t('schedule.filterShow')}</button>
      </form>
      <p class="actions">
        {list.canPlan && list.bodies.length > 0 && (
          <a class="button" href={withQuery('/moten/nytt', {}, { organ: list.body?.id })}>
            {t('schedule.new')}
          </a>
        )}
        <a class="button secondary" href={list.body ? `/moten/arshjul/${list.body.id}` : '/moten/arshjul'}>
          {t('schedule.cycle')}
        </a>
      </p>
      <ListTable ctx={ctx} caption={t('schedule.caption', { year: list.year })} columns={columns} rows={list.meetings} defaultSort="date" searchId="meetings" hideCaption />
    </Layout>
  );
}

export function MeetingFormPage(props: { ctx: ViewContext; title: string; action: string; back: string; state: FormState; bodies: BodyRow[] }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const labels = { bodyId: t('schedule.body'), kind: t('schedule.kind'), date: t('schedule.date'), startTime: t('schedule.startTime'), endTime: t('schedule.endTime'), place: t('schedule.place') };
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: props.back }}>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      {props.bodies.length === 0 && <p class="warning">{t('schedule.noBodies')}</p>}
      <PostForm ctx={ctx} action={props.action}>
        <SelectField ctx={ctx} state={state} name="bodyId" label={labels.bodyId} required options={props.bodies.map((b) => ({ value: b.id, label: b.name }))} />
        <SelectField ctx={ctx} state={state} name="kind" label={labels.kind} required options={(['meeting', 'strategy_day'] as const).map((k) => ({ value: k, label: t(`schedule.kind.${k}`) }))} />
        <TextField ctx={ctx} state={state} name="date" label={labels.date} hint={t('schedule.dateHint')} type="date" required />
        <TextField ctx={ctx} state={state} name="startTime" label={labels.startTime} hint={t('schedule.timeHint')} type="time" required />
        <TextField ctx={ctx} state={state} name="endTime" label={labels.endTime} hint={t('schedule.endTimeHint')} type="time" />
        <TextField ctx={ctx} state={state} name="place" label={labels.place} hint={t('schedule.placeHint')} required />
        <FormActions ctx={ctx} cancelHref={props.back} />
      </PostForm>
    </Layout>
  );
}

export function CancelMeetingPage({ ctx, meeting }: { ctx: ViewContext; meeting: ScheduledMeeting }) {
  const { t } = ctx;
  const back = `/moten/${meeting.id}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('schedule.cancelTitle', { date: meeting.date })}
      question={t('schedule.cancelConfirm', { what: meetingLabel(ctx, meeting) })}
      action={`/moten/${meeting.id}/stall-in`}
      back={back}
      confirmLabel={t('schedule.cancel')}
      cancelLabel={t('schedule.keep')}
    />
  );
}

export function MeetingPage({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  const { meeting, body, notice } = overview;
  const changeable = overview.canPlan && (meeting.status === 'planned' || meeting.status === 'open');
  return (
    <Layout ctx={ctx} title={t('schedule.meetingTitle', { body: body.name, date: meeting.date })} back={{ href: withQuery('/moten', {}, { organ: body.id, ar: meeting.date.slice(0, 4) }), label: t('schedule.backToList') }}>
      {meeting.status === 'cancelled' && <p class="warning">{t('schedule.cancelledNote')}</p>}
      {meeting.origin === 'seed' && <p class="notice">{t('schedule.seedMeetingNote', { date: meeting.date })}</p>}
      <dl class="facts">
        <dt>{t('schedule.kind')}</dt>
        <dd>{t(`schedule.kind.${meeting.kind}`)}</dd>
        <dt>{t('schedule.date')}</dt>
        <dd>{longDate(ctx, meeting.date)}</dd>
        <dt>{t('schedule.time')}</dt>
        <dd>
          {timeSpan(meeting)}
          <ExampleMark ctx={ctx} origin={meeting.origin} detail />
        </dd>
        <dt>{t('schedule.place')}</dt>
        <dd>
          {meeting.place}
          <ExampleMark ctx={ctx} origin={meeting.origin} detail />
        </dd>
        <dt>{t('schedule.body')}</dt>
        <dd>{body.name}</dd>
        <dt>{t('schedule.status')}</dt>
        <dd>{t(`schedule.status.${meeting.status}`)}</dd>
        <dt>{t('schedule.noticeState')}</dt>
        <dd>
          {notice.sentOn
            ? notice.late
              ? t('schedule.noticeLate', { date: notice.sentOn, deadline: notice.deadline })
              : t('schedule.noticeSent', { date: notice.sentOn })
            : notice.overdue
              ? t('schedule.noticeOverdue', { deadline: notice.deadline })
              : t('schedule.noticeDue', { deadline: notice.deadline })}
          {notice.sentOn && notice.lateReason && <> {t('schedule.noticeLateReason', { reason: notice.lateReason })}</>}
        </dd>
        {meeting.openedAt && (
          <>
            <dt>{t('opening.historyLabel')}</dt>
            <dd>{meeting.openReason ? t('opening.history', { when: meeting.openedAt, reason: meeting.openReason }) : meeting.openedAt}</dd>
          </>
        )}
      </dl>
      {changeable && (
        <p class="actions">
          <a class="button secondary" href={`/moten/${meeting.id}/andra`}>
            {t('schedule.edit')}
          </a>
          {meeting.status === 'planned' && (
            <a class="button secondary" href={`/moten/${meeting.id}/stall-in`}>
              {t('schedule.cancel')}
            </a>
          )}
        </p>
      )}
      <nav aria-labelledby="parts">
        <h2 id="parts">{t('schedule.parts')}</h2>
        <ul>
          <li>
            <a href={`/moten/${meeting.id}/dagordning`}>{t('schedule.link.agenda')}</a>
          </li>
          <li>
            <a href={`/moten/${meeting.id}/kallelse`}>{t('schedule.link.notice')}</a>
          </li>
          {overview.canRun && (
            <li>
              <a href={`/moten/${meeting.id}/sammantrade`}>{t('schedule.link.live')}</a>
            </li>
          )}
          {meeting.status === 'closed' && <li><a href={`/moten/${meeting.id}/protokoll`}>{t('protocol.link')}</a></li>}
          <li>
            <a href={`/kalender/${body.id}.ics`}>{t('schedule.link.calendar', { body: body.name })}</a>
          </li>
        </ul>
      </nav>
      <AnnualCycleCheck ctx={ctx} overview={overview} />
      <AgendaTable ctx={ctx} agenda={overview.agenda} />
    </Layout>
  );
}

function AnnualCycleCheck({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  const month = monthName(ctx, Number(overview.meeting.date.slice(5, 7)));
  return (
    <section aria-labelledby="cycle">
      <h2 id="cycle">{t('schedule.cycle')}</h2>
      {overview.annualCycle.length === 0 ? (
        <p>{t('schedule.cycleNothing', { month })}</p>
      ) : (
        <>
          <p>{t('schedule.cycleRequires', { month })}:</p>
          <ul class="cycle-check">
            {overview.annualCycle.map((c) => (
              <li>
                <span aria-hidden="true">{c.met ? '✓ ' : '✗ '}</span>
                {c.title}: <strong>{c.met ? t('schedule.cycleMet') : t('schedule.cycleMissing')}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`/moten/arshjul/${overview.body.id}`}>{t('schedule.cycleTitle', { body: overview.body.name })}</a>
      </p>
    </section>
  );
}

function AgendaTable({ ctx, agenda }: { ctx: ViewContext; agenda: Overview['agenda'] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{t('schedule.agenda')}</h2>
      {agenda.length === 0 ? (
        <p>{t('schedule.agendaEmpty')}</p>
      ) : (
        <DataTable
          caption={t('schedule.agenda')}
          hideCaption
          columns={[{ label: t('schedule.item.position'), numeric: true }, t('schedule.item.heading'), t('schedule.item.kind'), t('schedule.item.caseNumber')]}
          scroll
        >
          {agenda.map((i) => (
            <tr>
              <td class="num">{i.position}</td>
              <th scope="row">
                {i.heading ?? <em>{t('schedule.item.secret')}</em>}
                <ExampleMark ctx={ctx} origin={i.origin} />
              </th>
              <td>{t(`schedule.item.kind.${i.kind}`)}</td>
              <td>{i.caseNumber ?? '–'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export function AnnualCycleIndexPage({ ctx, bodies }: { ctx: ViewContext; bodies: BodyRow[] }) {
  return (
    <Layout ctx={ctx} title={ctx.t('schedule.cycleIndex')} back={{ href: '/moten', label: ctx.t('schedule.backToList') }}>
      <p>{ctx.t('schedule.cycleIntro')}</p>
      <ul>
        {bodies.map((b) => (
          <li>
            <a href={`/moten/arshjul/${b.id}`}>{b.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function AnnualCyclePage(props: { ctx: ViewContext; body: BodyRow; items: AnnualCycleItemRow[]; canPlan: boolean; state: FormState }) {
  const { ctx, body, state } = props;
  const { t } = ctx;
  const labels = { month: t('schedule.cycleMonth'), title: t('schedule.cycleItem'), matchWords: t('schedule.cycleWords') };
  return (
    <Layout ctx={ctx} title={t('schedule.cycleTitle', { body: body.name })} back={{ href: withQuery('/moten', {}, { organ: body.id }), label: t('schedule.backToList') }}>
      <p>{t('schedule.cycleIntro')}</p>
      {props.items.length === 0 ? (
        <p>{t('schedule.cycleEmpty')}</p>
      ) : (
        <DataTable
          caption={t('schedule.cycle')}
          hideCaption
          columns={[labels.month, labels.title, labels.matchWords, props.canPlan && { label: <span class="visually-hidden">{t('schedule.cycleRemove')}</span> }]}
          scroll
        >
          {props.items.map((item) => (
            <tr>
              <td>{monthName(ctx, item.month)}</td>
              <th scope="row">{item.title}</th>
              <td>{item.matchWords.join(', ')}</td>
              {props.canPlan && (
                <td>
                  <PostForm ctx={ctx} action={`/moten/arshjul/${body.id}/${item.id}/ta-bort`} class="inline-form">
                    <button type="submit" class="link-button" aria-label={t('schedule.cycleRemoveLabel', { title: item.title, month: monthName(ctx, item.month) })}>
                      {t('schedule.cycleRemove')}
                    </button>
                  </PostForm>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {props.canPlan && (
        <section aria-labelledby="cycle-add">
          <h2 id="cycle-add">{t('schedule.cycleAdd')}</h2>
          <ErrorSummary ctx={ctx} state={state} labels={labels} />
          <PostForm ctx={ctx} action={`/moten/arshjul/${body.id}`}>
            <SelectField ctx={ctx} state={state} name="month" label={labels.month} required empty={t('schedule.chooseMonth')} options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(ctx, i + 1) }))} />
            <TextField ctx={ctx} state={state} name="title" label={labels.title} required />
            <TextField ctx={ctx} state={state} name="matchWords" label={labels.matchWords} hint={t('schedule.cycleWordsHint')} />
            <button type="submit">{t('schedule.cycleAdd')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
