/** "Att göra" on the signed-in start page: the person's tasks by kind, each a link to where it is done. */
import type { ViewContext } from '../../platform/views/context.js';
import { countText, type CountedKey } from '../../platform/i18n/plural.js';
import { formatClock, swedishDate } from '../../platform/time-format.js';
import { taskCount, type AbsenceTask, type Task, type Tasks } from './tasks.service.js';


function Late({ ctx, task }: { ctx: ViewContext; task: Task }) {
  if (task.daysLate === 0) return null;
  return <strong> {countText(ctx, 'tasks.late', task.daysLate)}.</strong>;
}

function Item({ ctx, task, link, detail }: { ctx: ViewContext; task: Task; link: string; detail: string }) {
  return (
    <li>
      <a href={task.href}>{link}</a>
      <br />
      <span class="hint">
        {detail}
        <Late ctx={ctx} task={task} />
      </span>
    </li>
  );
}

/** One kind of task: a heading that counts them, then each task; nothing when there are none. */
function TaskGroup<T extends Task>(p: { ctx: ViewContext; id: string; counted: CountedKey; tasks: readonly T[]; link: (task: T) => string; detail: (task: T) => string }) {
  if (p.tasks.length === 0) return null;
  return (
    <section aria-labelledby={p.id}>
      <h3 id={p.id}>{countText(p.ctx, p.counted, p.tasks.length)}</h3>
      <ul>
        {p.tasks.map((task) => (
          <Item ctx={p.ctx} task={task} link={p.link(task)} detail={p.detail(task)} />
        ))}
      </ul>
    </section>
  );
}

/** A substitute to call and how their e-mailed call goes: "Axel Ersättare (e-post skickad 2026-03-02 10.02)". */
function callText(ctx: ViewContext, s: AbsenceTask['substitutes'][number]): string {
  const time = s.at ? `${swedishDate(s.at)} ${formatClock(s.at, ctx.locale)}` : '';
  return ctx.t(`tasks.absence.call.${s.state}`, { name: s.name, time });
}

export function TaskList({ ctx, tasks }: { ctx: ViewContext; tasks: Tasks }) {
  const { t } = ctx;
  const roleText = (roles: readonly ('chair' | 'adjuster')[]) => roles.map((r) => t(r === 'chair' ? 'tasks.role.chair' : 'tasks.role.adjuster')).join(` ${t('tasks.and')} `);
  const on = (task: Task) => ({ body: task.bodyName, date: task.meetingDate });
  const absenceDetail = (task: AbsenceTask) =>
    (task.substitutes.length > 0 ? t('tasks.absence.substitutes', { names: task.substitutes.map((s) => callText(ctx, s)).join(', ') }) : t('tasks.absence.noSubstitute')) +
    (task.note ? ` ${t('tasks.absence.note', { note: task.note })}` : '');
  return (
    <section aria-labelledby="att-gora" class="tasks">
      <h2 id="att-gora">{t('tasks.title')}</h2>
      {taskCount(tasks) === 0 && <p>{t('tasks.none')}</p>}
      <TaskGroup ctx={ctx} id="att-justera" counted="tasks.justering" tasks={tasks.justering} link={(task) => t('tasks.justering.link', on(task))} detail={(task) => t('tasks.justering.as', { roles: roleText(task.roles), deadline: task.deadline })} />
      <TaskGroup ctx={ctx} id="att-anslaa" counted="tasks.postings" tasks={tasks.postings} link={(task) => t('tasks.posting.link', { ...on(task), municipality: task.municipality })} detail={(task) => t('tasks.posting.deadline', { justeredOn: task.justeredOn, deadline: task.deadline })} />
      <TaskGroup ctx={ctx} id="att-besluta" counted="tasks.decisions" tasks={tasks.decisions} link={(task) => t('tasks.decision.link', { municipality: task.municipality, decision: task.decision[ctx.locale] })} detail={(task) => task.hasDeadline ? t('tasks.decision.deadline', { initiative: task.initiative, deadline: task.deadline }) : t('tasks.decision.noDeadline', { initiative: task.initiative })} />
      <TaskGroup ctx={ctx} id="forhinder" counted="tasks.absences" tasks={tasks.absences} link={(task) => t('tasks.absence.link', { member: task.member, ...on(task) })} detail={absenceDetail} />
      <TaskGroup ctx={ctx} id="att-besvara" counted="tasks.reviews" tasks={tasks.reviews} link={(task) => t('tasks.review.link', { ...on(task), number: task.paragraphNumber ?? '–', heading: task.paragraphHeading })} detail={(task) => t('tasks.protocol.deadline', { deadline: task.deadline })} />
      <TaskGroup ctx={ctx} id="att-protokollfora" counted="tasks.drafts" tasks={tasks.drafts} link={(task) => t('tasks.draft.link', on(task))} detail={(task) => t('tasks.protocol.deadline', { deadline: task.deadline })} />
      <TaskGroup ctx={ctx} id="att-lasa" counted="tasks.locks" tasks={tasks.locks} link={(task) => t('tasks.lock.link', on(task))} detail={(task) => t('tasks.protocol.deadline', { deadline: task.deadline })} />
      <TaskGroup ctx={ctx} id="att-kalla" counted="tasks.notices" tasks={tasks.notices} link={(task) => t('tasks.notice.link', on(task))} detail={(task) => t('tasks.notice.deadline', { deadline: task.deadline })} />
    </section>
  );
}
