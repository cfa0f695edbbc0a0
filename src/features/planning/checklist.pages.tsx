/** Yearly checklists: the list, answering one, and the year-on-year comparison. */
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { CheckboxField, ErrorSummary, PostForm, SelectField, TextField, emptyForm, type FormState, TextAreaField, FormActions, FoldedForm } from '../../platform/views/forms.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import type { ChecklistService } from './checklist.service.js';
import { answerFields } from './checklist-answers.js';
import { ANSWERS, type Answer } from './planning.schema.js';
import { scoped, stateOf, YearSwitch, type PageForm } from './planning.views.js';
import { DataTable } from '../../platform/views/data-table.js';

type ListView = Awaited<ReturnType<ChecklistService['list']>>;
type Loaded = Awaited<ReturnType<ChecklistService['load']>>;
type CompareView = Awaited<ReturnType<ChecklistService['compare']>>;

const ANSWER_SYMBOL: Record<Answer, string> = { yes: '✓', partly: '◐', no: '✗', not_applicable: '–' };

export function AnswerText({ ctx, answer }: { ctx: ViewContext; answer: Answer | undefined }) {
  if (!answer) return <span>{ctx.t('planning.answer.none')}</span>;
  return (
    <span>
      <span aria-hidden="true">{ANSWER_SYMBOL[answer]} </span>
      {ctx.t(`planning.answer.${answer}`)}
    </span>
  );
}

export function ChecklistListPage({ ctx, view, page }: { ctx: ViewContext; view: ListView; page?: PageForm }) {
  const { t } = ctx;
  const start = stateOf(page, 'start', { year: String(view.year), templateId: view.templates[0]?.id ?? '' });
  const template = stateOf(page, 'template');
  return (
    <Layout ctx={ctx} title={t('planning.checklists')} back={{ href: scoped('/planering', view), label: t('planning.backToOverview') }}>
      <DataTable caption={t('planning.checklists')} hideCaption columns={[t('planning.checklist'), t('planning.year'), t('planning.status'), t('planning.answered'), t('planning.deviations')]} scroll>
        {view.checklists.map((c) => (
          <tr>
            <th scope="row">
              <a href={`/planering/checklistor/${c.id}`}>{c.templateName}</a>
            </th>
            <td>{c.year}</td>
            <td>{t(`planning.checklistStatus.${c.status}`)}</td>
            <td>{t('planning.answeredOf', { answered: c.answered, total: c.statements })}</td>
            <td>{c.deviations}</td>
          </tr>
        ))}
      </DataTable>
      {view.checklists.length === 0 && <p>{t('common.none')}</p>}
      {view.canManage && (
        <>
          {view.templates.length > 0 && (
            <section aria-labelledby="start">
              <h2 id="start">{t('planning.startChecklist')}</h2>
              <ErrorSummary ctx={ctx} state={start} />
              <PostForm ctx={ctx} action={scoped('/planering/checklistor', view)}>
                <SelectField ctx={ctx} state={start} name="templateId" label={t('planning.template')} required options={view.templates.map((tp) => ({ value: tp.id, label: tp.name }))} />
                <TextField ctx={ctx} state={start} name="year" label={t('planning.year')} inputMode="numeric" required />
                <button type="submit">{t('planning.startChecklist')}</button>
              </PostForm>
            </section>
          )}
          <FoldedForm ctx={ctx} name={t('planning.addTemplate')} open={page?.form === 'template'} action={scoped('/planering/checklistmallar', view)} state={template}>
            <TextField ctx={ctx} state={template} name="name" label={t('planning.templateName')} required />
            <TextAreaField ctx={ctx} state={template} name="statements" label={t('planning.templateStatements')} hint={t('planning.templateStatementsHint')} rows={10} required />
          </FoldedForm>
        </>
      )}
      <YearSwitch ctx={ctx} s={view} path="/planering/checklistor" />
    </Layout>
  );
}

/** The form's values from the saved answers. */
export function answersToForm(loaded: Loaded): Record<string, string> {
  const values: Record<string, string> = { completed: loaded.checklist.status === 'completed' ? 'on' : '' };
  for (const a of loaded.answers) {
    const f = answerFields(a.statementKey);
    Object.assign(values, { [f.answer]: a.answer, [f.explanation]: a.explanation, [f.action]: a.action, [f.owner]: a.actionOwner, [f.due]: a.actionDueOn ?? '' });
  }
  return values;
}

