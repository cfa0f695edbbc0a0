import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../platform/views/forms.js';
import { OidcChoices } from './oidc.pages.js';
import { ROLE_LABELS, type Role } from '../../platform/auth/policy.js';
import { formatDateTime } from '../../platform/time-format.js';
import { DemoSetupForm } from './demo-setup.pages.js';
import { DataTable } from '../../platform/views/data-table.js';
import { ListOrNone } from '../../platform/views/list-or-none.js';

export function SetupPage({ ctx, state }: { ctx: ViewContext; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <ErrorSummary
        ctx={ctx}
        state={state}
        labels={{ committeeName: t('setup.committeeName'), committeeSlug: t('setup.committeeSlug'), name: t('auth.name'), email: t('auth.email'), password: t('auth.password') }}
      />
      <PostForm ctx={ctx} action="/installera">
        <fieldset>
          <legend>{t('setup.committee')}</legend>
          <TextField ctx={ctx} state={state} name="committeeName" label={t('setup.committeeName')} required />
          <TextField ctx={ctx} state={state} name="committeeSlug" label={t('setup.committeeSlug')} hint={t('setup.committeeSlugHint')} required />
        </fieldset>
        <fieldset>
          <legend>{t('setup.admin')}</legend>
          <TextField ctx={ctx} state={state} name="name" label={t('auth.name')} required autocomplete="name" />
          <TextField ctx={ctx} state={state} name="email" type="email" label={t('auth.email')} required autocomplete="email" />
          <TextField ctx={ctx} state={state} name="password" type="password" label={t('auth.password')} hint={t('auth.passwordHint')} required autocomplete="new-password" />
        </fieldset>
        <button type="submit">{t('setup.submit')}</button>
      </PostForm>
      <DemoSetupForm ctx={ctx} />
    </Layout>
  );
}

export function LoginPage({ ctx, state, next, providers = [] }: { ctx: ViewContext; state: FormState; next: string; providers?: { id: string; name: string }[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      <ErrorSummary ctx={ctx} state={state} />
      <OidcChoices ctx={ctx} providers={providers} next={next} />
      <PostForm ctx={ctx} action={`/logga-in?next=${encodeURIComponent(next)}`}>
        <TextField ctx={ctx} state={state} name="email" type="email" label={t('auth.email')} required autocomplete="username" />
        <TextField ctx={ctx} state={state} name="password" type="password" label={t('auth.password')} required autocomplete="current-password" />
        <button type="submit">{t('login.submit')}</button>
      </PostForm>
      <p>
        <a href="/logga-in/glomt">{t('login.forgot')}</a>
      </p>
    </Layout>
  );
}

export function TotpPage({ ctx, state, next }: { ctx: ViewContext; state: FormState; next: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('login.totpTitle')} back={{ href: '/logga-in' }}>
      <p>{t('login.totpIntro')}</p>
      <ErrorSummary ctx={ctx} state={state} />
      <PostForm ctx={ctx} action={`/logga-in/tvastegs?next=${encodeURIComponent(next)}`}>
        <TextField ctx={ctx} state={state} name="code" label={t('login.totpCode')} required autocomplete="one-time-code" inputMode="numeric" />
        <button type="submit">{t('login.verify')}</button>
      </PostForm>
    </Layout>
  );
}

export interface AccountView {
  roles: { organisationName: string; role: Role }[];
  totpEnabled: boolean;
  /** An enrolment started and not yet confirmed. */
  totpPending: boolean;
  totpEnrolment?: { secret: string; uri: string } | undefined;
  tokens: { id: string; label: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }[];
  newToken?: string | undefined;
}

const fmt = (d: Date | null, ctx: ViewContext) =>
  d ? formatDateTime(d, ctx.locale, { dateStyle: 'medium', timeStyle: 'short' }) : ctx.t('account.never');

