/** Närvaro: per municipality, the member and substitutes with their state, and who serves (17 §). */
import type { LiveMeetingView, PersonPresence } from './live-meeting.view.js';
import { pluralCategory } from '../../../platform/i18n/plural.js';
import { ActionForm, Hidden, InlineError, QuorumText, liveBase, type LiveProps } from './live-meeting-forms.pages.js';
import { DataTable } from '../../../platform/views/data-table.js';

const REASONS: Record<string, 'member' | 'absent' | 'jav' | 'withdrawn' | 'vacant'> = {
  'ordinarie ledamot': 'member',
  'ersättare för frånvarande ledamot': 'absent',
  'ersättare vid jäv': 'jav',
  'ersättare för ledamot som avbrutit tjänstgöringen': 'withdrawn',
  vakant: 'vacant',
};

/** Room for two buttons side by side in a table cell on a tablet. */
const COMPACT = 'padding-left: .7rem; padding-right: .7rem; white-space: nowrap';

function StateText(props: { live: LiveProps; person: PersonPresence }) {
  const { t } = props.live.ctx;
  const { person } = props;
  return (
    <>
      <strong>{t(`live.presence.${person.state}`)}</strong>
      {person.change && <> – {t(`live.presence.${person.change.type}`, { n: person.change.number })}</>}
      {person.javHere && <> – {t('live.presence.jav')}</>}
    </>
  );
}

function StartButtons(props: { live: LiveProps; view: LiveMeetingView; person: PersonPresence }) {
  const { t } = props.live.ctx;
  const { person } = props;
  return (
    <ActionForm live={props.live} action="narvaro">
      <Hidden name="personId" value={person.personId} />
      {props.view.requestedNumber !== null && <Hidden name="punkt" value={String(props.view.requestedNumber)} />}
      <div class="actions" style="margin: .25rem 0; gap: .4rem" role="group" aria-label={t('live.attendance.startFor', { name: person.name })}>
        {(['present', 'remote', 'absent'] as const).map((type) => (
          <button type="submit" name="type" value={type} class="secondary" style={COMPACT}>
            {t(`live.presence.${type}`)}
          </button>
        ))}
      </div>
    </ActionForm>
  );
}

/** "Anlände vid punkt N" / "Lämnade vid punkt N": N is the item the table shows. */
function ChangeButton(props: { live: LiveProps; view: LiveMeetingView; person: PersonPresence }) {
  const { live, view, person } = props;
  const { t } = live.ctx;
  const item = view.items[view.shownIndex];
  if (!item) return null;
  const here = person.state === 'present' || person.state === 'remote';
  const type = here ? 'left' : 'arrived';
  return (
    <ActionForm live={live} action="narvaro">
      <Hidden name="personId" value={person.personId} />
      <Hidden name="type" value={type} />
      <Hidden name="itemId" value={item.item.id} />
      {view.requestedNumber !== null && <Hidden name="punkt" value={String(view.requestedNumber)} />}
      <button type="submit" class="secondary" style={`margin-top: .25rem; ${COMPACT}`}>
        {t(`live.attendance.${type}Button`, { n: item.number })}
        <span class="visually-hidden"> – {person.name}</span>
      </button>
    </ActionForm>
  );
}

function PersonCell(props: { live: LiveProps; view: LiveMeetingView; person: PersonPresence }) {
  const { live, view, person } = props;
  const { t } = live.ctx;
  return (
    <div id={`person-${person.personId}`} style="margin-bottom: .75rem">
      <div>
        {person.name}
        {person.position && <> ({t(`live.role.${person.position}`).toLowerCase()})</>}
      </div>
      <div>
        <StateText live={live} person={person} />
      </div>
      {person.reportedAbsence && <div class="hint">{t('live.presence.reportedAbsence')}</div>}
      {live.editable && (person.start === 'unknown' ? <StartButtons live={live} view={view} person={person} /> : <ChangeButton live={live} view={view} person={person} />)}
    </div>
  );
}

