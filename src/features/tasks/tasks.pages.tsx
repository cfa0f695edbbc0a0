/** "Att göra" on the signed-in start page: the person's tasks by kind, each a link to where it is done. */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import { countText } from '../../platform/i18n/plural.js';
import { formatClock, swedishDate } from '../../platform/time-format.js';
import { taskCount, type AbsenceTask, type Task, type Tasks } from './tasks.service.js';


function Late({ ctx, task }: { ctx: ViewContext; task: Task }) {
  if (task.daysLate === 0) return null;
  return <strong> {countText(ctx, 'tasks.late', task.daysLate)}.</strong>;
}

function Group({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <ul>{children}</ul>
    </section>
  );
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

/** A substitute to call and how their e-mailed call goes: "Axel Ersättare (e-post skickad 2026-03-02 10.02)". */
function callText(ctx: ViewContext, s: AbsenceTask['substitutes'][number]): string {
  const time = s.at ? `${swedishDate(s.at)} ${formatClock(s.at, ctx.locale)}` : '';
  return ctx.t(`tasks.absence.call.${s.state}`, { name: s.name, time });
}

export function TaskList({ ctx, tasks }: { ctx: ViewContext; tasks: Tasks }) {
  const { t } = ctx;
  const roleText = (roles: readonly ('chair' | 'adjuster')[]) => roles.map((r) => t(r === 'chair' ? 'tasks.role.chair' : 'tasks.role.adjuster')).join(` ${t('tasks.and')} `);
  const on = (task: Task) => ({ body: task.bodyName, date: task.meetingDate });
  return (
    <section aria-labelledby="att-gora" class="tasks">
      <h2 id="att-gora">{t('tasks.title')}</h2>
      {taskCount(tasks) === 0 && <p>{t('tasks.none')}</p>}
      {tasks.justering.length > 0 && (
        <Group id="att-justera" heading={countText(ctx, 'tasks.justering', tasks.justering.length)}>
          {tasks.justering.map((task) => (
            <Item ctx={ctx} task={task} link={t('tasks.justering.link', on(task))} detail={t('tasks.justering.as', { roles: roleText(task.roles), deadline: task.deadline })} />
          ))}
        </Group>
      )}
      {tasks.postings.length > 0 && (
        <Group id="att-anslaa" heading={countText(ctx, 'tasks.postings', tasks.postings.length)}>
          {tasks.postings.map((task) => (
            <Item ctx={ctx} task={task} link={t('tasks.posting.link', { ...on(task), municipality: task.municipality })} detail={t('tasks.posting.deadline', { justeredOn: task.justeredOn, deadline: task.deadline })} />
          ))}
        </Group>
      )}
      {tasks.decisions.length > 0 && (
        <Group id="att-besluta" heading={countText(ctx, 'tasks.decisions', tasks.decisions.length)}>
          {tasks.decisions.map((task) => (
            <Item
              ctx={ctx}
              task={task}
              link={t('tasks.decision.link', { municipality: task.municipality, decision: task.decision[ctx.locale] })}
              detail={task.hasDeadline ? t('tasks.decision.deadline', { initiative: task.initiative, deadline: task.deadline }) : t('tasks.decision.noDeadline', { initiative: task.initiative })}
            />
          ))}
        </Group>
      )}
      {tasks.absences.length > 0 && (
        <Group id="forhinder" heading={countText(ctx, 'tasks.absences', tasks.absences.length)}>
          {tasks.absences.map((task) => (
            <Item
              ctx={ctx}
              task={task}
              link={t('tasks.absence.link', { member: task.member, ...on(task) })}
              detail={
                (task.substitutes.length > 0 ? t('tasks.absence.substitutes', { names: task.substitutes.map((s) => callText(ctx, s)).join(', ') }) : t('tasks.absence.noSubstitute')) +
                (task.note ? ` ${t('tasks.absence.note', { note: task.note })}` : '')
              }
            />
          ))}
        </Group>
      )}
      {tasks.reviews.length > 0 && (
        <Group id="att-besvara" heading={countText(ctx, 'tasks.reviews', tasks.reviews.length)}>
          {tasks.reviews.map((task) => (
            <Item ctx={ctx} task={task} link={t('tasks.review.link', { ...on(task), number: task.paragraphNumber ?? '–', heading: task.paragraphHeading })} detail={t('tasks.protocol.deadline', { deadline: task.deadline })} />
          ))}
        </Group>
      )}
      {tasks.drafts.length > 0 && (
        <Group id="att-protokollfora" heading={countText(ctx, 'tasks.drafts', tasks.drafts.length)}>
          {tasks.drafts.map((task) => (
            <Item ctx={ctx} task={task} link={t('tasks.draft.link', on(task))} detail={t('tasks.protocol.deadline', { deadline: task.deadline })} />
          ))}
        </Group>
      )}
      {tasks.locks.length > 0 && (
        <Group id="att-lasa" heading={countText(ctx, 'tasks.locks', tasks.locks.length)}>
          {tasks.locks.map((task) => (
            <Item ctx={ctx} task={task} link={t('tasks.lock.link', on(task))} detail={t('tasks.protocol.deadline', { deadline: task.deadline })} />
          ))}
        </Group>
      )}
      {tasks.notices.length > 0 && (
        <Group id="att-kalla" heading={countText(ctx, 'tasks.notices', tasks.notices.length)}>
          {tasks.notices.map((task) => (
            <Item ctx={ctx} task={task} link={t('tasks.notice.link', on(task))} detail={t('tasks.notice.deadline', { deadline: task.deadline })} />
          ))}
        </Group>
      )}
    </section>
  );
}
