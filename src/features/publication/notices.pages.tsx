/** The committee's and the registrars' pages: posting status per municipality, recording a posting, settings. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, emptyForm, type FormState } from '../../platform/views/forms.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { instantToStockholm } from '../meetings/calendar.js';
import type { PublicationService } from './publication.service.js';
import { boardPaths } from './board.pages.js';

type Status = Awaited<ReturnType<PublicationService['protocolStatus']>>;
type StatusRow = Status['rows'][number];
type Queue = Awaited<ReturnType<PublicationService['registrarQueue']>>;
type Settings = Awaited<ReturnType<PublicationService['settings']>>;

function postingText(ctx: ViewContext, row: { postedOn: string | null; method: string; scheduledAt?: Date | null }): string {
  if (row.postedOn) return ctx.t('notices.posted', { date: row.postedOn });
  if (row.method === 'automatic' && row.scheduledAt) {
    const at = instantToStockholm(row.scheduledAt);
    return ctx.t('notices.scheduled', { date: at.date, time: at.time });
  }
  return ctx.t('notices.notPosted');
}

/**
 * A form about one municipality's notice, folded away until it is used or refused; its summary
 * and its button are named by the action and, for screen readers, the municipality.
 */
function NoticeForm(props: { ctx: ViewContext; name: string; municipality: string; state: FormState; open: boolean; action: string; hint?: string; children: ComponentChildren }) {
  const named = (
    <>
      {props.name}
      <span class="visually-hidden"> {props.municipality}</span>
    </>
  );
  return (
    <details open={props.open}>
      <summary>{named}</summary>
      {props.hint && <p class="hint">{props.hint}</p>}
      <ErrorSummary ctx={props.ctx} state={props.state} />
      <PostForm ctx={props.ctx} action={props.action}>
        {props.children}
        <button type="submit">{named}</button>
      </PostForm>
    </details>
  );
}

/** The registrar's (or secretary's) form for one notice; `next` is where to come back; `open` when the page was opened for it (the e-mail's link). */
export function RecordPostingForm(props: { ctx: ViewContext; noticeId: string; municipality: string; next: string; state?: FormState; today: string; open?: boolean }) {
  const { ctx, noticeId, municipality, next } = props;
  const { t } = ctx;
  const state = props.state ?? emptyForm({ postedOn: props.today, externalUrl: '' });
  const prefixed: FormState = {
    values: { [`postedOn-${noticeId}`]: state.values.postedOn ?? '', [`externalUrl-${noticeId}`]: state.values.externalUrl ?? '' },
    errors: state.errors.map((e) => (e.field === '_' ? e : { ...e, field: `${e.field}-${noticeId}` })),
  };
  return (
    <NoticeForm ctx={ctx} name={t('notices.record')} municipality={municipality} state={prefixed} open={state.errors.length > 0 || props.open === true} action={`/anslag/${noticeId}/anslagen`}>
      <input type="hidden" name="next" value={next} />
      <TextField ctx={ctx} state={prefixed} name={`postedOn-${noticeId}`} label={`${t('notices.postedOn')} (${municipality})`} hint={t('notices.recordHint')} type="date" required autofocus={props.open === true && state.errors.length === 0} />
      <TextField ctx={ctx} state={prefixed} name={`externalUrl-${noticeId}`} label={t('notices.externalUrl')} type="url" />
    </NoticeForm>
  );
}

