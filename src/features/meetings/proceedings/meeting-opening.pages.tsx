/** The open-meeting form's guard (issue 18): outside the meeting's day, a warning, a confirmation box and a reason. */
import type { ViewContext } from '../../../platform/views/context.js';
import { OPEN_LATE_LIMIT_DAYS, openingOutsideDay } from '../../../domain/index.js';
import { InlineError, typed, type LiveProps } from './live-meeting-forms.pages.js';
import { MAX_OPEN_REASON } from './meeting-opening.js';

/** Inside the open form: nothing on the meeting's day; else why a reason is needed, the box and the reason field. */
export function OpeningGuard(props: { live: LiveProps; meetingDate: string }) {
  const { live, meetingDate } = props;
  const { t, today } = live.ctx;
  const outside = openingOutsideDay({ meetingDate, today });
  if (!outside) return null;
  const reasonError = live.failure?.form === 'oppna' ? live.failure.fields.find((f) => f.field === 'reason') : undefined;
  const confirmError = live.failure?.form === 'oppna' ? live.failure.fields.find((f) => f.field === 'confirm') : undefined;
  return (
    <>
      <InlineError live={live} anchor="sammantradet" />
      <p class="warning">{outside === 'early' ? t('opening.early.warning', { date: meetingDate, today }) : t('opening.late.warning', { date: meetingDate, days: OPEN_LATE_LIMIT_DAYS })}</p>
      <div class="field">
        <label>
          <input type="checkbox" name="confirm" value="ja" required aria-invalid={confirmError ? 'true' : undefined} checked={typed(live, 'oppna', {}, 'confirm') === 'ja'} />{' '}
          {t(outside === 'early' ? 'opening.confirm.early' : 'opening.confirm.late')}
        </label>
      </div>
      <div class="field">
        <label for="open-reason">{t('opening.reason')}</label>
        {reasonError && (
          <p class="field-error" id="open-reason-error">
            {reasonError.message}
          </p>
        )}
        <textarea id="open-reason" name="reason" rows={2} required maxLength={MAX_OPEN_REASON} aria-invalid={reasonError ? 'true' : undefined} aria-describedby={reasonError ? 'open-reason-error' : undefined}>
          {typed(live, 'oppna', {}, 'reason')}
        </textarea>
      </div>
    </>
  );
}

/** "Öppnat före sammanträdesdagen 2026-03-03 09:58. Skäl: …" for the meeting's history; null when opened on its day. */
export function openingHistory(ctx: ViewContext, meeting: { openedAt: Date | null; openReason: string | null }, when: string): string | null {
  if (!meeting.openedAt || !meeting.openReason) return null;
  return ctx.t('opening.history', { when, reason: meeting.openReason });
}
