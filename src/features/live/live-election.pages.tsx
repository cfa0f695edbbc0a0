/**
 * The election by closed ballot in the pages of the live meeting: the shared part (progress while
 * open, the counts and the elected once closed) on the member's page, the chair's view and the big
 * screen; the member's ballot and the chair's controls as personal parts. Each is a plain form.
 */
import type { VNode } from 'preact';
import { PostButton } from './live-forms.pages.js';
import type { ViewContext } from '../../platform/views/context.js';
import { PostForm } from '../../platform/views/forms.js';
import { countText } from '../../platform/i18n/plural.js';
import type { Locale, Translate } from '../../platform/i18n/i18n.js';
import { formatClock } from '../../platform/time-format.js';
import { BLANK, MAX_ELECTION_MINUTES, type ElectionState } from './live-election.js';
import { DataTable } from '../../platform/views/data-table.js';

export const electionMemberPath = (id: string) => `/mina-moten/${id}/live/val`;
export const electionChairPath = (id: string) => `/moten/${id}/ordforande/val`;

export const ELECTION_CSS = `
.le-choices { display: grid; gap: .5rem; margin: .5rem 0 1rem; }
.le-choices label { display: flex; align-items: center; gap: .6rem; min-height: 2.75rem; padding: .25rem .75rem; border: 1px solid var(--line); border-radius: 6px; font-size: 1.1rem; }
.le-choices input { width: 1.5rem; height: 1.5rem; }
.lr textarea { width: 100%; max-width: 100%; }
`;

/** The shared part: empty until the meeting's first closed election. */
export function ElectionStatus({ t, locale, election, now }: { t: Translate; locale: Locale; election: ElectionState | null; now: Date }): VNode | null {
  if (!election) return null;
  const result = election.result;
  return (
    <section class="lr-panel" aria-labelledby="le-h" id="val">
      <h2 id="le-h">{t('le.heading')}</h2>
      <p>
        <strong>{t('le.on', { n: election.itemNumber, heading: election.itemHeading })}</strong>
      </p>
      <p>{t('le.places', { n: election.places })}</p>
      {!election.closed && (
        <div>
          <h3>{t('le.candidates')}</h3>
          <ol>
            {election.candidates.map((name) => (
              <li>{name}</li>
            ))}
          </ol>
          <p>
            {t('le.progress', { voted: election.cast, eligible: election.eligible })}{' '}
            {now.getTime() < election.closesAt.getTime() ? t('le.until', { time: formatClock(election.closesAt, locale) }) : t('le.timeUp')}
          </p>
          <p>{t('le.secret')}</p>
        </div>
      )}
      {election.cancelled && <p>{t('le.cancelled')}</p>}
      {result && (
        <div>
          <h3>{t('le.result')}</h3>
          <DataTable columns={[t('le.candidates'), t('le.votes')]} class="lr-table">
            {result.candidates.map((c) => (
              <tr>
                <th scope="row">{c.name}</th>
                <td>{c.votes}</td>
              </tr>
            ))}
          </DataTable>
          {election.allowBlank && <p>{t('le.blank', { n: result.blank })}</p>}
          <p>{t('le.cast', { cast: election.cast, eligible: election.eligible })}</p>
          {result.lottery && <p>{t('le.lottery', { among: result.lottery.among.join(', '), drawn: result.lottery.drawn.join(', ') })}</p>}
          <p class="lr-result">{t('le.elected', { names: result.elected.join(', ') })}</p>
        </div>
      )}
    </section>
  );
}

/** The member's ballot: one candidate (radio) or up to `places` (check boxes); after voting only that it is cast. */
export function ElectionBallot({ ctx, meetingId, election, ballot }: { ctx: ViewContext; meetingId: string; election: ElectionState | null; ballot: { eligible: boolean; voted: boolean } }): VNode | null {
  const { t } = ctx;
  if (!election || election.closed) return null;
  if (ballot.voted) {
    return (
      <p class="lr-panel" role="status">
        {t('le.ballot.done')}
      </p>
    );
  }
  if (!ballot.eligible) return <p class="lr-panel">{t('le.ballot.notEligible')}</p>;
  const single = election.places === 1;
  const type = single ? 'radio' : 'checkbox';
  return (
    <PostForm ctx={ctx} action={electionMemberPath(meetingId)} class="lr-panel">
      <input type="hidden" name="liveElectionId" value={election.id} />
      <fieldset>
        <legend>
          <strong>{t('le.ballot.legend')}</strong>: {countText(ctx, 'le.ballot.pick', election.places)}
        </legend>
        <div class="le-choices">
          {election.candidates.map((name, i) => (
            <label>
              <input type={type} name="candidate" value={String(i + 1)} /> {name}
            </label>
          ))}
          {single && election.allowBlank && (
            <label>
              <input type="radio" name="candidate" value={BLANK} /> {t('le.ballot.blankOption')}
            </label>
          )}
        </div>
        {!single && election.allowBlank && <p>{t('le.ballot.blankHint')}</p>}
        <p>{t('le.ballot.final')}</p>
      </fieldset>
      <button type="submit" class="button">
        {t('le.ballot.submit')}
      </button>
    </PostForm>
  );
}

/** The chair's controls: start a closed election on the current election item, or close the one open. */
export function ElectionControls({ ctx, meetingId, election, current, meetingOpen }: { ctx: ViewContext; meetingId: string; election: ElectionState | null; current: { itemId: string; isElection: boolean } | null; meetingOpen: boolean }): VNode | null {
  const { t } = ctx;
  const base = electionChairPath(meetingId);
  if (election && !election.closed) {
    return (
      <div class="lr-panel">
        <p>{t('le.chair.closeHint')}</p>
        <PostButton ctx={ctx} action={`${base}/avsluta`} hidden={{ liveElectionId: election.id }} label={t('le.chair.close')} />
      </div>
    );
  }
  if (!meetingOpen || !current?.isElection) return null;
  return (
    <section class="lr-panel" aria-labelledby="le-open-h" id="starta-val">
      <h2 id="le-open-h">{t('le.chair.open')}</h2>
      <PostForm ctx={ctx} action={base}>
        <input type="hidden" name="itemId" value={current.itemId} />
        <div class="lr-field">
          <label for="le-candidates">{t('le.chair.candidates')}</label>
          <textarea id="le-candidates" name="candidates" rows={4} required />
        </div>
        <div class="lr-field">
          <label for="le-places">{t('le.chair.places')}</label>
          <input id="le-places" name="places" type="number" inputMode="numeric" min="1" value="1" />
        </div>
        <div class="lr-field">
          <label>
            <input type="checkbox" name="allowBlank" checked /> {t('le.chair.allowBlank')}
          </label>
        </div>
        <div class="lr-field">
          <label for="le-minutes">{t('le.chair.minutes')}</label>
          <input id="le-minutes" name="minutes" type="number" inputMode="numeric" min="1" max={String(MAX_ELECTION_MINUTES)} value="5" />
        </div>
        <button type="submit" class="button">
          {t('le.chair.start')}
        </button>
      </PostForm>
    </section>
  );
}