export function ProtocolNoticesPage(props: { ctx: ViewContext; status: Status; failed?: { noticeId: string; state: FormState } }) {
  const { ctx, status } = props;
  const { t } = ctx;
  const back = { href: `/moten/${status.meetingId}/protokoll`, label: t('notices.backToProtocol') };
  const title = t('notices.title', { body: status.bodyName, date: status.meetingDate });
  if (!status.final || !status.status) {
    return (
      <Layout ctx={ctx} title={title} back={back}>
        <p>{t('notices.notFinal')}</p>
      </Layout>
    );
  }
  const s = status.status;
  const lateCount = status.rows.filter((r) => r.late).length;
  const columns: Column<StatusRow>[] = [
    { key: 'municipality', label: t('board.municipality'), text: (r) => r.municipality.name, rowHeader: true },
    { key: 'method', label: t('notices.method'), text: (r) => t(`notices.method.${r.method}`) },
    {
      key: 'status',
      label: t('notices.status'),
      text: (r) => r.postedOn ?? '',
      render: (r) => (
        <>
          <span>{postingText(ctx, r)}</span>
          {r.late && (
            <strong class="warning" style="display: block; margin-top: .25rem">
              {t('notices.late')}
            </strong>
          )}
          {r.postedBy && <span style="display: block">{t('notices.recordedBy', { name: r.postedBy })}</span>}
        </>
      ),
    },
    {
      key: 'where',
      label: t('notices.where'),
      text: (r) => r.externalUrl ?? r.municipality.slug,
      render: (r) => (
        <>
          <a href={boardPaths(r.municipality.slug).page}>
            {t('notices.board')}
            <span class="visually-hidden"> {r.municipality.name}</span>
          </a>
          {r.externalUrl && (
            <>
              {' · '}
              <a href={r.externalUrl}>{r.externalUrl}</a>
            </>
          )}
          {r.mayRecord && (
            <RecordPostingForm
              ctx={ctx}
              noticeId={r.noticeId}
              municipality={r.municipality.name}
              next={`/protokoll/${status.protocolId}/anslag`}
              today={status.today}
              state={props.failed?.noticeId === r.noticeId ? props.failed.state : emptyForm({ postedOn: r.postedOn ?? status.today, externalUrl: r.externalUrl ?? '' })}
            />
          )}
        </>
      ),
    },
  ];
  return (
    <Layout ctx={ctx} title={title} back={back}>
      <dl class="facts">
        <dt>{t('notices.justeredOn')}</dt>
        <dd>{s.justeredOn}</dd>
        <dt>{t('notices.deadline')}</dt>
        <dd>{s.deadline}</dd>
        <dt>{t('notices.appeal')}</dt>
        <dd>{s.appeal ? t('notices.appealRange', { from: s.appeal.startsOn, to: s.appeal.lastDay }) : t('board.notYet')}</dd>
        <dt>{t('notices.takeDown')}</dt>
        <dd>{s.appeal ? s.appeal.takeDownOn : t('board.notYet')}</dd>
      </dl>
      <p>{t('notices.postedCount', { posted: status.rows.filter((r) => r.postedOn !== null).length, total: status.rows.length })}</p>
      {!s.appeal && (
        <p>
          <strong>{t('board.waitingForAll')}</strong>
        </p>
      )}
      {lateCount > 0 && (
        <p class="warning" role="status">
          <strong>{t('notices.lateCount', { count: lateCount })}</strong>
        </p>
      )}
      {status.rows.length === 0 ? (
        <p>{t('notices.none')}</p>
      ) : (
        <ListTable ctx={ctx} caption={t('notices.caption')} columns={columns} rows={status.rows} defaultSort="municipality" />
      )}
    </Layout>
  );
}

/** A correction of a recorded posting date: the corrected date and the reason, shown on the public board. */
export function CorrectPostingForm(props: { ctx: ViewContext; noticeId: string; municipality: string; postedOn: string; state?: FormState }) {
  const { ctx, noticeId, municipality } = props;
  const { t } = ctx;
  const state = props.state ?? emptyForm({ postedOn: props.postedOn, reason: '' });
  const prefixed: FormState = {
    values: { [`correctedOn-${noticeId}`]: state.values.postedOn ?? '', [`reason-${noticeId}`]: state.values.reason ?? '' },
    errors: state.errors.map((e) => (e.field === '_' ? e : { ...e, field: `${e.field === 'postedOn' ? 'correctedOn' : e.field}-${noticeId}` })),
  };
  return (
    <NoticeForm ctx={ctx} name={t('notices.correct')} municipality={municipality} state={prefixed} open={state.errors.length > 0} action={`/anslag/${noticeId}/rattelse`} hint={t('notices.correctHint')}>
      <TextField ctx={ctx} state={prefixed} name={`correctedOn-${noticeId}`} label={`${t('notices.correctedOn')} (${municipality})`} type="date" required />
      <TextField ctx={ctx} state={prefixed} name={`reason-${noticeId}`} label={t('notices.correctReason')} required />
    </NoticeForm>
  );
}

