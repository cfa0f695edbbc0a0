/** The business plan as a document (HTML) and its edit forms. */
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, TextAreaField, FormActions, FoldedForm } from '../../platform/views/forms.js';
import type { PlanService, ParagraphLink, LoadedPlan } from './plan.service.js';
import { MEASURES, PLAN_STATUSES, SECTION_KEYS } from './planning.schema.js';
import { Lines } from '../../platform/views/text.js';
import { scoped, stateOf, YearSwitch, formatNumber, type PageForm } from './planning.views.js';
import { CreatePlanForm } from './plan-create.pages.js';
import { DataTable } from '../../platform/views/data-table.js';
import type { IndicatorRow } from './planning.tables.js';

type PlanView = Awaited<ReturnType<PlanService['get']>>;

export const paragraphLabel = (p: ParagraphLink) => `§ ${p.number ?? ''}, ${p.date}: ${p.heading}`;

/** "Antagen § 12, 2023-03-03" / "Bordlagd § 22, 2022-12-14" / "Utkast". */
export function planStatusText(ctx: ViewContext, loaded: LoadedPlan): string {
  const status = ctx.t(`planning.planStatus.${loaded.plan.status}`);
  return loaded.paragraph ? `${status} ${paragraphLabel(loaded.paragraph)}` : status;
}

