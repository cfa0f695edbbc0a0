/**
 * Justering as a review (issue 18): the locked protocol paragraph by paragraph with the signers'
 * comments and the secretary's answers (ReviewDocument, on the justering page), and the
 * secretary's side of the comments on the protocol page (SecretaryComments).
 */
import type { ViewContext } from '../../platform/views/context.js';
import { PostForm, type FormState, TextAreaField } from '../../platform/views/forms.js';
import { formatDateTime } from '../../platform/time-format.js';
import { pluralCategory } from '../../platform/i18n/plural.js';
import type { ProtocolDocument } from './protocol.model.js';
import { Header, Paragraph } from './paragraph.view.js';

import { Lines } from '../../platform/views/text.js';
import type { ReviewComment, ReviewService } from './review.service.js';

type Review = Awaited<ReturnType<ReviewService['forSigner']>>;
export type SecretaryView = Awaited<ReturnType<ReviewService['forSecretary']>>;

const time = (d: Date) => formatDateTime(d, 'sv');

export const reviewCommentPath = (protocolId: string) => `/protokoll/${protocolId}/justera/synpunkt`;
export const secretaryCommentPath = (protocolId: string, commentId: string) => `/protokoll/${protocolId}/synpunkter/${commentId}`;

/** One comment with its answer, as both sides see it. */
function CommentEntry({ ctx, comment }: { ctx: ViewContext; comment: ReviewComment }) {
  const { t } = ctx;
  return (
    <>
      <p class="hint">{t('review.by', { name: comment.author, role: t(`review.role.${comment.role}`), time: time(comment.createdAt) })}</p>
      <Lines text={comment.body} />
      {!comment.resolution && <p class="notice">{t('review.open')}</p>}
      {comment.resolution === 'answered' && comment.resolvedAt && (
        <div class="flash">
          <p>{t('review.answered', { name: comment.resolvedBy ?? '', time: time(comment.resolvedAt) })}</p>
          <Lines text={comment.answer ?? ''} />
        </div>
      )}
      {comment.resolution === 'applied' && comment.resolvedAt && (
        <div class="warning">
          <p>{t('review.applied', { name: comment.resolvedBy ?? '', time: time(comment.resolvedAt) })}</p>
          {comment.answer && <Lines text={comment.answer} />}
        </div>
      )}
    </>
  );
}

function CommentForm({ ctx, protocolId, paragraph, state }: { ctx: ViewContext; protocolId: string; paragraph: { id: string; number: number | null }; state: FormState }) {
  const { t } = ctx;
  const number = paragraph.number ?? '–';
  // The posted values come back only to the form they were posted from.
  const own = state.values.paragraphId === paragraph.id ? state : { values: {}, errors: [] };
  return (
    <PostForm ctx={ctx} action={reviewCommentPath(protocolId)} class="review-comment">
      <input type="hidden" name="paragraphId" value={paragraph.id} />
      <TextAreaField ctx={ctx} state={{ values: { [`body-${paragraph.id}`]: own.values.body ?? '' }, errors: own.errors.map((e) => (e.field === 'body' ? { ...e, field: `body-${paragraph.id}` } : e)) }} name={`body-${paragraph.id}`} label={t('review.comment', { number })} hint={t('review.commentHint')} rows={3} />
      <button type="submit" class="secondary">
        {t('review.send', { number })}
      </button>
    </PostForm>
  );
}

