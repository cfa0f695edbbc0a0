import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.js';

export function withQuery(path: string, query: Record<string, string>, change: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change })) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** The page frame: skip link, header with navigation, main landmark, footer. */
export function Layout(props: {
  ctx: ViewContext;
  title: string;
  back?: { href: string; label?: string } | undefined;
  /** Reload the page after this many seconds, while long work it shows is still in progress. */
  refreshSeconds?: number | undefined;
  /**
   * Where the refresh goes; without it the page's own address. A page reached with a #fragment
   * needs it: a refresh to the same address with a fragment only scrolls and never reloads.
   */
  refreshUrl?: string | undefined;
  children: ComponentChildren;
}) {
  const { ctx, title, back } = props;
  const { t, principal } = ctx;
  const otherLocale = ctx.locale === 'sv' ? 'en' : 'sv';
  return (
    <html lang={ctx.locale === 'sv' ? 'sv-SE' : 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refreshSeconds !== undefined && <meta http-equiv="refresh" content={props.refreshUrl ? `${props.refreshSeconds}; url=${props.refreshUrl}` : String(props.refreshSeconds)} />}
        <title>{`${title} – ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              {t('app.name')}
            </a>
            {ctx.nav.length > 0 && (
              <nav aria-label={t('layout.nav')}>
                <ul class="nav-list">
                  {ctx.nav.map((item) => (
                    <li>
                      <a href={item.href} aria-current={ctx.path === item.href || ctx.path.startsWith(`${item.href}/`) ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <div class="site-header__tools">
              <a href={withQuery(ctx.path, ctx.query, { lang: otherLocale })} lang={otherLocale === 'sv' ? 'sv-SE' : 'en'} hrefLang={otherLocale}>
                {t('layout.switchLanguage')}
              </a>
              {principal ? (
                <>
                  <a href="/konto">{t('layout.account')}</a>
                  <form method="post" action="/logga-ut" class="inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="link-button">
                      {t('layout.signOut')}
                    </button>
                  </form>
                </>
              ) : (
                ctx.path !== '/logga-in' && <a href="/logga-in">{t('layout.signIn')}</a>
              )}
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {back && (
            <p class="back-link">
              <a href={back.href}>← {back.label ?? t('common.back')}</a>
            </p>
          )}
          <h1>{title}</h1>
          {ctx.flash && (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            {t('layout.footer')} · <a href="/tillganglighet">{t('layout.accessibility')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
