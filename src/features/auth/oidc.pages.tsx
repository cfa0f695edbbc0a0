import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';

/** The buttons on the sign-in page, one per configured provider. */
export function OidcChoices({ ctx, providers, next }: { ctx: ViewContext; providers: { id: string; name: string }[]; next: string }) {
  if (providers.length === 0) return null;
  const { t } = ctx;
  return (
    <div class="oidc-choices">
      <ul class="plain">
        {providers.map((p) => (
          <li>
            <a class="button" href={`/logga-in/oidc/${p.id}?next=${encodeURIComponent(next)}`}>
              {t('oidc.signInWith', { provider: p.name })}
            </a>
          </li>
        ))}
      </ul>
      <p>{t('oidc.or')}</p>
    </div>
  );
}

/** An identity Kansli does not know, or an answer that failed its checks. */
export function OidcRefusedPage({ ctx, message }: { ctx: ViewContext; message: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('oidc.refusedTitle')}>
      <p class="error" role="alert">
        {message}
      </p>
      <p>
        <a href="/logga-in">{t('oidc.tryAgain')}</a>
      </p>
    </Layout>
  );
}

/** Loaded by the provider in a hidden frame (front-channel logout): nothing to see. */
export function FrontChannelLoggedOut({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} title={ctx.t('oidc.loggedOut')}>
      <p>{ctx.t('oidc.loggedOut')}</p>
    </Layout>
  );
}