export function AccountPage({ ctx, view, state }: { ctx: ViewContext; view: AccountView; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')} back={{ href: '/' }}>
      <ErrorSummary ctx={ctx} state={state} />
      <dl class="facts">
        <dt>{t('auth.name')}</dt>
        <dd>{ctx.principal?.name}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{ctx.principal?.email}</dd>
      </dl>
      <h2>{t('account.roles')}</h2>
      <ListOrNone
        items={view.roles}
        none={t('account.noRoles')}
        item={(r) => (
          <>
            {ROLE_LABELS[r.role][ctx.locale]} – {r.organisationName}
          </>
        )}
      />
      <h2>{t('account.language')}</h2>
      <PostForm ctx={ctx} action="/konto/sprak" class="actions">
        <SelectField
          ctx={ctx}
          state={{ values: { locale: ctx.locale }, errors: [] }}
          name="locale"
          label={t('account.language')}
          options={[
            { value: 'sv', label: 'Svenska' },
            { value: 'en', label: 'English' },
          ]}
        />
        <button type="submit" class="secondary">
          {t('account.languageSave')}
        </button>
      </PostForm>
      <h2>{t('account.password')}</h2>
      <PostForm ctx={ctx} action="/konto/losenord">
        <TextField ctx={ctx} state={state} name="current" type="password" label={t('account.currentPassword')} required autocomplete="current-password" />
        <TextField ctx={ctx} state={state} name="password" type="password" label={t('account.newPassword')} hint={t('auth.passwordHint')} required autocomplete="new-password" />
        <TextField ctx={ctx} state={state} name="repeat" type="password" label={t('account.repeatPassword')} required autocomplete="new-password" />
        <button type="submit">{t('account.changePassword')}</button>
      </PostForm>
      <h2 id="tvastegs">{t('account.totp')}</h2>
      <p>{t('account.secondFactorIntro')}</p>
      <TotpSection ctx={ctx} view={view} />
      <h2>{t('passkey.list')}</h2>
      <p>
        <a href="/konto/passkey">{t('account.passkeys')}</a>
      </p>
      <h2>{t('account.tokens')}</h2>
      <p>{t('account.tokensIntro')}</p>
      {view.newToken && (
        <div class="notice" role="status">
          <p>{t('account.tokenCreated')}</p>
          <code class="secret">{view.newToken}</code>
        </div>
      )}
      {view.tokens.length > 0 && (
        <DataTable caption={t('account.tokens')} columns={[t('account.tokenLabel'), t('account.tokenCreatedAt'), t('account.tokenLastUsed'), t('account.tokenStatus')]} scroll>
          {view.tokens.map((tok) => (
            <tr>
              <th scope="row">{tok.label}</th>
              <td>{fmt(tok.createdAt, ctx)}</td>
              <td>{fmt(tok.lastUsedAt, ctx)}</td>
              <td>
                {tok.revokedAt ? (
                  t('account.tokenIsRevoked')
                ) : (
                  <PostForm ctx={ctx} action={`/konto/nycklar/${tok.id}/aterkalla`} class="inline-form">
                    {t('account.tokenActive')}{' '}
                    <button type="submit" class="secondary" aria-label={`${t('account.tokenRevoke')}: ${tok.label}`}>
                      {t('account.tokenRevoke')}
                    </button>
                  </PostForm>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <PostForm ctx={ctx} action="/konto/nycklar">
        <TextField ctx={ctx} state={state} name="label" label={t('account.tokenLabel')} required />
        <button type="submit">{t('account.tokenCreate')}</button>
      </PostForm>
      <h2>{t('account.sessions')}</h2>
      <p>{t('account.signOutEverywhereHint')}</p>
      <PostForm ctx={ctx} action="/konto/logga-ut-overallt">
        <button type="submit" class="secondary">
          {t('account.signOutEverywhere')}
        </button>
      </PostForm>
    </Layout>
  );
}

function TotpSection({ ctx, view }: { ctx: ViewContext; view: AccountView }) {
  const { t } = ctx;
  const empty = { values: {}, errors: [] };
  const passwordField = (label: string) => <TextField ctx={ctx} state={empty} name="password" type="password" label={label} required autocomplete="current-password" />;
  if (view.totpEnrolment || view.totpPending) {
    return (
      <>
        {view.totpEnrolment ? (
          <>
            <p>{t('account.totpSecret')}</p>
            <p>
              <code class="secret">{view.totpEnrolment.secret}</code>
            </p>
            <p>
              <a href={view.totpEnrolment.uri}>{t('account.totpLink')}</a>
            </p>
          </>
        ) : (
          <p>{t('account.totpPending')}</p>
        )}
        <PostForm ctx={ctx} action="/konto/tvastegs/bekrafta">
          <TextField ctx={ctx} state={empty} name="code" label={t('login.totpCode')} required autocomplete="one-time-code" inputMode="numeric" />
          <button type="submit">{t('account.totpConfirm')}</button>
        </PostForm>
      </>
    );
  }
  if (view.totpEnabled) {
    return (
      <>
        <p>{t('account.totpOn')}</p>
        <PostForm ctx={ctx} action="/konto/tvastegs/starta">
          {passwordField(t('account.totpReplacePassword'))}
          <button type="submit" class="secondary">
            {t('account.totpReplace')}
          </button>
        </PostForm>
        <PostForm ctx={ctx} action="/konto/tvastegs/stang">
          {passwordField(t('account.totpDisablePassword'))}
          <button type="submit" class="secondary">
            {t('account.totpDisable')}
          </button>
        </PostForm>
      </>
    );
  }
  return (
    <>
      <p>{t('account.totpOff')}</p>
      <PostForm ctx={ctx} action="/konto/tvastegs/starta">
        {passwordField(t('account.totpStartPassword'))}
        <button type="submit">{t('account.totpStart')}</button>
      </PostForm>
    </>
  );
}
