/** Internal control: the risk register with its matrix, the mandatory control points, control activities, and the plan. */
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, TextAreaField, FormActions, FoldedForm } from '../../platform/views/forms.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import type { ControlService, PresentedRisk } from './control.service.js';
import { RISK_DECISIONS } from './planning.schema.js';
import { HeatMap } from './heat-map-figure.js';
import { Lines } from '../../platform/views/text.js';
import { scoped, scoreLabel, stateOf, YearSwitch, type PageForm, type PlanningScope } from './planning.views.js';
import { DataTable } from '../../platform/views/data-table.js';
import type { ControlActivityRow, ControlPointRow } from './planning.tables.js';

type ControlView = Awaited<ReturnType<ControlService['view']>>;

const SCORE_OPTIONS = (ctx: ViewContext, kind: 'probability' | 'consequence') => [1, 2, 3, 4].map((n) => ({ value: String(n), label: scoreLabel(ctx, kind, n) }));

export const riskLabel = (ctx: ViewContext, r: PresentedRisk) => scoreLabel(ctx, 'probability', r.probability);

export function RiskTable({ ctx, view, manage }: { ctx: ViewContext; view: ControlView; manage: boolean }) {
  const { t } = ctx;
  return (
    <DataTable caption={t('planning.riskRegister', { year: view.year })} columns={[t('planning.risk.number'), t('planning.risk.title'), t('planning.risk.responsible'), t('planning.risk.method'), t('planning.risk.probability'), t('planning.risk.consequence'), { label: t('planning.risk.value'), numeric: true }, t('planning.risk.decision'), t('planning.risk.analysis'), manage && t('planning.actions')]} scroll>
      {view.risks.map((r, i) => (
        <tr>
          <td>R{i + 1}</td>
          <th scope="row">{r.title}</th>
          <td>{r.responsible}</td>
          <td>{r.method}</td>
          <td>{riskLabel(ctx, r)}</td>
          <td>{scoreLabel(ctx, 'consequence', r.consequence)}</td>
          <td class="num">{r.value}</td>
          <td>{t(`planning.decision.${r.decision}`)}</td>
          <td>{r.analysis}</td>
          {manage && (
            <td>
              <a href={`/planering/risker/${r.id}/andra`} aria-label={t('planning.editRiskNamed', { title: r.title })}>
                {t('common.edit')}
              </a>{' '}
              <a href={`/planering/risker/${r.id}/ta-bort`} aria-label={t('planning.removeRiskNamed', { title: r.title })}>
                {t('common.delete')}
              </a>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

function riskName(view: { risks: PresentedRisk[] }, id: string | null): string {
  const i = view.risks.findIndex((r) => r.id === id);
  return i < 0 ? '' : `R${i + 1} ${view.risks[i]?.title ?? ''}`;
}

export function ControlPointList({ ctx, view, manage }: { ctx: ViewContext; view: { risks: PresentedRisk[]; points: ControlPointRow[] }; manage: boolean }) {
  const { t } = ctx;
  if (view.points.length === 0) return <p>{t('common.none')}</p>;
  return (
    <ol>
      {view.points.map((p) => (
        <li>
          <strong>{p.title}</strong>
          {p.issuedBy && <> ({t('planning.issuedBy', { by: p.issuedBy })})</>}
          <Lines text={p.description} />
          <p>
            {t('planning.assessment')}: {p.assessment || t('planning.notAssessed')}
            {p.riskId && <> · {t('planning.scoredAs', { risk: riskName(view, p.riskId) })}</>}
          </p>
          {manage && <a href={`/planering/kontrollmoment/${p.id}`}>{t('planning.assess')}</a>}
        </li>
      ))}
    </ol>
  );
}

export function ActivityTable({ ctx, view, manage }: { ctx: ViewContext; view: { risks: PresentedRisk[]; points: ControlPointRow[]; activities: ControlActivityRow[] }; manage: boolean }) {
  const { t } = ctx;
  if (view.activities.length === 0) return <p>{t('common.none')}</p>;
  return (
    <DataTable caption={t('planning.activities')} hideCaption columns={[t('planning.activity.title'), t('planning.activity.concerns'), t('planning.activity.owner'), t('planning.activity.due'), t('planning.status'), t('planning.activity.result')]} scroll>
      {view.activities.map((a) => (
        <tr>
          <th scope="row">
            {a.title}
            <ExampleMark ctx={ctx} origin={a.origin} />
          </th>
          <td>{[riskName(view, a.riskId), view.points.find((p) => p.id === a.controlPointId)?.title ?? ''].filter(Boolean).join('; ')}</td>
          <td>{a.owner}</td>
          <td>{a.dueOn ?? '–'}</td>
          <td>{a.status === 'done' ? t('planning.activity.doneOn', { date: a.completedOn ?? '' }) : t('planning.activity.planned')}</td>
          <td>
            {a.result}
            {manage && a.status !== 'done' && <a href={`/planering/kontrollaktiviteter/${a.id}`}>{t('planning.activity.recordResult')}</a>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ControlPage({ ctx, view, page }: { ctx: ViewContext; view: ControlView; page?: PageForm }) {
  const { t } = ctx;
  const point = stateOf(page, 'point', { issuedBy: t('planning.hostBoard') });
  const activity = stateOf(page, 'activity');
  return (
    <Layout ctx={ctx} title={t('planning.controlTitle', { year: view.year })} back={{ href: scoped('/planering', view), label: t('planning.backToOverview') }}>
      <YearSwitch ctx={ctx} s={view} path="/planering/internkontroll" />
      <p class="actions">
        {view.canManage && (
          <a class="button" href={scoped('/planering/risker/ny', view)}>
            {t('planning.addRisk')}
          </a>
        )}
        <a class="button secondary" href={scoped('/planering/internkontroll/plan', view)}>
          {t('planning.controlPlan')}
        </a>
      </p>
      <h2>{t('planning.risks')}</h2>
      {view.risks.length === 0 ? <p>{t('planning.noRisks')}</p> : <RiskTable ctx={ctx} view={view} manage={view.canManage} />}
      <HeatMap ctx={ctx} id="heat" risks={view.risks.map((r, i) => ({ number: i + 1, probability: r.probability, consequence: r.consequence }))} />
      <h2>{t('planning.controlPoints')}</h2>
      <p class="hint">{t('planning.controlPointsIntro')}</p>
      <ControlPointList ctx={ctx} view={view} manage={view.canManage} />
      {view.canManage && (
        <FoldedForm ctx={ctx} name={t('planning.addControlPoint')} open={page?.form === 'point'} action={scoped('/planering/kontrollmoment', view)} state={point}>
          <TextAreaField ctx={ctx} state={point} name="title" label={t('planning.controlPoint.title')} rows={2} required />
          <TextAreaField ctx={ctx} state={point} name="description" label={t('planning.controlPoint.description')} rows={3} />
          <TextField ctx={ctx} state={point} name="issuedBy" label={t('planning.controlPoint.issuedBy')} />
        </FoldedForm>
      )}
      <h2>{t('planning.activities')}</h2>
      <ActivityTable ctx={ctx} view={view} manage={view.canManage} />
      {view.canManage && (
        <FoldedForm ctx={ctx} name={t('planning.addActivity')} open={page?.form === 'activity'} action={scoped('/planering/kontrollaktiviteter', view)} state={activity}>
          <TextAreaField ctx={ctx} state={activity} name="title" label={t('planning.activity.title')} rows={2} required />
          <TextField ctx={ctx} state={activity} name="owner" label={t('planning.activity.owner')} required />
          <TextField ctx={ctx} state={activity} name="dueOn" label={t('planning.activity.due')} type="date" hint={t('planning.dateHint')} />
          <SelectField ctx={ctx} state={activity} name="riskId" label={t('planning.activity.risk')} empty={t('planning.none')} options={view.risks.map((r, i) => ({ value: r.id, label: `R${i + 1} ${r.title}` }))} />
          <SelectField ctx={ctx} state={activity} name="controlPointId" label={t('planning.activity.controlPoint')} empty={t('planning.none')} options={view.points.map((p) => ({ value: p.id, label: p.title }))} />
        </FoldedForm>
      )}
    </Layout>
  );
}

export function RiskFormPage(props: { ctx: ViewContext; s: PlanningScope; title: string; action: string; state: FormState }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const back = scoped('/planering/internkontroll', props.s);
  const labels = {
    title: t('planning.risk.title'), responsible: t('planning.risk.responsible'), method: t('planning.risk.method'), probability: t('planning.risk.probability'),
    consequence: t('planning.risk.consequence'), decision: t('planning.risk.decision'), analysis: t('planning.risk.analysis'),
  };
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: back }}>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={props.action}>
        <TextAreaField ctx={ctx} state={state} name="title" label={labels.title} rows={2} required />
        <TextField ctx={ctx} state={state} name="responsible" label={labels.responsible} />
        <TextField ctx={ctx} state={state} name="method" label={labels.method} />
        <SelectField ctx={ctx} state={state} name="probability" label={labels.probability} required empty="" options={SCORE_OPTIONS(ctx, 'probability')} />
        <SelectField ctx={ctx} state={state} name="consequence" label={labels.consequence} required empty="" options={SCORE_OPTIONS(ctx, 'consequence')} />
        <p class="hint">{t('planning.riskValueHint')}</p>
        <SelectField ctx={ctx} state={state} name="decision" label={labels.decision} required empty="" options={RISK_DECISIONS.map((d) => ({ value: d, label: t(`planning.decision.${d}`) }))} />
        <TextAreaField ctx={ctx} state={state} name="analysis" label={labels.analysis} rows={4} />
        <FormActions ctx={ctx} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

export function AssessPage(props: { ctx: ViewContext; view: ControlView; point: ControlPointRow; state: FormState }) {
  const { ctx, view, point, state } = props;
  const { t } = ctx;
  const back = scoped('/planering/internkontroll', view);
  return (
    <Layout ctx={ctx} title={t('planning.assessTitle')} back={{ href: back }}>
      <p>
        <strong>{point.title}</strong>
      </p>
      <Lines text={point.description} />
      <ErrorSummary ctx={ctx} state={state} />
      <PostForm ctx={ctx} action={`/planering/kontrollmoment/${point.id}`}>
        <TextAreaField ctx={ctx} state={state} name="assessment" label={t('planning.assessment')} hint={t('planning.assessmentHint')} rows={4} />
        <SelectField ctx={ctx} state={state} name="riskId" label={t('planning.scoredAsField')} empty={t('planning.none')} options={view.risks.map((r, i) => ({ value: r.id, label: `R${i + 1} ${r.title} (${r.value})` }))} />
        <FormActions ctx={ctx} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

export function ActivityResultPage(props: { ctx: ViewContext; s: PlanningScope; activity: ControlActivityRow; state: FormState }) {
  const { ctx, activity, state } = props;
  const { t } = ctx;
  const back = scoped('/planering/internkontroll', props.s);
  return (
    <Layout ctx={ctx} title={t('planning.activity.recordResult')} back={{ href: back }}>
      <p>
        <strong>{activity.title}</strong> · {activity.owner}
        <ExampleMark ctx={ctx} origin={activity.origin} />
      </p>
      <ErrorSummary ctx={ctx} state={state} />
      <PostForm ctx={ctx} action={`/planering/kontrollaktiviteter/${activity.id}`}>
        <TextAreaField ctx={ctx} state={state} name="result" label={t('planning.activity.result')} rows={4} required />
        <TextField ctx={ctx} state={state} name="completedOn" label={t('planning.activity.completedOn')} type="date" hint={t('planning.dateHint')} required />
        <FormActions ctx={ctx} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

/** The internal control plan as a document for a meeting. */
export function ControlPlanPage({ ctx, view }: { ctx: ViewContext; view: ControlView }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('planning.controlPlanTitle', { year: view.year })} back={{ href: scoped('/planering/internkontroll', view) }}>
      <p>{view.committee.name}</p>
      <p class="actions">
        <a class="button secondary" href={scoped('/planering/internkontroll/plan.pdf', view)}>
          {t('planning.pdf')}
        </a>
      </p>
      <h2>{t('planning.risks')}</h2>
      {view.risks.length === 0 ? <p>{t('planning.noRisks')}</p> : <RiskTable ctx={ctx} view={view} manage={false} />}
      <HeatMap ctx={ctx} id="plan-heat" risks={view.risks.map((r, i) => ({ number: i + 1, probability: r.probability, consequence: r.consequence }))} />
      <h2>{t('planning.controlPoints')}</h2>
      <ControlPointList ctx={ctx} view={view} manage={false} />
      <h2>{t('planning.activities')}</h2>
      <ActivityTable ctx={ctx} view={view} manage={false} />
    </Layout>
  );
}
