/** The decision part of an item: bifall, votering, reservations, notes and tabling. */
import type { ViewContext } from '../../../platform/views/context.js';
import type { ItemView, LiveMeetingView, VoteView } from './live-meeting.view.js';
import type { Alternative } from './live-meeting.state.js';
import { BALLOT_PREFIX, NEXT_ORDINARY } from './live-meeting.schema.js';
import { CANDIDATE_PREFIX, COUNT_PREFIX, ELECTION_BALLOT_PREFIX, type ElectionRecord } from './live-meeting.election.js';
import { ActionForm, Hidden, Paragraphs, typed, type LiveProps } from './live-meeting-forms.pages.js';
import { countText } from '../../../platform/i18n/plural.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { FormActions } from '../../../platform/views/forms.js';

function alternativeLabel(ctx: ViewContext, a: Alternative): string {
  const text = a.text.length > 140 ? `${a.text.slice(0, 137)}…` : a.text;
  return a.kind === 'proposal' ? `${ctx.t('live.alt.proposal')}: ${text}` : `${ctx.t('live.alt.motion', { name: a.by ?? '' })}: ${text}`;
}

function AlternativeSelect(props: { live: LiveProps; item: ItemView; name: string; label: string; form: string; selected?: string }) {
  const { ctx } = props.live;
  const id = `${props.form}-${props.name}-${props.item.number}`;
  const current = typed(props.live, props.form, { itemId: props.item.item.id }, props.name, props.selected ?? '');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.item.alternatives.map((a) => (
          <option value={a.value} selected={a.value === current}>
            {alternativeLabel(ctx, a)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Bifall: the chair puts one alternative and finds the committee approves it. */
export function AcclamationForm(props: { live: LiveProps; item: ItemView }) {
  const { live, item } = props;
  const { t } = live.ctx;
  if (item.alternatives.length === 0) return <p>{t('live.decide.noAlternatives')}</p>;
  return (
    <ActionForm live={live} action="bifall">
      <Hidden name="itemId" value={item.item.id} />
      <AlternativeSelect live={live} item={item} name="alternative" form="bifall" label={t('live.decide.alternative')} />
      <button type="submit">{t('live.decide.acclaim')}</button>
    </ActionForm>
  );
}

function BallotRow(props: { live: LiveProps; item: ItemView; personId: string; name: string; municipality: string; chair: boolean }) {
  const { live, item, personId } = props;
  const { t } = live.ctx;
  const field = `${BALLOT_PREFIX}${personId}`;
  const chosen = typed(live, 'votering', { itemId: item.item.id }, field);
  const headerId = `ballot-${item.number}-${personId}`;
  return (
    <tr>
      <th scope="row" id={headerId}>
        {props.name}
        {props.chair && <> ({t('live.role.chair').toLowerCase()})</>}
        <br />
        <span class="hint">{props.municipality}</span>
      </th>
      {(['yes', 'no', 'abstain'] as const).map((choice) => (
        <td>
          <label>
            <input type="radio" name={field} value={choice} checked={chosen === choice} aria-describedby={headerId} /> {t(`live.vote.${choice}`)}
          </label>
        </td>
      ))}
    </tr>
  );
}

/** Votering: one row per person SERVING at the item; only they may vote (KL 4:24). */
export function VoteForm(props: { live: LiveProps; item: ItemView }) {
  const { live, item } = props;
  const { t } = live.ctx;
  if (item.alternatives.length < 2) return <p>{t('live.vote.needTwo')}</p>;
  const second = item.alternatives[1]?.value ?? '';
  const open = live.failure?.form === 'votering' && live.failure.values.itemId === item.item.id;
  return (
    <details open={open} style="margin-top: 1rem">
      <summary>{item.item.kind === 'election' ? t('live.vote.summaryElection') : t('live.vote.summary')}</summary>
      <ActionForm live={live} action="votering">
        <Hidden name="itemId" value={item.item.id} />
        <AlternativeSelect live={live} item={item} name="yes" form="votering" label={t('live.vote.yesMeans')} />
        <AlternativeSelect live={live} item={item} name="no" form="votering" label={t('live.vote.noMeans')} selected={second} />
        <p class="hint">{item.item.kind === 'election' ? t('live.vote.hintElection') : t('live.vote.hint')}</p>
        <DataTable
          caption={t('live.vote.caption', { n: item.serving.length })}
          columns={[t('live.vote.voter'), t('live.vote.yes'), t('live.vote.no'), t('live.vote.abstain')]}
          scroll
        >
          {item.serving.map((p) => (
            <BallotRow live={live} item={item} personId={p.personId} name={p.name} municipality={p.municipalityName} chair={p.personId === item.chairId} />
          ))}
        </DataTable>
        <button type="submit">{t('live.vote.submit')}</button>
      </ActionForm>
    </details>
  );
}

export function VoteResult(props: { ctx: ViewContext; vote: VoteView; number: number }) {
  const { ctx, vote } = props;
  const { t } = ctx;
  const outcome =
    vote.outcome === 'lottery'
      ? t('live.vote.lotteryResult', { winner: vote.lotteryResult ?? '' })
      : vote.outcome === 'yes'
        ? t('live.vote.yesWon')
        : t('live.vote.noWon');
  return (
    <div>
      <h3>{t('live.vote.heading', { n: props.number })}</h3>
      <dl class="facts">
        <dt>{t('live.vote.yesMeans')}</dt>
        <dd>{vote.yesMeans}</dd>
        <dt>{t('live.vote.noMeans')}</dt>
        <dd>{vote.noMeans}</dd>
        <dt>{t('live.vote.result')}</dt>
        <dd>
          {t('live.vote.counts', { yes: vote.yes, no: vote.no, abstain: vote.abstain })}. {outcome}
          {vote.decidedByCastingVote && <> {t('live.vote.castingVote')}</>}
        </dd>
      </dl>
      <details>
        <summary>{t('live.vote.ballots')}</summary>
        <ul>
          {vote.ballots.map((b) => (
            <li>
              {b.name}, {b.municipalityName}: {t(`live.vote.${b.choice}`)}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** How many candidate rows the election form offers. */
const CANDIDATE_ROWS = 6;

/**
 * Val: candidates, the number to elect, and either each serving person's vote (open) or only the
 * counts per candidate (closed ballot, KL 5:55–56). The most votes win; a tie goes to lot.
 */
export function ElectionForm(props: { live: LiveProps; item: ItemView }) {
  const { live, item } = props;
  const { t } = live.ctx;
  const match = { itemId: item.item.id };
  const value = (name: string, fallback = '') => typed(live, 'val', match, name, fallback);
  const open = live.failure?.form === 'val' && live.failure.values.itemId === item.item.id;
  return (
    <details open={open || item.item.kind === 'election'} style="margin-top: 1rem">
      <summary>{t('live.election.summary')}</summary>
      <ActionForm live={live} action="val">
        <Hidden name="itemId" value={item.item.id} />
        <p class="hint">{t('live.election.hint')}</p>
        <div class="field">
          <label for={`places-${item.number}`}>{t('live.election.places')}</label>
          <input id={`places-${item.number}`} name="places" inputMode="numeric" value={value('places', '1')} style="width: 6rem" />
        </div>
        <div class="field">
          <label>
            <input type="checkbox" name="closedBallot" checked={value('closedBallot') === 'on'} /> {t('live.election.closedBallot')}
          </label>
        </div>
        {Array.from({ length: CANDIDATE_ROWS }, (_, i) => i + 1).map((n) => (
          <div class="actions">
            <div class="field">
              <label for={`candidate-${item.number}-${n}`}>{t('live.election.candidate', { n })}</label>
              <input id={`candidate-${item.number}-${n}`} name={`${CANDIDATE_PREFIX}${n}`} value={value(`${CANDIDATE_PREFIX}${n}`)} />
            </div>
            <div class="field">
              <label for={`count-${item.number}-${n}`}>{t('live.election.count', { n })}</label>
              <input id={`count-${item.number}-${n}`} name={`${COUNT_PREFIX}${n}`} inputMode="numeric" value={value(`${COUNT_PREFIX}${n}`)} style="width: 6rem" />
            </div>
          </div>
        ))}
        <fieldset>
          <legend>{t('live.election.openCaption', { n: item.serving.length })}</legend>
          <p class="hint">{t('live.election.openHint')}</p>
          {item.serving.map((p) => (
            <div class="field">
              <label for={`elect-${item.number}-${p.personId}`}>
                {p.name}, {p.municipalityName}
              </label>
              <input id={`elect-${item.number}-${p.personId}`} name={`${ELECTION_BALLOT_PREFIX}${p.personId}`} value={value(`${ELECTION_BALLOT_PREFIX}${p.personId}`)} />
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('live.election.submit')}</button>
      </ActionForm>
    </details>
  );
}

/** The election's counts, the lot if one was drawn, who was elected, and, for an open election only, how each voted. */
export function ElectionResultView(props: { ctx: ViewContext; election: ElectionRecord }) {
  const { ctx, election } = props;
  const { t } = ctx;
  return (
    <div>
      <h3>{t('live.election.heading')}</h3>
      {election.closedBallot && <p>{t('live.election.closed')}</p>}
      <ul>
        {election.candidates.map((c) => (
          <li>{t('live.election.votes', { name: c.name, votes: c.votes })}</li>
        ))}
      </ul>
      {election.lottery && (
        <p>{countText(ctx, 'live.election.lottery', election.lottery.places, { among: election.lottery.among.join(', '), drawn: election.lottery.drawn.join(', ') })}</p>
      )}
      <p>{t('live.election.elected', { names: election.elected.join(', ') })}</p>
      {election.ballots.length > 0 && (
        <details>
          <summary>{t('live.election.ballots')}</summary>
          <ul>
            {election.ballots.map((b) => (
              <li>
                {b.name}, {b.municipality}: {b.candidate ?? t('live.election.abstained')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Bordläggning to the next ordinary meeting (planned or not yet) or a planned later meeting of the same body. */
export function TablingForm(props: { live: LiveProps; item: ItemView; view: LiveMeetingView }) {
  const { live, item, view } = props;
  const { t } = live.ctx;
  const id = `table-${item.number}`;
  return (
    <ActionForm live={live} action="bordlagg">
      <Hidden name="itemId" value={item.item.id} />
      <div class="field">
        <label for={id}>{t('live.table.target')}</label>
        <select id={id} name="targetMeetingId" aria-describedby={`${id}-hint`}>
          <option value={NEXT_ORDINARY}>{t('live.table.nextOrdinary')}</option>
          {view.laterMeetings.map((m) => (
            <option value={m.id}>{t('live.table.option', { date: m.date })}</option>
          ))}
        </select>
      </div>
      <p class="hint" id={`${id}-hint`}>
        {t('live.table.nextOrdinaryHint')}
      </p>
      <p class="hint">{t('live.table.votesHint')}</p>
      <div class="actions">
        <div class="field">
          <label for={`${id}-for`}>{t('live.table.votesFor')}</label>
          <input id={`${id}-for`} name="votesFor" inputMode="numeric" style="width: 6rem" />
        </div>
        <div class="field">
          <label for={`${id}-against`}>{t('live.table.votesAgainst')}</label>
          <input id={`${id}-against`} name="votesAgainst" inputMode="numeric" style="width: 6rem" />
        </div>
      </div>
      <button type="submit" class="secondary">
        {t('live.table.submit')}
      </button>
    </ActionForm>
  );
}

/** How the item was decided, with the decision text editable while the meeting is open. */
export function Decision(props: { live: LiveProps; item: ItemView; view: LiveMeetingView }) {
  const { live, item, view } = props;
  const { t } = live.ctx;
  const { status } = item.item;
  if (status === 'pending') {
    if (!live.editable) return <p>{t('live.decide.notHandled')}</p>;
    return (
      <>
        <h3>{t('live.decide.heading')}</h3>
        {item.item.kind === 'information' ? (
          <ActionForm live={live} action="notera">
            <Hidden name="itemId" value={item.item.id} />
            <button type="submit">{t('live.decide.note')}</button>
          </ActionForm>
        ) : (
          <>
            <AcclamationForm live={live} item={item} />
            {item.item.kind === 'election' ? <ElectionForm live={live} item={item} /> : <VoteForm live={live} item={item} />}
          </>
        )}
        <details open={live.failure?.form === 'bordlagg' && live.failure.values.itemId === item.item.id} style="margin-top: 1rem">
          <summary>{t('live.table.heading')}</summary>
          <TablingForm live={live} item={item} view={view} />
        </details>
      </>
    );
  }
  const textId = `decision-${item.number}`;
  return (
    <>
      <h3>{t('live.decide.decided')}</h3>
      {live.editable ? (
        <ActionForm live={live} action="beslutstext">
          <Hidden name="itemId" value={item.item.id} />
          <div class="field">
            <label for={textId}>{t('live.decide.text')}</label>
            <textarea id={textId} name="decisionText" rows={3}>
              {typed(live, 'beslutstext', { itemId: item.item.id }, 'decisionText', item.item.decisionText ?? '')}
            </textarea>
          </div>
          <FormActions ctx={live.ctx} submit={t('live.decide.saveText')} kind="secondary" />
        </ActionForm>
      ) : (
        <Paragraphs text={item.item.decisionText ?? ''} />
      )}
      {live.editable && status !== 'tabled' && (
        <ActionForm live={live} action="ateruppta">
          <Hidden name="itemId" value={item.item.id} />
          <button type="submit" class="secondary">
            {t('live.decide.reopen')}
          </button>
        </ActionForm>
      )}
    </>
  );
}
