/** Removing a goal, an indicator, a risk or a portfolio item: a confirmation page, then its form. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { uuidParam } from '../../platform/http/params.js';
import type { Principal } from '../../platform/auth/policy.js';
import type { ViewContext } from '../../platform/views/context.js';
import { ConfirmPage } from './planning.views.js';

const manage = { config: { action: 'planning.manage' as const } };

export interface Removal<T, R> {
  /** The route with `:id`: GET asks, POST removes. */
  path: string;
  find: (principal: Principal | null, id: string) => Promise<T>;
  /** The confirmation page's words, and the page its "back" link returns to. */
  confirm: (ctx: ViewContext, found: T) => { title: string; question: string; confirmLabel: string; back: string };
  remove: (principal: Principal | null, id: string) => Promise<R>;
  /** Where to go once removed. */
  done: (removed: R) => string;
}

export function registerRemoval<T, R>(app: FastifyInstance, services: Services, removal: Removal<T, R>): void {
  app.get(removal.path, manage, async (request, reply) => {
    const ctx = request.viewContext();
    const id = uuidParam(request);
    const page = removal.confirm(ctx, await removal.find(request.principal, id));
    return reply.page(<ConfirmPage ctx={ctx} title={page.title} question={page.question} action={removal.path.replace(':id', id)} back={page.back} confirmLabel={page.confirmLabel} />);
  });

  app.post(removal.path, manage, async (request, reply) => {
    const removed = await removal.remove(request.principal, uuidParam(request));
    setFlash(reply, request, services, request.viewContext().t('common.deleted'));
    return reply.redirect(removal.done(removed));
  });
}
