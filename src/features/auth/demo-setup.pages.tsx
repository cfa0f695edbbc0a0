import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { PostForm } from '../../platform/views/forms.js';
import { ROLE_LABELS, type Role } from '../../platform/auth/policy.js';
import { DataTable } from '../../platform/views/data-table.js';

/** The setup page's second way in: load the demo committee instead of creating one's own. */
export function DemoSetupForm({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('setup.demoHeading')}</h2>
      <p>{t('setup.demoIntro')}</p>
      <PostForm ctx={ctx} action="/installera/demo">
        <button type="submit">{t('setup.demoSubmit')}</button>
      </PostForm>
    </section>
  );
}

/** What loading the demo has come to: a step of so many, done with its sign-ins, or failed. */
export interface DemoLoadState {
  step: number;
  total: number;
  stepName: string;
  done: boolean;
  error: string | null;
  password: string;
  logins: { role: Role; email: string }[];
}

/** While the demo loads, the answer carries a Refresh header (no script needed), as the archive delivery does. */
export function DemoLoadPage({ ctx, state }: { ctx: ViewContext; state: DemoLoadState }) {
  const { t } = ctx;
  const percent = state.done ? 100 : Math.round((state.step / state.total) * 100);
  return (
    <Layout ctx={ctx} title={t('setup.demoTitle')}>
      {state.error ? (
        <p class="warning">{t('setup.demoFailed', { error: state.error })}</p>
      ) : state.done ? (
        <>
          <p>{t('setup.demoDone', { password: state.password })}</p>
          <DataTable columns={[t('setup.demoRole'), t('setup.demoEmail')]}>
            {state.logins.map((l) => (
              <tr>
                <th scope="row">{ROLE_LABELS[l.role][ctx.locale]}</th>
                <td>
                  <code>{l.email}</code>
                </td>
              </tr>
            ))}
          </DataTable>
          <p>
            <a class="button" href="/logga-in">
              {t('setup.demoSignIn')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p role="status">{t('setup.demoRunning')}</p>
          <label for="demo-progress">{t('setup.demoProgress')}</label>{' '}
          <progress id="demo-progress" max={100} value={percent}>
            {percent} %
          </progress>{' '}
          <span>{t('setup.demoStep', { n: state.step, total: state.total, step: state.stepName })}</span>
        </>
      )}
    </Layout>
  );
}
