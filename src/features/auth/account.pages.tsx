import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, TextField, type FormState } from '../../platform/views/forms.js';

export function ForgotPasswordPage({ ctx, state, sent }: { ctx: ViewContext; state: FormState; sent: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.title')} back={{ href: '/logga-in' }}>
      {sent ? (
        <p class="flash" role="status">
          {t('reset.sent')}
        </p>
      ) : (
        <>
          <p>{t('reset.intro')}</p>
          <ErrorSummary ctx={ctx} state={state} labels={{ email: t('auth.email') }} />
          <PostForm ctx={ctx} action="/logga-in/glomt">
            <TextField ctx={ctx} state={state} name="email" type="email" label={t('auth.email')} required autocomplete="username" />
            <button type="submit">{t('reset.send')}</button>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export function NewPasswordPage({ ctx, state, action, usable }: { ctx: ViewContext; state: FormState; action: string; usable: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.newTitle')} back={{ href: '/logga-in' }}>
      {usable ? (
        <>
          <ErrorSummary ctx={ctx} state={state} labels={{ password: t('account.newPassword'), repeat: t('account.repeatPassword') }} />
          <PostForm ctx={ctx} action={action}>
            <TextField ctx={ctx} state={state} name="password" type="password" label={t('account.newPassword')} hint={t('auth.passwordHint')} required autocomplete="new-password" />
            <TextField ctx={ctx} state={state} name="repeat" type="password" label={t('account.repeatPassword')} required autocomplete="new-password" />
            <button type="submit">{t('reset.save')}</button>
          </PostForm>
        </>
      ) : (
        <>
          <p class="notice">{t('reset.unusable')}</p>
          <p>
            <a href="/logga-in/glomt">{t('reset.again')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
