import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { CheckboxField, ErrorSummary, PostForm, TextField, emptyForm, type FormState } from '../../platform/views/forms.js';
import type { OidcAdminService } from './oidc-admin.service.js';

type Overview = Awaited<ReturnType<OidcAdminService['overview']>>;
type Person = Awaited<ReturnType<OidcAdminService['person']>>;

export const OIDC_ADMIN_PATH = '/admin/e-legitimation';

export function OidcAdminPage({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('oidc.settingsTitle')} back={{ href: '/admin/anvandare' }}>
      <h2>{t('oidc.providers')}</h2>
      {overview.providers.length === 0 ? (
        <p>{t('oidc.noProviders')}</p>
      ) : (
        overview.providers.map((p) => (
          <section aria-label={p.name}>
            <h3>{p.name}</h3>
            <dl class="facts">
              <dt>{t('oidc.provider.issuer')}</dt>
              <dd>{p.issuer}</dd>
              <dt>{t('oidc.provider.clientId')}</dt>
              <dd>{p.clientId}</dd>
              <dt>{t('oidc.provider.secret')}</dt>
              <dd>{p.hasSecret ? t('oidc.provider.secretSet') : t('oidc.provider.secretNone')}</dd>
              <dt>{t('oidc.provider.match')}</dt>
              <dd>{p.claim}</dd>
              {p.organisation && (
                <>
                  <dt>{t('oidc.provider.passwords')}</dt>
                  <dd>
                    {p.organisation}: {p.passwordsAllowed ? t('oidc.yes') : t('oidc.no')}
                  </dd>
                </>
              )}
            </dl>
          </section>
        ))
      )}
      <h2>{t('oidc.justering')}</h2>
      {overview.committees.map((c) => (
        <PostForm ctx={ctx} action={`${OIDC_ADMIN_PATH}/justering/${c.id}`}>
          <h3>{c.name}</h3>
          <CheckboxField ctx={ctx} state={emptyForm({ required: c.justeringAcr ? 'on' : '' })} name="required" label={t('oidc.justeringRequired')} />
          <button type="submit">{t('oidc.save')}</button>
        </PostForm>
      ))}
      <h2>{t('oidc.personnummer')}</h2>
      <ul>
        {overview.people.map((p) => (
          <li>
            <a href={`${OIDC_ADMIN_PATH}/personer/${p.id}`}>{p.name}</a> ({p.organisation}) – {p.registered ? t('oidc.personnummerSet', { masked: p.registered }) : t('oidc.personnummerNone')}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function PersonNumberPage({ ctx, person, state }: { ctx: ViewContext; person: Person; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t('oidc.personnummer')} – ${person.name}`} back={{ href: OIDC_ADMIN_PATH }}>
      <p>{person.registered ? t('oidc.personnummerSet', { masked: person.registered }) : t('oidc.personnummerNone')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={{ personnummer: t('oidc.personnummer') }} />
      <PostForm ctx={ctx} action={`${OIDC_ADMIN_PATH}/personer/${person.id}`}>
        <TextField ctx={ctx} state={state} name="personnummer" label={t('oidc.personnummer')} hint={t('oidc.personnummerHint')} autocomplete="off" inputMode="numeric" />
        <button type="submit">{t('oidc.save')}</button>
      </PostForm>
    </Layout>
  );
}
