import type { ViewContext } from '../views/context.js';
import { Layout } from '../views/layout.js';
import type { UserMessage } from '../errors.js';

export const CSRF_MESSAGE: UserMessage = {
  sv: 'Formuläret hade gått ut eller kom från en annan webbplats, så inget ändrades. Gå tillbaka, ladda om sidan och försök igen.',
  en: 'The form had expired or came from another site, so nothing was changed. Go back, reload the page and try again.',
};

export function ErrorPage(props: { ctx: ViewContext; title: string; message: string; details?: string[] | undefined; back?: string | undefined }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} back={props.back ? { href: props.back } : undefined}>
      <p>{props.message}</p>
      {props.details && props.details.length > 0 && (
        <ul>
          {props.details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="/">{ctx.t('error.home')}</a>
      </p>
    </Layout>
  );
}

export const csrfPage = (ctx: ViewContext, back?: string) => <ErrorPage ctx={ctx} title={ctx.t('error.csrfTitle')} message={CSRF_MESSAGE[ctx.locale]} back={back} />;

export const forbiddenPage = (ctx: ViewContext) => <ErrorPage ctx={ctx} title={ctx.t('error.forbidden')} message={ctx.t('error.forbiddenText')} />;
