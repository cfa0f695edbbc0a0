/** The tertial follow-up, the evidence behind each measured figure, and the follow-up dialogues. */
import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, emptyForm, type FormState } from '../../platform/views/forms.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import type { FollowupService, IndicatorFollowup } from './followup.service.js';
import { GOAL_STATUSES } from './planning.schema.js';
import { targetText } from './plan.pages.js';
import { formatNumber, scoped, StatusText, YearSwitch } from './planning.views.js';
import { DataTable } from '../../platform/views/data-table.js';

type FollowupView = Awaited<ReturnType<FollowupService['view']>>;
type EvidenceView = Awaited<ReturnType<FollowupService['evidence']>>;
type DialoguesView = Awaited<ReturnType<FollowupService['dialogues']>>;

function TertialSwitch({ ctx, view, path }: { ctx: ViewContext; view: { tertial: number } & Parameters<typeof scoped>[1]; path: string }) {
  return (
    <nav aria-label={ctx.t('planning.tertials')}>
      <ul class="tabs">
        {[1, 2, 3].map((n) => (
          <li>
            <a href={scoped(path, view, { tertial: String(n) })} aria-current={n === view.tertial ? 'page' : undefined}>
              {n === view.tertial ? <strong>{ctx.t(`planning.tertial.${n as 1 | 2 | 3}`)}</strong> : ctx.t(`planning.tertial.${n as 1 | 2 | 3}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function IndicatorRowView({ ctx, view, row, state }: { ctx: ViewContext; view: FollowupView; row: IndicatorFollowup; state: FormState }) {
  const { t } = ctx;
  const i = row.indicator;
  const manual = i.measure === 'manual';
  const recordedValue = row.recorded?.value ?? null;
  return (
    <tr>
      <th scope="row">
        {i.name}
        <br />
        <small>{t(`planning.measure.${i.measure}`)}</small>
      </th>
      <td>{targetText(ctx, i)}</td>
      <td class="num">
        {manual ? (
          formatNumber(ctx, recordedValue === null ? null : Number(recordedValue), i.unit)
        ) : (
          <a href={scoped('/planering/underlag', view, { matt: i.measure, tertial: String(view.tertial) })} aria-label={t('planning.evidenceFor', { name: i.name })}>
            {formatNumber(ctx, row.measured, i.unit)}
          </a>
        )}
      </td>
      <td>
        <StatusText ctx={ctx} status={row.status} />
      </td>
      <td>
        {row.recorded ? (
          <>
            {t('planning.recordedOn', { date: row.recorded.recordedAt.toISOString().slice(0, 10) })}
            {row.recorded.comment && <p>{row.recorded.comment}</p>}
          </>
        ) : (
          t('planning.notRecorded')
        )}
      </td>
      {view.canManage && (
        <td>
          {manual && (
            <>
              <TextField ctx={ctx} state={state} name={`value_${i.id}`} label={t('planning.valueFor', { name: i.name })} inputMode="numeric" />
              <SelectField ctx={ctx} state={state} name={`status_${i.id}`} label={t('planning.statusFor', { name: i.name })} empty={t('planning.status.none')} options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`planning.status.${s}`) }))} />
            </>
          )}
          <div class="field">
            <label for={`f-comment_${i.id}`}>{t('planning.commentFor', { name: i.name })}</label>
            <textarea id={`f-comment_${i.id}`} name={`comment_${i.id}`} rows={2}>
              {state.values[`comment_${i.id}`] ?? ''}
            </textarea>
          </div>
        </td>
      )}
    </tr>
  );
}

export function FollowupPage({ ctx, view, state }: { ctx: ViewContext; view: FollowupView; state?: FormState }) {
  const { t } = ctx;
  const form = state ?? emptyForm(Object.fromEntries(view.goals.flatMap((g) => g.indicators).flatMap((r) => [
    [`comment_${r.indicator.id}`, r.recorded?.comment ?? ''],
    [`value_${r.indicator.id}`, r.recorded?.value ?? ''],
    [`status_${r.indicator.id}`, r.recorded?.status ?? ''],
  ])));
  const table = (
    <>
      {view.goals.map(({ goal, indicators, status }) => (
        <section aria-labelledby={`g-${goal.id}`}>
          <h2 id={`g-${goal.id}`}>{goal.title}</h2>
          <p>
            {t('planning.goalStatus')}: <StatusText ctx={ctx} status={status} />
          </p>
          {indicators.length > 0 ? (
            <DataTable caption={t('planning.indicatorsOf', { goal: goal.title })} hideCaption columns={[t('planning.indicator.name'), t('planning.indicator.target'), { label: t('planning.value'), numeric: true }, t('planning.status'), t('planning.recorded'), view.canManage && t('planning.record')]} scroll>
              {indicators.map((row) => (
                <IndicatorRowView ctx={ctx} view={view} row={row} state={form} />
              ))}
            </DataTable>
          ) : (
            <p>{t('planning.noIndicators')}</p>
          )}
        </section>
      ))}
    </>
  );
  return (
    <Layout ctx={ctx} title={t('planning.followupTitle', { year: view.year })} back={{ href: scoped('/planering', view), label: t('planning.backToOverview') }}>
      <YearSwitch ctx={ctx} s={view} path="/planering/uppfoljning" />
      <TertialSwitch ctx={ctx} view={view} path="/planering/uppfoljning" />
      <p>{t('planning.measuredUntil', { date: view.until })}</p>
      {!view.loaded && <p>{t('planning.noPlan', { year: view.year })}</p>}
      {view.canManage && view.loaded ? (
        <PostForm ctx={ctx} action={scoped('/planering/uppfoljning', view, { tertial: String(view.tertial) })}>
          <ErrorSummary ctx={ctx} state={form} />
          {table}
          <p class="hint">{t('planning.recordHint')}</p>
          <button type="submit">{t('planning.recordTertial', { tertial: view.tertial })}</button>
        </PostForm>
      ) : (
        table
      )}
    </Layout>
  );
}

export function EvidencePage({ ctx, view }: { ctx: ViewContext; view: EvidenceView }) {
  const { t } = ctx;
  const m = view.measurement;
  const back = scoped('/planering/uppfoljning', view, { tertial: String(view.tertial) });
  return (
    <Layout ctx={ctx} title={t('planning.evidenceTitle', { measure: t(`planning.measure.${m.measure}`), year: view.year })} back={{ href: back, label: t('planning.backToFollowup') }}>
      <p>
        {t('planning.evidencePeriod', { from: `${view.year}-01-01`, until: view.until })} <strong>{t('planning.value')}: {formatNumber(ctx, m.value, m.measure === 'committee_meetings' || m.measure === 'prep_meetings' ? '' : '%')}</strong>
      </p>
      <p class="hint">{t(`planning.evidenceRule.${m.measure}`)}</p>
      {m.measure === 'followup_dialogues' ? (
        <DataTable caption={t('planning.dialoguesByMunicipality')} columns={[t('planning.municipality'), t('planning.dialogueDates')]} scroll>
          {m.dialogues.map((d) => (
            <tr>
              <th scope="row">{d.municipalityName}</th>
              <td>{d.dates.length ? d.dates.join(', ') : t('planning.noDialogue')}</td>
            </tr>
          ))}
        </DataTable>
      ) : m.meetings.length === 0 ? (
        <p>{t('planning.noMeetingsHeld')}</p>
      ) : (
        m.meetings.map((meeting) => (
          <section aria-labelledby={`m-${meeting.meetingId}`}>
            <h2 id={`m-${meeting.meetingId}`}>
              <a href={`/moten/${meeting.meetingId}`}>{t('planning.meetingOn', { date: meeting.date, place: meeting.place })}</a>
              <ExampleMark ctx={ctx} origin={meeting.origin} detail />
            </h2>
            <p>{t('planning.seatsAttended', { attended: meeting.attended, seats: meeting.seats, share: formatNumber(ctx, meeting.share) })}</p>
            <DataTable caption={t('planning.attendanceAt', { date: meeting.date })} hideCaption columns={[t('planning.municipality'), t('planning.servedBy')]} scroll>
              {meeting.seatDetails.map((seat) => (
                <tr>
                  <th scope="row">{seat.municipalityName}</th>
                  <td>{seat.servedBy.length ? seat.servedBy.map((p) => `${p.name} (${t(`planning.role.${p.role}`)})`).join(', ') : <strong>{t('planning.notPresent')}</strong>}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))
      )}
    </Layout>
  );
}

export function DialoguesPage({ ctx, view, state }: { ctx: ViewContext; view: DialoguesView; state?: FormState }) {
  const { t } = ctx;
  const form = state ?? emptyForm({ heldOn: ctx.today });
  const columns: Column<DialoguesView['held'][number]>[] = [
    { key: 'date', label: t('planning.dialogueDate'), text: (d) => d.heldOn, rowHeader: true },
    { key: 'municipality', label: t('planning.municipality'), text: (d) => d.municipalityName },
    { key: 'note', label: t('planning.note'), text: (d) => d.note },
  ];
  const labels = { organisationId: t('planning.municipality'), heldOn: t('planning.dialogueDate'), note: t('planning.note') };
  return (
    <Layout ctx={ctx} title={t('planning.dialoguesTitle', { year: view.year })} back={{ href: scoped('/planering', view), label: t('planning.backToOverview') }}>
      <YearSwitch ctx={ctx} s={view} path="/planering/dialoger" />
      <p>{t('planning.dialoguesIntro', { visited: new Set(view.held.map((d) => d.organisationId)).size, total: view.municipalities.length })}</p>
      <ListTable ctx={ctx} caption={t('planning.dialoguesTitle', { year: view.year })} columns={columns} rows={view.held} defaultSort="date" searchId="dialogues" hideCaption />
      {view.canManage && (
        <section aria-labelledby="new-dialogue">
          <h2 id="new-dialogue">{t('planning.addDialogue')}</h2>
          <ErrorSummary ctx={ctx} state={form} labels={labels} />
          <PostForm ctx={ctx} action={scoped('/planering/dialoger', view)}>
            <SelectField ctx={ctx} state={form} name="organisationId" label={labels.organisationId} required empty="" options={view.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
            <TextField ctx={ctx} state={form} name="heldOn" label={labels.heldOn} type="date" hint={t('planning.dateHint')} required />
            <TextField ctx={ctx} state={form} name="note" label={labels.note} />
            <button type="submit">{t('planning.addDialogue')}</button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
