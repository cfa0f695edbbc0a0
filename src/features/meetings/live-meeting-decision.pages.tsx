/** The decision part of an item: bifall, votering, reservations, notes and tabling. */
import type { ViewContext } from '../../platform/views/context.js';
import type { ItemView, LiveMeetingView, VoteView } from './live-meeting.view.js';
import type { Alternative } from './live-meeting.state.js';
import { BALLOT_PREFIX } from './live-meeting.schema.js';
import { ActionForm, Hidden, Paragraphs, typed, type LiveProps } from './live-meeting-forms.pages.js';

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
        <div class="table-scroll">
          <table>
            <caption>{t('live.vote.caption', { n: item.serving.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('live.vote.voter')}</th>
                <th scope="col">{t('live.vote.yes')}</th>
                <th scope="col">{t('live.vote.no')}</th>
                <th scope="col">{t('live.vote.abstain')}</th>
              </tr>
            </thead>
            <tbody>
              {item.serving.map((p) => (
                <BallotRow live={live} item={item} personId={p.personId} name={p.name} municipality={p.municipalityName} chair={p.personId === item.chairId} />
              ))}
            </tbody>
          </table>
        </div>
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

/** Bordläggning to a planned later meeting of the same body. */
export function TablingForm(props: { live: LiveProps; item: ItemView; view: LiveMeetingView }) {
  const { live, item, view } = props;
  const { t } = live.ctx;
  if (view.laterMeetings.length === 0) return <p>{t('live.table.noLater')}</p>;
  const id = `table-${item.number}`;
  return (
    <ActionForm live={live} action="bordlagg">
      <Hidden name="itemId" value={item.item.id} />
      <div class="field">
        <label for={id}>{t('live.table.target')}</label>
        <select id={id} name="targetMeetingId">
          {view.laterMeetings.map((m) => (
            <option value={m.id}>{t('live.table.option', { date: m.date })}</option>
          ))}
        </select>
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
            <VoteForm live={live} item={item} />
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
          <div class="actions">
            <button type="submit" class="secondary">
              {t('live.decide.saveText')}
            </button>
          </div>
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
