/**
 * The member's own forms beside speaking and voting: jäv on an item, a typed motion on the current
 * item, a reservation against a decision. Plain POST forms that work without JavaScript; the
 * page's script fetches them again (`/delar`) when the meeting moves on.
 */
import type { ViewContext } from '../../platform/views/context.js';
import { PostForm } from '../../platform/views/forms.js';
import { MOTION_KINDS } from '../../domain/index.js';
import type { LiveRoomService } from './live.service.js';
import { memberPath } from './live-parts.pages.js';

type MemberView = Awaited<ReturnType<LiveRoomService['memberView']>>;

const isOpen = (view: MemberView) => view.meeting.status === 'open';

export function JavForm({ ctx, view }: { ctx: ViewContext; view: MemberView }) {
  const { t } = ctx;
  const declared = view.record.pendingItems.filter((i) => i.jav);
  const open = view.record.pendingItems.filter((i) => !i.jav);
  return (
    <div>
      {declared.map((i) => (
        <p role="status">{t('lr.jav.mine', { n: i.number, heading: i.heading })}</p>
      ))}
      {isOpen(view) && open.length > 0 && (
        <PostForm ctx={ctx} action={`${memberPath(view.meeting.id)}/jav`}>
          <p id="lr-jav-hint">{t('lr.jav.hint')}</p>
          <div class="lr-field">
            <label for="lr-jav-item">{t('lr.jav.item')}</label>
            <select id="lr-jav-item" name="itemId">
              {open.map((i) => (
                <option value={i.id} selected={i.id === view.state.current?.itemId}>
                  {t('lr.jav.option', { n: i.number, heading: i.heading })}
                </option>
              ))}
            </select>
          </div>
          <div class="lr-field">
            <label for="lr-jav-reason">{t('lr.jav.reason')}</label>
            <input id="lr-jav-reason" name="reason" type="text" maxLength={1000} autocomplete="off" />
          </div>
          <button type="submit" class="button button--secondary" aria-describedby="lr-jav-hint">
            {t('lr.jav.submit')}
          </button>
        </PostForm>
      )}
    </div>
  );
}

export function MotionForm({ ctx, view }: { ctx: ViewContext; view: MemberView }) {
  const { t } = ctx;
  const current = view.state.current;
  if (!isOpen(view) || !current) return null;
  const mine = view.record.myMotions.map((m) => [m.kind ? t(`live.motionKind.${m.kind}`) : '', m.text].filter(Boolean).join(': '));
  return (
    <div>
      {mine.length > 0 && <p role="status">{t('lr.motion.mine', { list: mine.join('; ') })}</p>}
      {!view.serving ? (
        <p>{t('lr.motion.notServing')}</p>
      ) : (
        <PostForm ctx={ctx} action={`${memberPath(view.meeting.id)}/yrkande`}>
          <h3>{t('lr.motion.heading')}</h3>
          <input type="hidden" name="itemId" value={current.itemId} />
          <fieldset>
            <legend>{t('lr.motion.kind')}</legend>
            {MOTION_KINDS.map((kind, i) => (
              <div>
                <label>
                  <input type="radio" name="kind" value={kind} checked={i === 0} /> {t(`live.motionKind.${kind}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <div class="lr-field">
            <label for="lr-motion-text">{t('lr.motion.text')}</label>
            <span id="lr-motion-hint">{t('live.motion.textOptional')}</span>
            <textarea id="lr-motion-text" name="text" rows={3} maxLength={2000} aria-describedby="lr-motion-hint" />
          </div>
          <button type="submit" class="button">
            {t('lr.motion.submit')}
          </button>
        </PostForm>
      )}
    </div>
  );
}

export function ReservationForm({ ctx, view }: { ctx: ViewContext; view: MemberView }) {
  const { t } = ctx;
  const reserved = view.record.decidedItems.filter((i) => i.reservation);
  const open = view.record.decidedItems.filter((i) => !i.reservation);
  return (
    <div>
      {reserved.map((i) => (
        <p role="status">{t('lr.res.mine', { n: i.number })}</p>
      ))}
      {isOpen(view) && open.length === 0 && reserved.length === 0 && <p>{t('lr.res.none')}</p>}
      {isOpen(view) && open.length > 0 && (
        <PostForm ctx={ctx} action={`${memberPath(view.meeting.id)}/reservation`}>
          <p id="lr-res-hint">{t('lr.res.hint')}</p>
          <div class="lr-field">
            <label for="lr-res-item">{t('lr.res.item')}</label>
            <select id="lr-res-item" name="itemId">
              {open.map((i, n) => (
                <option value={i.id} selected={n === open.length - 1}>
                  {t('lr.jav.option', { n: i.number, heading: i.heading })}
                </option>
              ))}
            </select>
          </div>
          <div class="lr-field">
            <label for="lr-res-reason">{t('lr.res.reason')}</label>
            <textarea id="lr-res-reason" name="reason" rows={3} maxLength={5000} />
          </div>
          <button type="submit" class="button button--secondary" aria-describedby="lr-res-hint">
            {t('lr.res.submit')}
          </button>
        </PostForm>
      )}
    </div>
  );
}
