/** The portfolio (verksamhetsplan 2023, 4) and the status list for a meeting (seed § 21). */
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, TextAreaField, FormActions } from '../../platform/views/forms.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import type { PortfolioService } from './portfolio.service.js';
import { PORTFOLIO_KINDS, PORTFOLIO_STATUSES } from './planning.schema.js';
import { scoped, stateOf, type PageForm } from './planning.views.js';
import type { PortfolioItemRow } from './planning.tables.js';

type PortfolioView = Awaited<ReturnType<PortfolioService['view']>>;

const STATUS_SYMBOL: Record<PortfolioItemRow['status'], string> = { on_track: '✓', at_risk: '!', delayed: '⏱', paused: '⏸', done: '■' };

export function PortfolioStatus({ ctx, status }: { ctx: ViewContext; status: PortfolioItemRow['status'] }) {
  return (
    <span>
      <span aria-hidden="true">{STATUS_SYMBOL[status]} </span>
      {ctx.t(`planning.portfolioStatus.${status}`)}
    </span>
  );
}

export function PortfolioPage({ ctx, view, page }: { ctx: ViewContext; view: PortfolioView; page?: PageForm }) {
  const { t } = ctx;
  const names = new Map(view.municipalities.map((m) => [m.id, m.name]));
  const initiative = new Map(view.initiatives.map((i) => [i.id, i.name]));
  const state = stateOf(page, 'statuslist', { meetingId: view.planned[0]?.id ?? '' });
  const columns: Column<PortfolioItemRow>[] = [
    { key: 'name', label: t('planning.portfolio.name'), text: (r) => r.name, rowHeader: true },
    { key: 'phase', label: t('planning.portfolio.phase'), text: (r) => r.phase },
    { key: 'status', label: t('planning.status'), text: (r) => t(`planning.portfolioStatus.${r.status}`), render: (r) => <PortfolioStatus ctx={ctx} status={r.status} /> },
    { key: 'time', label: t('planning.portfolio.timePlan'), text: (r) => r.timePlan },
    { key: 'comment', label: t('planning.portfolio.comment'), text: (r) => r.comment },
    {
      key: 'participants',
      label: t('planning.portfolio.participants'),
      text: (r) => [r.initiativeId ? initiative.get(r.initiativeId) ?? '' : '', r.participants.length === view.municipalities.length && r.participants.length > 0 ? t('planning.allMunicipalities') : r.participants.map((id) => names.get(id) ?? '').join(', ')].filter(Boolean).join(' · '),
    },
    ...(view.canManage
      ? [{ key: 'edit', label: t('planning.actions'), text: () => '', render: (r: PortfolioItemRow) => <a href={`/planering/portfolj/${r.id}/andra`} aria-label={t('planning.editNamed', { name: r.name })}>{t('common.edit')}</a> }]
      : []),
  ];
  return (
    <Layout ctx={ctx} title={t('planning.portfolio')} back={{ href: scoped('/planering', view), label: t('planning.backToOverview') }}>
      {view.canManage && (
        <p class="actions">
          <a class="button" href={scoped('/planering/portfolj/ny', view)}>
            {t('planning.addPortfolioItem')}
          </a>
        </p>
      )}
      {PORTFOLIO_KINDS.map((kind) => (
        <section aria-labelledby={`k-${kind}`}>
          <h2 id={`k-${kind}`}>{t(`planning.portfolioKind.${kind}`)}</h2>
          <ListTable ctx={ctx} caption={t(`planning.portfolioKind.${kind}`)} columns={columns} rows={view.items.filter((i) => i.kind === kind)} defaultSort="name" searchId={`p-${kind}`} hideCaption />
        </section>
      ))}
      {view.canManage && (
        <section aria-labelledby="statuslist">
          <h2 id="statuslist">{t('planning.statusList')}</h2>
          <p>{t('planning.statusListIntro')}</p>
          {view.planned.length === 0 ? (
            <p>{t('planning.noPlannedMeetings')}</p>
          ) : (
            <PostForm ctx={ctx} action={scoped('/planering/portfolj/statuslista', view)}>
              <ErrorSummary ctx={ctx} state={state} />
              <SelectField ctx={ctx} state={state} name="meetingId" label={t('planning.meeting')} required options={view.planned.map((m) => ({ value: m.id, label: `${m.date} ${m.time}` }))} />
              <button type="submit">{t('planning.addStatusList')}</button>
            </PostForm>
          )}
        </section>
      )}
    </Layout>
  );
}

export function PortfolioFormPage(props: { ctx: ViewContext; view: PortfolioView; title: string; action: string; state: FormState; participants: string[]; removeHref?: string }) {
  const { ctx, view, state } = props;
  const { t } = ctx;
  const back = scoped('/planering/portfolj', view);
  const labels = { kind: t('planning.portfolio.kind'), name: t('planning.portfolio.name'), phase: t('planning.portfolio.phase'), status: t('planning.status'), timePlan: t('planning.portfolio.timePlan'), comment: t('planning.portfolio.comment'), initiativeId: t('planning.portfolio.initiative'), participants: t('planning.portfolio.participants') };
  const participantsError = state.errors.find((e) => e.field === 'participants');
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: back }}>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={props.action}>
        <SelectField ctx={ctx} state={state} name="kind" label={labels.kind} required options={PORTFOLIO_KINDS.map((k) => ({ value: k, label: t(`planning.portfolioKind.${k}`) }))} />
        <TextField ctx={ctx} state={state} name="name" label={labels.name} required />
        <TextField ctx={ctx} state={state} name="phase" label={labels.phase} hint={t('planning.portfolio.phaseHint')} />
        <SelectField ctx={ctx} state={state} name="status" label={labels.status} required options={PORTFOLIO_STATUSES.map((s) => ({ value: s, label: t(`planning.portfolioStatus.${s}`) }))} />
        <TextField ctx={ctx} state={state} name="timePlan" label={labels.timePlan} hint={t('planning.portfolio.timePlanHint')} />
        <TextAreaField ctx={ctx} state={state} name="comment" label={labels.comment} rows={3} />
        {view.initiatives.length > 0 && <SelectField ctx={ctx} state={state} name="initiativeId" label={labels.initiativeId} empty={t('planning.none')} options={view.initiatives.map((i) => ({ value: i.id, label: i.name }))} />}
        <fieldset id="f-participants">
          <legend>{labels.participants}</legend>
          {participantsError && <p class="field-error">{participantsError.message[ctx.locale]}</p>}
          {view.municipalities.map((m) => (
            <div class="field field--checkbox">
              <input type="checkbox" id={`f-participant-${m.id}`} name="participants" value={m.id} checked={props.participants.includes(m.id)} />
              <label for={`f-participant-${m.id}`}>{m.name}</label>
            </div>
          ))}
        </fieldset>
        <FormActions ctx={ctx} cancelHref={back}>
          {props.removeHref && <a href={props.removeHref}>{t('common.delete')}</a>}
        </FormActions>
      </PostForm>
    </Layout>
  );
}