export function ChecklistPage({ ctx, loaded, state }: { ctx: ViewContext; loaded: Loaded; state?: FormState }) {
  const { t } = ctx;
  const form = state ?? emptyForm(answersToForm(loaded));
  const { checklist, template } = loaded;
  const back = `/planering/checklistor?ar=${checklist.year}`;
  const answerOf = new Map(loaded.answers.map((a) => [a.statementKey, a]));
  return (
    <Layout ctx={ctx} title={`${template.name} ${checklist.year}`} back={{ href: back }}>
      <p>
        {t('planning.status')}: {t(`planning.checklistStatus.${checklist.status}`)} · <a href={`/planering/checklistor/${checklist.id}/jamforelse`}>{t('planning.compareYears')}</a>
      </p>
      <ErrorSummary ctx={ctx} state={form} />
      {loaded.canManage ? (
        <PostForm ctx={ctx} action={`/planering/checklistor/${checklist.id}`}>
          <p class="hint">{t('planning.answerHint')}</p>
          <ol class="checklist">
            {template.statements.map((s) => {
              const f = answerFields(s.key);
              return (
                <li id={`s-${s.key}`}>
                  <fieldset>
                    <legend>
                      {s.key}. {s.text}
                    </legend>
                    <SelectField ctx={ctx} state={form} name={f.answer} label={t('planning.answerLabel', { key: s.key })} empty={t('planning.answer.none')} options={ANSWERS.map((a) => ({ value: a, label: t(`planning.answer.${a}`) }))} />
                    <TextAreaField ctx={ctx} state={form} name={f.explanation} label={t('planning.explanation')} rows={2} />
                    <details open={['partly', 'no'].includes(form.values[f.answer] ?? '') || form.errors.some((e) => [f.action, f.owner, f.due].includes(e.field))}>
                      <summary>{t('planning.actionPlan')}</summary>
                      <p class="hint">{t('planning.actionRequired')}</p>
                      <TextAreaField ctx={ctx} state={form} name={f.action} label={t('planning.action')} rows={2} />
                      <TextField ctx={ctx} state={form} name={f.owner} label={t('planning.actionOwner')} />
                      <TextField ctx={ctx} state={form} name={f.due} label={t('planning.actionDue')} type="date" hint={t('planning.dateHint')} />
                    </details>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <CheckboxField ctx={ctx} state={form} name="completed" label={t('planning.markCompleted')} />
          <FormActions ctx={ctx} submit={t('planning.saveAnswers')} cancelHref={back} />
        </PostForm>
      ) : (
        <ol class="checklist">
          {template.statements.map((s) => {
            const a = answerOf.get(s.key);
            return (
              <li>
                <p>{s.text}</p>
                <p>
                  <AnswerText ctx={ctx} answer={a?.answer} />
                  {a?.explanation && <> · {a.explanation}</>}
                </p>
                {a?.action && (
                  <p>
                    {t('planning.actionSummary', { action: a.action, owner: a.actionOwner, date: a.actionDueOn ?? '' })}
                    <ExampleMark ctx={ctx} origin={a.origin} />
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Layout>
  );
}

export function ComparePage({ ctx, view }: { ctx: ViewContext; view: CompareView }) {
  const { t } = ctx;
  const last = view.years.at(-1);
  return (
    <Layout ctx={ctx} title={t('planning.compareTitle', { name: view.template.name })} back={{ href: last ? `/planering/checklistor/${last.id}` : '/planering/checklistor' }}>
      <DataTable
        caption={t('planning.compareTitle', { name: view.template.name })}
        hideCaption
        columns={[t('planning.statement'), ...view.years.map((y) => ({ label: <a href={`/planering/checklistor/${y.id}`}>{y.year}</a> }))]}
        scroll
      >
        {view.template.statements.map((s) => {
          const answers = view.years.map((y) => y.answers.get(s.key)?.answer);
          const changed = new Set(answers.filter(Boolean)).size > 1;
          return (
            <tr>
              <th scope="row">
                {s.key}. {s.text}
                {changed && (
                  <>
                    {' '}
                    <strong>({t('planning.changed')})</strong>
                  </>
                )}
              </th>
              {answers.map((a) => (
                <td>
                  <AnswerText ctx={ctx} answer={a} />
                </td>
              ))}
            </tr>
          );
        })}
      </DataTable>
    </Layout>
  );
}