function EventLog(props: { live: LiveProps; view: LiveMeetingView }) {
  const { live, view } = props;
  const { t } = live.ctx;
  if (view.events.length === 0) return null;
  return (
    <details>
      <summary>{t('live.events.summary', { n: view.events.length })}</summary>
      <ol>
        {view.events.map((e) => (
          <li>
            {e.name}: {e.number === null ? t(`live.events.start.${e.type}`) : t(`live.events.at.${e.type}`, { n: e.number })}{' '}
            {live.editable && (
              <ActionForm live={live} action="narvaro/ta-bort" inline>
                <Hidden name="eventId" value={e.id} />
                <button type="submit" class="link-button">
                  {t('live.events.remove')}
                  <span class="visually-hidden">: {e.name}</span>
                </button>
              </ActionForm>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * "Alla närvarande": one action for the usual case, behind a summary that says first what it
 * does. Members not yet recorded become present; recorded states and substitutes stay.
 */
function AllPresent(props: { live: LiveProps; view: LiveMeetingView }) {
  const { live, view } = props;
  const { t, locale } = live.ctx;
  const n = view.municipalities.flatMap((m) => m.people).filter((p) => p.role === 'member' && p.start === 'unknown').length;
  if (n === 0) return null;
  const form = pluralCategory(locale, n);
  return (
    <details class="all-present" open={n === view.people.filter((p) => p.role === 'member').length}>
      <summary>{t('live.allPresent.summary')}</summary>
      <ActionForm live={live} action="narvaro/alla">
        <p id="all-present-explain">{t(`live.allPresent.explain.${form}`, { n })}</p>
        <button type="submit" aria-describedby="all-present-explain">
          {t(`live.allPresent.submit.${form}`, { n })}
        </button>
      </ActionForm>
    </details>
  );
}

export function AttendanceSection(props: { live: LiveProps; view: LiveMeetingView }) {
  const { live, view } = props;
  const { t } = live.ctx;
  const shown = view.items[view.shownIndex];
  const caption = shown ? t('live.attendance.caption', { n: shown.number }) : t('live.attendance.captionStart');
  return (
    <section id="narvaro" aria-labelledby="narvaro-h">
      <h2 id="narvaro-h">{t('live.attendance.heading')}</h2>
      <InlineError live={live} anchor="narvaro" />
      <p>
        {shown ? t('live.attendance.atItem', { n: shown.number, heading: shown.item.heading }) : t('live.attendance.atStart')}:{' '}
        <QuorumText ctx={live.ctx} quorum={shown?.quorum ?? null} seats={view.seats} vacancies={view.vacancies} />
      </p>
      {view.vacancies > 0 && (
        <p>
          {t('live.attendance.vacancies', { vacancies: view.vacancies })}
          {view.vacantMunicipalities.length > 0 && <>: {view.vacantMunicipalities.join(', ')}</>}
        </p>
      )}
      {live.editable && <p class="hint">{t('live.attendance.hint')}</p>}
      {live.editable && <AllPresent live={live} view={view} />}
      {view.items.length > 1 && (
        <form method="get" action={`${liveBase(live.meetingId)}#narvaro`} class="actions">
          <label for="punkt">{t('live.attendance.showAt')}</label>
          <select id="punkt" name="punkt" style="width: auto">
            {view.items.map((item, index) => (
              <option value={String(item.number)} selected={index === view.shownIndex}>
                {t('live.attendance.itemOption', { n: item.number })}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {t('live.attendance.show')}
          </button>
        </form>
      )}
      {view.municipalities.length === 0 && <p>{t('live.attendance.nobody')}</p>}
      <DataTable
        caption={caption}
        columns={[t('live.attendance.municipality'), t('live.role.member'), t('live.attendance.substitutes'), t('live.attendance.serving')]}
        scroll
      >
        {view.municipalities.map((m) => (
          <tr>
            <th scope="row">{m.name}</th>
            <td>
              {m.people
                .filter((p) => p.role === 'member')
                .map((p) => (
                  <PersonCell live={live} view={view} person={p} />
                ))}
            </td>
            <td>
              {m.people
                .filter((p) => p.role === 'substitute')
                .map((p) => (
                  <PersonCell live={live} view={view} person={p} />
                ))}
            </td>
            <td>
              {m.serving ? (
                <>
                  <strong>{m.serving.person.name}</strong>
                  <br />
                  {REASONS[m.serving.reason] ? t(`live.reason.${REASONS[m.serving.reason] ?? 'member'}`) : m.serving.reason}
                </>
              ) : (
                <strong>{t('live.reason.vacant')}</strong>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <EventLog live={live} view={view} />
    </section>
  );
}