/** The protocol as locked (or as frozen once final), each paragraph followed by its comments and a comment form. */
export function ReviewDocument({ ctx, protocolId, review, state }: { ctx: ViewContext; protocolId: string; review: Review; state: FormState }) {
  const { t } = ctx;
  const doc: ProtocolDocument | null = review.document;
  if (!doc) return <p class="notice">{t('review.draft')}</p>;
  // (The comments and void signatures of a protocol being corrected show again once it is locked anew.)
  return (
    <section aria-labelledby="review-heading" class="review">
      <h2 id="review-heading">{t('review.title')}</h2>
      <p>{t(doc.status === 'final' ? 'review.finalIntro' : 'review.intro')}</p>
      <p>
        <strong>{doc.organisationName}</strong>
        {doc.bodyName !== doc.organisationName && <> · {doc.bodyName}</>}
      </p>
      <Header ctx={ctx} doc={doc} />
      {doc.paragraphs.map((p) => {
        const comments = review.comments.filter((c) => c.paragraphId === p.id);
        return (
          <>
            <Paragraph ctx={ctx} doc={doc} p={p} />
            {(comments.length > 0 || review.mayComment) && (
              <div class="review-comments" id={`synpunkter-${p.id}`} style="border-left: 3px solid #c8ced6; padding-left: 1rem; margin: 1rem 0 2rem">
                {comments.length > 0 && (
                  <>
                    <h3>{t('review.comments', { number: p.number ?? '–' })}</h3>
                    <ul style="list-style: none; padding-left: 0">
                      {comments.map((c) => (
                        <li id={`synpunkt-${c.id}`}>
                          <CommentEntry ctx={ctx} comment={c} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {review.mayComment && <CommentForm ctx={ctx} protocolId={protocolId} paragraph={p} state={state} />}
              </div>
            )}
          </>
        );
      })}
      {review.comments.some((c) => !c.resolution) && <p class="notice">{t('review.openCount')}</p>}
      {review.voided.length > 0 && (
        <>
          <h3>{t('review.voided')}</h3>
          <ul>
            {review.voided.map((v) => (
              <li>
                {t('review.voidedLine', { name: v.name, role: t(`review.role.${v.role}`), signedAt: time(v.signedAt), voidedAt: v.voidedAt ? time(v.voidedAt) : '–' })} {v.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The secretary's list of comments on the protocol page: answer each, or unlock the protocol to correct it. */
export function SecretaryComments({ ctx, protocolId, status, review }: { ctx: ViewContext; protocolId: string; status: 'draft' | 'locked' | 'final'; review: SecretaryView }) {
  const { t } = ctx;
  const { comments } = review;
  if (comments.length === 0) return null;
  const signatures = review.signatures.map((s) => `${s.name} (${t(`review.role.${s.role}`)}, ${time(s.signedAt)})`);
  return (
    <section aria-labelledby="synpunkter" class="review-secretary">
      <h2 id="synpunkter">{t('review.secretary.title')}</h2>
      <ul style="list-style: none; padding-left: 0">
        {comments.map((c) => (
          <li id={`synpunkt-${c.id}`} style="border-left: 3px solid #c8ced6; padding-left: 1rem; margin-bottom: 2rem">
            <h3>{t('review.secretary.on', { number: c.paragraphNumber ?? '–', heading: c.paragraphHeading })}</h3>
            <CommentEntry ctx={ctx} comment={c} />
            {!c.resolution && (
              <>
                <PostForm ctx={ctx} action={`${secretaryCommentPath(protocolId, c.id)}/svar`}>
                  <TextAreaField ctx={ctx} state={{ values: {}, errors: [] }} name={`answer-${c.id}`} label={t('review.secretary.answer', { name: c.author })} rows={3} />
                  <button type="submit">{t('review.secretary.answerSend')}</button>
                </PostForm>
                {status === 'locked' ? (
                  <PostForm ctx={ctx} action={`${secretaryCommentPath(protocolId, c.id)}/las-upp`} class="review-apply">
                    <p>{t('review.secretary.applyWhat')}</p>
                    <p class="warning">{signatures.length > 0 ? t('review.secretary.applyVoids', { signatures: signatures.join(', ') }) : t('review.secretary.applyNoVoids')}</p>
                    <TextAreaField ctx={ctx} state={{ values: {}, errors: [] }} name={`note-${c.id}`} label={t('review.secretary.applyNote', { name: c.author })} rows={2} />
                    <button type="submit" class="secondary">
                      {t('review.secretary.apply')}
                    </button>
                  </PostForm>
                ) : (
                  <p class="hint">{t('review.secretary.notLocked')}</p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The flash after unlocking: how many signatures became void, in the plural form the number takes. */
export function unlockedText(ctx: ViewContext, voided: number): string {
  if (voided === 0) return ctx.t('review.secretary.unlocked');
  return ctx.t(`review.secretary.unlockedVoided.${pluralCategory(ctx.locale, voided)}`, { count: voided });
}
