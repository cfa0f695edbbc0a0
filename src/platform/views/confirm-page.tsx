import type { ViewContext } from './context.js';
import { PostForm } from './forms.js';
import { Layout } from './layout.js';

/** "Are you sure?" before anything is removed: the question, a red button and the way back. */
export function ConfirmPage(props: { ctx: ViewContext; title: string; question: string; action: string; back: string; backLabel?: string; confirmLabel: string; cancelLabel?: string }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title} back={props.backLabel ? { href: props.back, label: props.backLabel } : { href: props.back }}>
      <p class="warning">{props.question}</p>
      <PostForm ctx={ctx} action={props.action} class="actions">
        <button type="submit" class="danger">
          {props.confirmLabel}
        </button>
        <a href={props.back}>{props.cancelLabel ?? ctx.t('common.cancel')}</a>
      </PostForm>
    </Layout>
  );
}