/** How an indicator's target reads: its own words, else the numbers. */
export function targetText(ctx: ViewContext, i: IndicatorRow): string {
  if (i.targetText) return i.targetText;
  const parts = [
    i.target !== null ? ctx.t('planning.indicator.targetIs', { value: formatNumber(ctx, Number(i.target), i.unit) }) : '',
    i.minimum !== null ? ctx.t('planning.indicator.minimumIs', { value: formatNumber(ctx, Number(i.minimum), i.unit) }) : '',
    i.maximum !== null ? ctx.t('planning.indicator.maximumIs', { value: formatNumber(ctx, Number(i.maximum), i.unit) }) : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function Goals({ ctx, view, page }: { ctx: ViewContext; view: PlanView; page: PageForm | undefined }) {
  const { t } = ctx;
  const loaded = view.loaded;
  if (!loaded) return null;
  return (
    <section aria-labelledby="goals">
      <h2 id="goals">{t('planning.section.goals')}</h2>
      {loaded.goals.length === 0 && <p>{t('planning.noGoals')}</p>}
      <ol class="goal-list">
        {loaded.goals.map(({ goal, indicators }) => (
          <li>
            <p>
              <strong>{goal.title}</strong>
            </p>
            <Lines text={goal.description} />
            {indicators.length > 0 && (
              <DataTable caption={t('planning.indicatorsOf', { goal: goal.title })} hideCaption columns={[t('planning.indicator.name'), t('planning.indicator.measure'), t('planning.indicator.target'), view.canManage && t('planning.actions')]} scroll>
                {indicators.map((i) => (
                  <tr>
                    <th scope="row">{i.name}</th>
                    <td>{t(`planning.measure.${i.measure}`)}</td>
                    <td>{targetText(ctx, i)}</td>
                    {view.canManage && (
                      <td>
                        <a href={`/planering/indikator/${i.id}/ta-bort`}>{t('planning.removeIndicator')}</a>
                      </td>
                    )}
                  </tr>
                ))}
              </DataTable>
            )}
            {view.canManage && (
              <details open={page?.form === `indicator-${goal.id}`}>
                <summary>{t('planning.addIndicator')}</summary>
                <IndicatorForm ctx={ctx} goalId={goal.id} state={stateOf(page, `indicator-${goal.id}`, { measure: 'manual' })} />
                <p>
                  <a href={`/planering/mal/${goal.id}/ta-bort`}>{t('planning.removeGoal')}</a>
                </p>
              </details>
            )}
          </li>
        ))}
      </ol>
      {view.canManage && (
        <FoldedForm ctx={ctx} name={t('planning.addGoal')} open={page?.form === 'goal'} action={`/planering/verksamhetsplan/${loaded.plan.id}/mal`} state={stateOf(page, 'goal')}>
          <TextAreaField ctx={ctx} state={stateOf(page, 'goal')} name="title" label={t('planning.goal.title')} rows={2} required />
          <TextAreaField ctx={ctx} state={stateOf(page, 'goal')} name="description" label={t('planning.goal.description')} rows={2} />
        </FoldedForm>
      )}
    </section>
  );
}

function IndicatorForm({ ctx, goalId, state }: { ctx: ViewContext; goalId: string; state: FormState }) {
  const { t } = ctx;
  const id = (name: string) => name;
  return (
    <PostForm ctx={ctx} action={`/planering/mal/${goalId}/indikator`}>
      <ErrorSummary ctx={ctx} state={state} />
      <TextField ctx={ctx} state={state} name={id('name')} label={t('planning.indicator.name')} required />
      <SelectField ctx={ctx} state={state} name="measure" label={t('planning.indicator.measure')} required options={MEASURES.map((m) => ({ value: m, label: t(`planning.measure.${m}`) }))} />
      <TextField ctx={ctx} state={state} name="targetText" label={t('planning.indicator.targetText')} hint={t('planning.indicator.targetTextHint')} />
      <TextField ctx={ctx} state={state} name="target" label={t('planning.indicator.targetNumber')} inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="minimum" label={t('planning.indicator.minimum')} inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="maximum" label={t('planning.indicator.maximum')} inputMode="numeric" />
      <TextField ctx={ctx} state={state} name="unit" label={t('planning.indicator.unit')} hint={t('planning.indicator.unitHint')} />
      <button type="submit">{t('planning.addIndicator')}</button>
    </PostForm>
  );
}

function Editions({ ctx, view, page }: { ctx: ViewContext; view: PlanView; page: PageForm | undefined }) {
  const { t } = ctx;
  const loaded = view.loaded;
  if (!loaded) return null;
  const state = stateOf(page, 'edition');
  return (
    <section aria-labelledby="editions">
      <h2 id="editions">{t('planning.editions')}</h2>
      <DataTable caption={t('planning.editions')} hideCaption columns={[t('planning.edition'), t('planning.editionDate'), t('planning.editionComment')]} scroll>
        {loaded.editions.map((e) => (
          <tr>
            <th scope="row">{e.edition}</th>
            <td>{e.editedOn}</td>
            <td>{e.comment}</td>
          </tr>
        ))}
      </DataTable>
      {loaded.editions.length === 0 && <p>{t('common.none')}</p>}
      {view.canManage && (
        <FoldedForm ctx={ctx} name={t('planning.addEdition')} open={page?.form === 'edition'} action={`/planering/verksamhetsplan/${loaded.plan.id}/utgava`} state={state}>
          <TextField ctx={ctx} state={state} name="edition" label={t('planning.edition')} required />
          <TextField ctx={ctx} state={state} name="editedOn" label={t('planning.editionDate')} type="date" hint={t('planning.dateHint')} required />
          <TextAreaField ctx={ctx} state={state} name="comment" label={t('planning.editionComment')} rows={2} />
        </FoldedForm>
      )}
    </section>
  );
}

export function PlanPage({ ctx, view, page }: { ctx: ViewContext; view: PlanView; page?: PageForm }) {
  const { t } = ctx;
  const loaded = view.loaded;
  const title = loaded?.plan.title ?? t('planning.planTitle', { year: view.year });
  return (
    <Layout ctx={ctx} title={title} back={{ href: scoped('/planering', view), label: t('planning.backToOverview') }}>
      <YearSwitch ctx={ctx} s={view} path="/planering/verksamhetsplan" />
      {!loaded ? (
        <>
          <p>{t('planning.noPlan', { year: view.year })}</p>
          {view.canManage && (
            <CreatePlanForm ctx={ctx} options={view} />
          )}
        </>
      ) : (
        <>
          <dl class="facts">
            <dt>{t('planning.committee')}</dt>
            <dd>{view.committee.name}</dd>
            <dt>{t('planning.planStatus')}</dt>
            <dd>
              {loaded.paragraph ? (
                <a href={`/moten/${loaded.paragraph.meetingId}/protokoll#paragraf-${loaded.paragraph.id}`}>{planStatusText(ctx, loaded)}</a>
              ) : (
                planStatusText(ctx, loaded)
              )}
            </dd>
          </dl>
          <p class="actions">
            <a class="button secondary" href={scoped('/planering/verksamhetsplan.pdf', view)}>
              {t('planning.pdf')}
            </a>
            {view.canManage && (
              <a class="button secondary" href={`/planering/verksamhetsplan/${loaded.plan.id}/andra`}>
                {t('planning.editPlan')}
              </a>
            )}
            {view.canManage && loaded.plan.status === 'draft' && (
              <a class="button secondary" href={scoped('/planering/verksamhetsplan/ny', view)}>
                {t('planning.recreatePlan')}
              </a>
            )}
            <a class="button secondary" href={scoped('/planering/uppfoljning', view)}>
              {t('planning.followup')}
            </a>
          </p>
          <Editions ctx={ctx} view={view} page={page} />
          {SECTION_KEYS.slice(0, 3).map((k) => (
            <section aria-labelledby={`s-${k}`}>
              <h2 id={`s-${k}`}>{t(`planning.section.${k}`)}</h2>
              {loaded.plan.sections[k]?.trim() ? <Lines text={loaded.plan.sections[k] ?? ''} /> : <p>{t('planning.sectionEmpty')}</p>}
            </section>
          ))}
          <Goals ctx={ctx} view={view} page={page} />
          {SECTION_KEYS.slice(3).map((k) => (
            <section aria-labelledby={`s-${k}`}>
              <h2 id={`s-${k}`}>{t(`planning.section.${k}`)}</h2>
              {loaded.plan.sections[k]?.trim() ? <Lines text={loaded.plan.sections[k] ?? ''} /> : <p>{t('planning.sectionEmpty')}</p>}
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}

export function PlanEditPage({ ctx, view, planId, state }: { ctx: ViewContext; view: PlanView; planId: string; state: FormState }) {
  const { t } = ctx;
  const back = scoped('/planering/verksamhetsplan', view);
  const labels: Record<string, string> = { title: t('planning.planTitleField'), status: t('planning.planStatus'), paragraphId: t('planning.paragraph') };
  for (const k of SECTION_KEYS) labels[k] = t(`planning.section.${k}`);
  return (
    <Layout ctx={ctx} title={t('planning.editPlanTitle', { year: view.year })} back={{ href: back }}>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={`/planering/verksamhetsplan/${planId}/andra`}>
        <TextField ctx={ctx} state={state} name="title" label={labels.title ?? ''} required />
        <SelectField ctx={ctx} state={state} name="status" label={labels.status ?? ''} required options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`planning.planStatus.${s}`) }))} />
        <SelectField ctx={ctx} state={state} name="paragraphId" label={labels.paragraphId ?? ''} empty={t('planning.noParagraph')} options={view.paragraphs.map((p) => ({ value: p.id, label: paragraphLabel(p) }))} />
        {SECTION_KEYS.map((k) => (
          <TextAreaField ctx={ctx} state={state} name={k} label={labels[k] ?? k} rows={k === 'purpose' || k === 'organisation' ? 10 : 6} />
        ))}
        <FormActions ctx={ctx} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}