export function RegistrarPage(props: {
  ctx: ViewContext;
  queue: Queue;
  failed?: { noticeId: string; state: FormState };
  failedCorrection?: { noticeId: string; state: FormState };
  /** The notice the page was opened for (`?registrera=<id>`): its form is open, unless its posting is recorded already. */
  openNoticeId?: string | undefined;
}) {
  const { ctx, queue } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registrar.title')} back={{ href: '/' }}>
      <p>{t('registrar.intro')}</p>
      {queue.length === 0 && <p>{t('registrar.none')}</p>}
      {queue.map((n) => (
        <section aria-labelledby={`n-${n.noticeId}`} class="card" style="border: 1px solid #888; border-radius: 6px; padding: 0 1rem 1rem; margin-bottom: 1rem">
          <h2 id={`n-${n.noticeId}`}>{t('registrar.noticeHeading', { municipality: n.municipality.name, body: n.bodyName, date: n.meetingDate })}</h2>
          <dl class="facts">
            <dt>{t('notices.justeredOn')}</dt>
            <dd>{n.justeredOn}</dd>
            <dt>{t('notices.deadline')}</dt>
            <dd>{n.deadline}</dd>
            <dt>{t('notices.method')}</dt>
            <dd>{t(`notices.method.${n.method}`)}</dd>
            <dt>{t('notices.status')}</dt>
            <dd>
              {n.postedOn ? t('notices.posted', { date: n.postedOn }) : t('notices.notPosted')}
              {n.late && <strong class="warning" style="display: block; margin-top: .25rem">{t('notices.late')}</strong>}
              {n.externalUrl && (
                <>
                  {' · '}
                  <a href={n.externalUrl}>{n.externalUrl}</a>
                </>
              )}
            </dd>
          </dl>
          {n.mayRecord && (
            <RecordPostingForm
              ctx={ctx}
              noticeId={n.noticeId}
              municipality={n.municipality.name}
              next="/anslag"
              today={ctx.today}
              open={props.openNoticeId === n.noticeId && !n.postedOn}
              state={props.failed?.noticeId === n.noticeId ? props.failed.state : emptyForm({ postedOn: n.postedOn ?? ctx.today, externalUrl: n.externalUrl ?? '' })}
            />
          )}
          {n.mayRecord && n.postedOn && (
            <CorrectPostingForm
              ctx={ctx}
              noticeId={n.noticeId}
              municipality={n.municipality.name}
              postedOn={n.postedOn}
              {...(props.failedCorrection?.noticeId === n.noticeId ? { state: props.failedCorrection.state } : {})}
            />
          )}
        </section>
      ))}
    </Layout>
  );
}

export function settingsFormValues(view: Settings): Record<string, string> {
  return {
    noticePosting: view.settings.noticePosting,
    postingTime: view.settings.postingTime,
    protocolKeptAt: view.settings.protocolKeptAt,
    appealCourt: view.settings.appealCourt,
    appealCourtAddress: view.settings.appealCourtAddress,
  };
}

export function SettingsPage({ ctx, view, state, manual }: { ctx: ViewContext; view: Settings; state: FormState; manual: readonly string[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('settings.title', { name: view.committee.name })} back={{ href: '/anslagstavla', label: t('board.allBoards') }}>
      <ErrorSummary ctx={ctx} state={state} />
      <PostForm ctx={ctx} action={`/anslag/installningar/${view.committee.slug}`}>
        <SelectField
          ctx={ctx}
          state={state}
          name="noticePosting"
          label={t('settings.mode')}
          options={(['immediate', 'scheduled', 'manual'] as const).map((m) => ({ value: m, label: t(`settings.mode.${m}`) }))}
        />
        <TextField ctx={ctx} state={state} name="postingTime" label={t('settings.time')} inputMode="numeric" />
        <TextField ctx={ctx} state={state} name="protocolKeptAt" label={t('settings.keptAt')} hint={t('settings.keptAtHint', { value: view.defaultKeptAt })} />
        <TextField ctx={ctx} state={state} name="appealCourt" label={t('settings.appealCourt')} hint={t('settings.appealCourtHint')} />
        <TextField ctx={ctx} state={state} name="appealCourtAddress" label={t('settings.appealCourtAddress')} hint={t('settings.appealCourtAddressHint')} />
        <fieldset>
          <legend>{t('settings.manual')}</legend>
          {view.members.map((m) => (
            <div class="field field--checkbox">
              <input type="checkbox" id={`manual-${m.slug}`} name="manualMunicipalities" value={m.slug} checked={manual.includes(m.slug)} />
              <label for={`manual-${m.slug}`}>{m.name}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('common.save')}</button>
      </PostForm>
    </Layout>
  );
}
