import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { setFlash } from '../../platform/http/app.js';
import { formBody, handleForm } from '../../platform/http/forms.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import { uuidParam } from '../../platform/http/params.js';
import { unlockedText } from './review.pages.js';

/** The secretary's side of justering as a review (issue 18): answer a comment, or unlock the protocol to apply it. */
export function registerReviewRoutes(app: FastifyInstance, services: Services): void {
  const plan = { config: { action: 'meeting.plan' as const } };

  /** Back to the protocol page at the comment; the meeting is found through the protocol. */
  async function protocolPage(request: FastifyRequest, protocolId: string, commentId: string) {
    const meetingId = await services.review.meetingOf(request.principal, protocolId);
    return `/moten/${meetingId}/protokoll#synpunkt-${commentId}`;
  }

  /** A refused answer: the message, and the way back to the comment (nothing is lost but the typed text). */
  const refused = (request: FastifyRequest, back: string) => (state: Parameters<Parameters<typeof handleForm>[3]>[0]) => {
    const ctx = request.viewContext();
    return (
      <Layout ctx={ctx} title={ctx.t('review.secretary.title')} back={{ href: back }}>
        <ErrorSummary ctx={ctx} state={state} labels={{ answer: ctx.t('review.secretary.answerSend') }} />
        <p>
          <a href={back}>{ctx.t('review.secretary.title')}</a>
        </p>
      </Layout>
    );
  };

  app.post('/protokoll/:id/synpunkter/:commentId/svar', plan, async (request, reply) => {
    const protocolId = uuidParam(request, 'id');
    const commentId = uuidParam(request, 'commentId');
    const values = formBody(request);
    const input = { answer: values[`answer-${commentId}`] ?? values.answer ?? '' };
    const back = await protocolPage(request, protocolId, commentId);
    const ok = await handleForm(reply, input, () => services.review.answer(request.principal, protocolId, commentId, input), refused(request, back));
    if (!ok) return reply;
    setFlash(reply, request, services, request.viewContext().t('review.secretary.answered'));
    return reply.redirect(back);
  });

  app.post('/protokoll/:id/synpunkter/:commentId/las-upp', plan, async (request, reply) => {
    const protocolId = uuidParam(request, 'id');
    const commentId = uuidParam(request, 'commentId');
    const values = formBody(request);
    const input = { answer: values[`note-${commentId}`] ?? values.answer ?? '' };
    const back = await protocolPage(request, protocolId, commentId);
    let voided = 0;
    const ok = await handleForm(reply, input, async () => ({ voided } = await services.review.apply(request.principal, protocolId, commentId, input)), refused(request, back));
    if (!ok) return reply;
    setFlash(reply, request, services, unlockedText(request.viewContext(), voided));
    return reply.redirect(back);
  });
}
