/** The signed-in start page, the accessibility statement with its feedback form, and the feedback list. */
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { LinkList } from '../../platform/views/list-or-none.js';
import { formatCalendarDay } from '../../platform/time-format.js';
import { ErrorSummary, PostForm, TextField, type FormState, TextAreaField } from '../../platform/views/forms.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { holdsRoleAnywhere } from '../../platform/auth/policy.js';

import type { AccessibilityService } from './accessibility.service.js';
import { TaskList } from '../tasks/tasks.pages.js';
import type { Tasks } from '../tasks/tasks.service.js';

/** When the accessibility statement was last reviewed (DIGG's model: the date is part of the statement). */
export const STATEMENT_UPDATED = '2026-12-07';
/** DIGG's form for reporting a lack of accessibility in digital public services. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

type Feedback = Awaited<ReturnType<AccessibilityService['listFeedback']>>[number];

export function HomePage({ ctx, tasks }: { ctx: ViewContext; tasks: Tasks }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={ctx.principal ? t('home.welcome', { name: ctx.principal.name }) : t('app.name')}>
      <p>{t('app.tagline')}</p>
      <TaskList ctx={ctx} tasks={tasks} />
      <h2>{t('home.shortcuts')}</h2>
      <LinkList
        class="cards"
        links={[...ctx.nav, { href: '/anslagstavla', label: t('home.noticeBoards') }, { href: '/konto', label: t('layout.account') }]}
      />
    </Layout>
  );
}

export function AccessibilityPage({ ctx, state, sent }: { ctx: ViewContext; state: FormState; sent: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('a11y.title')} back={{ href: '/' }}>
      <p>{t('a11y.body')}</p>
      <p>{t('a11y.scope')}</p>
      <h2>{t('a11y.status')}</h2>
      <p>{t('a11y.statusText')}</p>
      <h2>{t('a11y.shortcomings')}</h2>
      <ul>
        <li>{t('a11y.shortcoming.uploads')}</li>
        <li>{t('a11y.shortcoming.liveVote')}</li>
      </ul>
      <h2 id="synpunkter">{t('a11y.formTitle')}</h2>
      {sent && (
        <p class="flash" role="status">
          {t('a11y.thanks')}
        </p>
      )}
      <p>{t('a11y.formIntro')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={{ message: t('a11y.message'), pageUrl: t('a11y.pageUrl') }} />
      <PostForm ctx={ctx} action="/tillganglighet">
        <TextAreaField ctx={ctx} state={state} name="message" label={t('a11y.message')} rows={5} />
        <TextField ctx={ctx} state={state} name="pageUrl" label={t('a11y.pageUrl')} hint={t('a11y.pageUrlHint')} />
        <TextField ctx={ctx} state={state} name="contact" label={t('a11y.contact')} autocomplete="email" />
        <button type="submit">{t('a11y.send')}</button>
      </PostForm>
      <h2>{t('a11y.enforcement')}</h2>
      <p>{t('a11y.enforcementText')}</p>
      <p>
        <a href={DIGG_REPORT_URL}>{t('a11y.enforcementLink')}</a>
      </p>
      <h2>{t('a11y.tested')}</h2>
      <p>{t('a11y.testedText', { date: formatCalendarDay(STATEMENT_UPDATED, ctx.locale) })}</p>
      {holdsRoleAnywhere(ctx.principal, 'accessibility.readFeedback') && (
        <p>
          <a href="/tillganglighet/synpunkter">{t('a11y.readFeedback')}</a>
        </p>
      )}
    </Layout>
  );
}

export function FeedbackListPage({ ctx, rows }: { ctx: ViewContext; rows: Feedback[] }) {
  const { t } = ctx;
  const received = (r: Feedback) => r.createdAt.toISOString().slice(0, 16).replace('T', ' ');
  const columns: Column<Feedback>[] = [
    { key: 'received', label: t('a11y.received'), text: received, rowHeader: true },
    { key: 'message', label: t('a11y.messageShort'), text: (r) => r.message, render: (r) => <span style="white-space: pre-line">{r.message}</span> },
    { key: 'page', label: t('a11y.page'), text: (r) => r.pageUrl },
    { key: 'contact', label: t('a11y.contactShort'), text: (r) => r.contact },
    {
      key: 'handled',
      label: t('a11y.handled'),
      text: (r) => (r.handledAt ? t('a11y.handled') : t('a11y.notHandled')),
      render: (r) =>
        r.handledAt ? (
          t('a11y.handled')
        ) : (
          <>
            {t('a11y.notHandled')}
            <PostForm ctx={ctx} action={`/tillganglighet/synpunkter/${r.id}/hanterad`}>
              <button type="submit" class="secondary">
                {t('a11y.markHandled')}
                <span class="visually-hidden"> {received(r)}</span>
              </button>
            </PostForm>
          </>
        ),
    },
  ];
  return (
    <Layout ctx={ctx} title={t('a11y.feedbackTitle')} back={{ href: '/tillganglighet' }}>
      <ListTable ctx={ctx} caption={t('a11y.feedbackTitle')} columns={columns} rows={rows} defaultSort="received" hideCaption />
    </Layout>
  );
}
