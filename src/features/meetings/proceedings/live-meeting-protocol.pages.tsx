/** The protocol part of an item: reservations with their written reasons, notes and immediate justering. */
import type { ItemView, LiveMeetingView } from './live-meeting.view.js';
import { ActionForm, Hidden, typed, type LiveProps } from './live-meeting-forms.pages.js';
import { PostForm } from '../../../platform/views/forms.js';

/** Reservations: announced before the meeting closes; written reasons until justering (reglemente 21 §). */
export function Reservations(props: { live: LiveProps; item: ItemView; view: LiveMeetingView }) {
  const { live, item, view } = props;
  const { t } = live.ctx;
  const reasonsEditable = view.reasonsOpen && !(item.item.immediateJustering && view.meeting.status === 'closed');
  const canReserve = live.editable && item.item.status === 'decided';
  if (item.reservations.length === 0 && !canReserve) return null;
  return (
    <>
      <h3>{t('live.reservation.heading')}</h3>
      {item.reservations.length === 0 && <p>{t('live.reservation.none')}</p>}
      <ul>
        {item.reservations.map((r) => (
          <li>
            <strong>{t('live.reservation.entry', { name: r.name })}</strong>
            {r.reason ? <p style="white-space: pre-line">{r.reason}</p> : <p>{t('live.reservation.noReason')}</p>}
            {reasonsEditable && (
              <ActionForm live={live} action="reservation/motivering">
                <Hidden name="reservationId" value={r.id} />
                <div class="field">
                  <label for={`reason-${r.id}`}>{t('live.reservation.reason', { name: r.name })}</label>
                  <textarea id={`reason-${r.id}`} name="reason" rows={3}>
                    {typed(live, 'motivering', { reservationId: r.id }, 'reason', r.reason ?? '')}
                  </textarea>
                </div>
                <button type="submit" class="secondary">
                  {t('live.reservation.saveReason')}
                </button>
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {canReserve && (
        <ActionForm live={live} action="reservation">
          <Hidden name="itemId" value={item.item.id} />
          <div class="field">
            <label for={`reserve-${item.number}`}>{t('live.reservation.person')}</label>
            <select id={`reserve-${item.number}`} name="personId">
              {item.serving.map((p) => (
                <option value={p.personId}>
                  {p.name}, {p.municipalityName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {t('live.reservation.add')}
          </button>
        </ActionForm>
      )}
    </>
  );
}

/** Protokollsanteckning and omedelbar justering: open while the meeting runs. */
export function ProtocolForms(props: { live: LiveProps; item: ItemView }) {
  const { live, item } = props;
  const { t } = live.ctx;
  const notesId = `notes-${item.number}`;
  return (
    <>
      <ActionForm live={live} action="anteckning">
        <Hidden name="itemId" value={item.item.id} />
        <div class="field">
          <label for={notesId}>{t('live.notes.label')}</label>
          <textarea id={notesId} name="protocolNotes" rows={2}>
            {typed(live, 'anteckning', { itemId: item.item.id }, 'protocolNotes', item.item.protocolNotes)}
          </textarea>
        </div>
        <button type="submit" class="secondary">
          {t('live.notes.save')}
        </button>
      </ActionForm>
      <ActionForm live={live} action="omedelbar-justering">
        <Hidden name="itemId" value={item.item.id} />
        <Hidden name="immediateJustering" value={item.item.immediateJustering ? '' : 'on'} />
        <p>
          {item.item.immediateJustering ? t('live.justering.on') : t('live.justering.off')}{' '}
          <button type="submit" class="secondary">
            {item.item.immediateJustering ? t('live.justering.unset') : t('live.justering.set')}
          </button>
        </p>
      </ActionForm>
      {item.item.immediateJustering && item.item.status !== 'pending' && (
        <PostForm ctx={live.ctx} action={`/moten/${live.meetingId}/protokoll/omedelbar`}>
          <Hidden name="itemId" value={item.item.id} />
          <p class="hint">{t('live.justering.reserveHint')}</p>
          <button type="submit">{t('live.justering.reserve')}</button>
        </PostForm>
      )}
    </>
  );
}
