import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/layout.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { CheckboxField, ErrorSummary, PostForm, type FormState, TextAreaField } from '../../../platform/views/forms.js';

import type { NoticeRecipient, NoticeService } from './notice.service.js';
import { agendaPath } from './agenda.pages.js';
import { formatDateTime } from '../../../platform/time-format.js';
import { countText } from '../../../platform/i18n/plural.js';
import { mailGroupOf, mailGroupStates } from './mail-groups.js';

type Overview = Awaited<ReturnType<NoticeService['overview']>>;


const dateTime = (d: Date) => formatDateTime(d, 'sv');

function roles(ctx: ViewContext, r: NoticeRecipient): string {
  const text = r.roles.map((role) => ctx.t(`notice.role.${role}`)).join(', ');
  return r.chair ? `${text} (${ctx.t('notice.chair')})` : text;
}

function RecipientTable({ ctx, recipients }: { ctx: ViewContext; recipients: NoticeRecipient[] }) {
  const { t } = ctx;
  return (
    <DataTable caption={t('notice.recipients')} hideCaption columns={[t('notice.name'), t('notice.mandate'), t('notice.municipality'), t('notice.email')]} scroll>
      {recipients.map((r) => (
        <tr>
          <th scope="row">{r.name}</th>
          <td>{roles(ctx, r)}</td>
          <td>{r.municipality}</td>
          <td>{r.email}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function MailLog({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  if (overview.log.length === 0) return <p>{t('notice.logEmpty')}</p>;
  return (
    <>
      {overview.log.some((m) => m.status === 'outbox') && <p class="notice">{t('notice.logOutbox', { dir: overview.outboxDir })}</p>}
      <DataTable
        caption={t('notice.log')}
        hideCaption
        columns={[t('notice.logTime'), t('notice.logRecipient'), t('notice.logKind'), t('notice.logSubject'), t('notice.logStatus'), t('notice.logError')]}
        scroll
      >
        {overview.log.map((m) => (
          <tr>
            <td>{dateTime(m.at)}</td>
            <th scope="row">{m.recipient}</th>
            <td>{t(`notice.group.${mailGroupOf(m.kind) ?? 'notice'}`)}</td>
            <td>{m.subject}</td>
            <td>
              <span class="badge">{t(`notice.status.${m.status}`)}</span>
            </td>
            <td>{m.error ?? ''}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** Absence, reminder and task mails of the meeting: how many are queued, sent, in the outbox or failed. */
function OtherMails({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  const groups = mailGroupStates(overview.log);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="other-mails">
      <h2 id="other-mails">{t('notice.otherMails')}</h2>
      <ul role="status" aria-live="polite">
        {groups.map((g) => (
          <li>
            <strong>{t(`notice.group.${g.group}`)}</strong>
            {': '}
            {[
              countText(ctx, 'notice.groupRecipients', g.total),
              g.waiting > 0 ? t('notice.groupWaiting', { n: g.waiting }) : '',
              g.sent > 0 ? t('notice.groupSent', { n: g.sent }) : '',
              g.outbox > 0 ? t('notice.groupOutbox', { n: g.outbox }) : '',
              g.failed > 0 ? t('notice.groupFailed', { n: g.failed }) : '',
            ].filter(Boolean).join(', ')}
            .
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How far the latest sending has come: in progress (the page refreshes itself) or its outcome. */
function Progress({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  const p = overview.progress;
  if (!p || p.total === 0) return null;
  const retrying = overview.log.filter((m) => m.kind === 'notice' && m.status === 'queued' && m.error).length;
  return (
    <section aria-labelledby="notice-progress">
      <h2 id="notice-progress">{t('notice.progressHeading')}</h2>
      <div role="status" aria-live="polite">
        {p.waiting > 0 ? (
          <p class="notice">
            <progress max={p.total} value={p.total - p.waiting} /> {t('notice.progress', { done: p.total - p.waiting, total: p.total })}
          </p>
        ) : (
          <>
            {p.sent > 0 && <p class="notice">{t('notice.resultSent', { n: p.sent, total: p.total })}</p>}
            {p.outbox > 0 && <p class="notice">{t('notice.resultOutbox', { n: p.outbox, total: p.total, dir: overview.outboxDir })}</p>}
          </>
        )}
        {retrying > 0 && <p class="warning">{t('notice.retrying', { n: retrying })}</p>}
        {p.failed > 0 && <p class="warning">{t('notice.resultFailed', { n: p.failed, total: p.total })}</p>}
      </div>
    </section>
  );
}

export function NoticePage({ ctx, overview, state }: { ctx: ViewContext; overview: Overview; state: FormState }) {
  const { t } = ctx;
  const { meeting, body, when } = overview;
  const sent = meeting.noticeSentAt;
  const needsReason = !sent && overview.lateNow;
  const n = overview.recipients.length;
  const inProgress = (overview.progress?.waiting ?? 0) > 0 || mailGroupStates(overview.log).some((g) => g.waiting > 0);
  return (
    <Layout
      ctx={ctx}
      title={t('notice.pageTitle', { body: body.name, date: when.date })}
      back={{ href: agendaPath(meeting.id), label: t('agenda.back') }}
      refreshSeconds={inProgress ? 3 : undefined}
    >
      <dl class="facts">
        <dt>{t('agenda.when')}</dt>
        <dd>{`${when.longDate} ${t('agenda.at')} ${when.time}`}</dd>
        <dt>{t('agenda.place')}</dt>
        <dd>{meeting.place}</dd>
        <dt>{t('notice.period')}</dt>
        <dd>{countText(ctx, 'notice.periodDays', body.noticeDays)}</dd>
        <dt>{t('notice.deadline')}</dt>
        <dd>{overview.deadline}</dd>
        <dt>{t('notice.sentAt')}</dt>
        <dd>{sent ? `${dateTime(sent)}${overview.sentLate ? ` – ${t('notice.wasLate')}` : ''}` : t('notice.notSent')}</dd>
        {meeting.noticeLateReason && (
          <>
            <dt>{t('notice.lateReason')}</dt>
            <dd>{meeting.noticeLateReason}</dd>
          </>
        )}
      </dl>
      <Progress ctx={ctx} overview={overview} />
      <OtherMails ctx={ctx} overview={overview} />
      {!overview.usesSmtp && <p class="warning">{t('notice.noSmtp', { dir: overview.outboxDir })}</p>}
      {!sent && (overview.lateNow ? <p class="warning">{t('notice.lateNow', { deadline: overview.deadline })}</p> : <p class="notice">{t('notice.inTime', { deadline: overview.deadline })}</p>)}

      <h2>{t('notice.recipientsCount', { n })}</h2>
      <p>{t('notice.recipientsHint')}</p>
      {n > 0 ? <RecipientTable ctx={ctx} recipients={overview.recipients} /> : <p>{t('notice.noRecipients')}</p>}
      {overview.withoutEmail.length > 0 && (
        <div class="warning">
          <p>{countText(ctx, 'notice.withoutEmail', overview.withoutEmail.length)}</p>
          <ul>
            {overview.withoutEmail.map((r) => (
              <li>
                <a href={`/personer/${r.personId}`}>{r.name}</a> ({roles(ctx, r)}, {r.municipality})
              </li>
            ))}
          </ul>
        </div>
      )}

      <h2>{sent ? t('notice.resendHeading') : t('notice.sendHeading')}</h2>
      <p>{t('notice.attachmentsHint')}</p>
      <p>
        <a href={`/moten/${meeting.id}/kallelse.pdf`}>{t('notice.pdfLink')}</a>
      </p>
      <ErrorSummary ctx={ctx} state={state} labels={{ lateReason: t('notice.lateReasonLabel'), confirmResend: t('notice.confirmResendLabel') }} />
      <PostForm ctx={ctx} action={`/moten/${meeting.id}/kallelse`}>
        {needsReason && <TextAreaField ctx={ctx} state={state} name="lateReason" label={`${t('notice.lateReasonLabel')} (${t('common.required')})`} hint={t('notice.lateReasonHint', { deadline: overview.deadline })} rows={3} />}
        {sent && <CheckboxField ctx={ctx} state={state} name="confirmResend" label={t('notice.confirmResend', { n })} />}
        <div class="actions">
          <button type="submit" disabled={n === 0}>
            {sent ? t('notice.resend') : t('notice.send')}
          </button>
        </div>
      </PostForm>

      <h2>{t('notice.log')}</h2>
      <MailLog ctx={ctx} overview={overview} />
    </Layout>
  );
}
