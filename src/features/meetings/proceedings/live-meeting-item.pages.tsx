/** One agenda item on the live screen: what is proposed, jäv, motions, propositions and the decision. */
import type { ItemView, LiveMeetingView } from './live-meeting.view.js';
import { ExampleMark } from '../../../platform/views/example-data.js';
import { MOTION_KINDS } from '../../../domain/index.js';
import { ActionForm, Hidden, InlineError, Paragraphs, QuorumText, typed, type LiveProps } from './live-meeting-forms.pages.js';
import { Decision, ElectionResultView, VoteResult } from './live-meeting-decision.pages.js';
import { ProtocolForms, Reservations } from './live-meeting-protocol.pages.js';

function statusText(live: LiveProps, item: ItemView): string {
  return live.ctx.t(`live.status.${item.item.status}`);
}

function History(props: { live: LiveProps; item: ItemView }) {
  const { t } = props.live.ctx;
  const { tabledFrom, tabledTo } = props.item;
  const waiting = props.item.item.status === 'tabled' && !tabledTo;
  if (!tabledFrom && !tabledTo && !waiting) return null;
  return (
    <ul>
      {waiting && <li>{t('live.history.toNext')}</li>}
      {tabledFrom && (
        <li>
          <a href={`/moten/${tabledFrom.meetingId}`}>{t('live.history.from', { date: tabledFrom.date })}</a>
        </li>
      )}
      {tabledTo && (
        <li>
          <a href={`/moten/${tabledTo.meetingId}`}>{t('live.history.to', { date: tabledTo.date })}</a>
        </li>
      )}
    </ul>
  );
}

function PersonSelect(props: { live: LiveProps; id: string; label: string; people: LiveMeetingView['people'] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name="personId">
        {props.people.map((p) => (
          <option value={p.personId}>
            {p.name}, {p.municipalityName} ({props.live.ctx.t(`live.role.${p.role}`).toLowerCase()})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Jäv: the person steps out for this item only; a substitute serves in their place (18 §). */
function Jav(props: { live: LiveProps; item: ItemView; view: LiveMeetingView; pending: boolean }) {
  const { live, item, view } = props;
  const { t } = live.ctx;
  const canChange = live.editable && props.pending;
  if (item.jav.length === 0 && item.reportedJav.length === 0 && !canChange) return null;
  return (
    <>
      <h3>{t('live.jav.heading')}</h3>
      {item.reportedJav.length > 0 && <p class="hint">{t('live.jav.reported', { names: item.reportedJav.join(', ') })}</p>}
      {item.jav.length === 0 ? (
        <p>{t('live.jav.none')}</p>
      ) : (
        <ul>
          {item.jav.map((j) => (
            <li>
              {t('live.jav.entry', { name: j.person.name, municipality: j.person.municipalityName })}{' '}
              {canChange && (
                <ActionForm live={live} action="narvaro/ta-bort" inline>
                  <Hidden name="eventId" value={j.eventId} />
                  <button type="submit" class="link-button">
                    {t('live.jav.remove')}
                    <span class="visually-hidden"> {j.person.name}</span>
                  </button>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <details open={live.failure?.form === 'jav' && live.failure.values.itemId === item.item.id}>
          <summary>{t('live.jav.addSummary')}</summary>
          <ActionForm live={live} action="jav">
            <Hidden name="itemId" value={item.item.id} />
            <PersonSelect live={live} id={`jav-${item.number}`} label={t('live.jav.person')} people={view.people.filter((p) => !item.jav.some((j) => j.person.personId === p.personId))} />
            <button type="submit" class="secondary">
              {t('live.jav.add')}
            </button>
          </ActionForm>
        </details>
      )}
    </>
  );
}

function MotionText(props: { live: LiveProps; motion: ItemView['motions'][number] }) {
  const { t } = props.live.ctx;
  const m = props.motion;
  const text = m.kind ? `${t('live.motion.typedEntry', { name: m.name, kind: t(`live.motionKind.${m.kind}`) })}${m.text ? `: ${m.text}` : ''}` : t('live.motion.entry', { name: m.name, text: m.text });
  return m.withdrawn ? (
    <>
      <s>{text}</s> ({t('live.motion.withdrawn')})
    </>
  ) : (
    <>{text}</>
  );
}

/** Propositionsordning: återremiss and bordläggning first, then the main question, then ändring and tillägg. */
function PropositionOrder(props: { live: LiveProps; item: ItemView }) {
  const { live, item } = props;
  const { t } = live.ctx;
  // The order guides the chair while the item is handled; once decided, the record says what was put.
  if (item.item.status !== 'pending' || item.order.length === 0 || item.motions.every((m) => m.withdrawn)) return null;
  return (
    <>
      <h4>{t('live.order.heading')}</h4>
      <p class="hint">{t('live.order.hint')}</p>
      <ol class="proposition-order">
        {item.order.map((group) => (
          <li>
            <strong>{t(`live.order.${group.stage}`)}</strong>
            <ul>
              {group.stage === 'main' && item.item.proposal.trim() && <li>{t('live.order.proposal')}</li>}
              {group.motions.map((m) => (
                <li>
                  <MotionText live={live} motion={m} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

function MotionKindField(props: { live: LiveProps; item: ItemView }) {
  const { live, item } = props;
  const { t } = live.ctx;
  const chosen = typed(live, 'yrkande', { itemId: item.item.id }, 'kind', 'approve');
  return (
    <fieldset class="field">
      <legend>{t('live.motion.kind')}</legend>
      <div class="actions" style="gap: .25rem 1rem">
        {MOTION_KINDS.map((kind) => (
          <label>
            <input type="radio" name="kind" value={kind} checked={kind === chosen} /> {t(`live.motionKind.${kind}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Motions(props: { live: LiveProps; item: ItemView; pending: boolean }) {
  const { live, item } = props;
  const { t } = live.ctx;
  const canChange = live.editable && props.pending;
  const textId = `motion-${item.number}`;
  return (
    <>
      <h3>{t('live.motion.heading')}</h3>
      {item.motions.length === 0 ? (
        <p>{t('live.motion.none')}</p>
      ) : (
        <ol>
          {item.motions.map((m) => (
            <li>
              <MotionText live={live} motion={m} />{' '}
              {canChange && !m.withdrawn && (
                <ActionForm live={live} action="yrkande/aterta" inline>
                  <Hidden name="motionId" value={m.id} />
                  <button type="submit" class="link-button">
                    {t('live.motion.withdraw')}
                    <span class="visually-hidden"> {m.name}</span>
                  </button>
                </ActionForm>
              )}{' '}
              {canChange && (
                <ActionForm live={live} action="yrkande/ta-bort" inline>
                  <Hidden name="motionId" value={m.id} />
                  <button type="submit" class="link-button">
                    {t('live.motion.remove')}
                    <span class="visually-hidden"> {m.name}</span>
                  </button>
                </ActionForm>
              )}
            </li>
          ))}
        </ol>
      )}
      <PropositionOrder live={live} item={item} />
      {canChange && (
        <ActionForm live={live} action="yrkande">
          <Hidden name="itemId" value={item.item.id} />
          <PersonSelect live={live} id={`motion-person-${item.number}`} label={t('live.motion.person')} people={item.serving} />
          <MotionKindField live={live} item={item} />
          <div class="field">
            <label for={textId}>{t('live.motion.text')}</label>
            <p class="hint" id={`${textId}-hint`}>
              {t('live.motion.textOptional')}
            </p>
            <textarea id={textId} name="text" rows={2} aria-describedby={`${textId}-hint`}>
              {typed(live, 'yrkande', { itemId: item.item.id }, 'text')}
            </textarea>
          </div>
          <button type="submit" class="secondary">
            {t('live.motion.add')}
          </button>
        </ActionForm>
      )}
    </>
  );
}

function Propositions(props: { live: LiveProps; item: ItemView; pending: boolean }) {
  const { live, item } = props;
  const { t } = live.ctx;
  const canChange = live.editable && props.pending;
  if (item.propositions.length === 0 && !canChange) return null;
  const textId = `proposition-${item.number}`;
  return (
    <>
      <h3>{t('live.proposition.heading')}</h3>
      {item.propositions.length === 0 ? (
        <p>{t('live.proposition.none')}</p>
      ) : (
        <ol>
          {item.propositions.map((p) => (
            <li>
              {p.text} – <strong>{t(`live.proposition.${p.outcome}`)}</strong>
            </li>
          ))}
        </ol>
      )}
      {canChange && (
        <details>
          <summary>{t('live.proposition.addSummary')}</summary>
          <ActionForm live={live} action="proposition">
            <Hidden name="itemId" value={item.item.id} />
            <div class="field">
              <label for={textId}>{t('live.proposition.text')}</label>
              <textarea id={textId} name="text" rows={2}>
                {typed(live, 'proposition', { itemId: item.item.id }, 'text')}
              </textarea>
            </div>
            <fieldset class="field">
              <legend>{t('live.proposition.outcome')}</legend>
              <label>
                <input type="radio" name="outcome" value="approved" checked /> {t('live.proposition.approved')}
              </label>{' '}
              <label>
                <input type="radio" name="outcome" value="rejected" /> {t('live.proposition.rejected')}
              </label>
            </fieldset>
            <button type="submit" class="secondary">
              {t('live.proposition.add')}
            </button>
          </ActionForm>
        </details>
      )}
    </>
  );
}

export function ItemSection(props: { live: LiveProps; item: ItemView; view: LiveMeetingView }) {
  const { live, item, view } = props;
  const { t } = live.ctx;
  const anchor = `punkt-${item.number}`;
  const pending = item.item.status === 'pending';
  const failedHere = live.failure?.anchor === anchor;
  return (
    <section id={anchor} class={item.isCurrent ? 'notice' : undefined} aria-labelledby={`${anchor}-h`} style="margin-top: 2rem">
      <h2 id={`${anchor}-h`} style="margin-top: 0">
        {item.number}. {item.item.heading}
        <ExampleMark ctx={live.ctx} origin={item.item.origin} />
        {item.isCurrent && <span class="badge" style="margin-left: .5rem">{t('live.item.current')}</span>}
      </h2>
      <InlineError live={live} anchor={anchor} />
      <dl class="facts">
        {item.caseNumber && (
          <>
            <dt>{t('live.item.caseNumber')}</dt>
            <dd>{item.caseNumber}</dd>
          </>
        )}
        <dt>{t('live.item.kind')}</dt>
        <dd>{t(`live.kind.${item.item.kind}`)}</dd>
        <dt>{t('live.item.status')}</dt>
        <dd>
          <strong>{statusText(live, item)}</strong>
          {item.item.decidedBy && <> ({t(`live.decidedBy.${item.item.decidedBy}`)})</>}
          {item.item.immediateJustering && <> · {t('live.justering.on')}</>}
        </dd>
        <dt>{t('live.item.quorum')}</dt>
        <dd>
          <QuorumText ctx={live.ctx} quorum={item.quorum} seats={view.seats} vacancies={view.vacancies} />
        </dd>
        <dt>{t('live.item.presiding')}</dt>
        <dd>{item.presiding ? t(`live.presiding.${item.presiding.basis}`, { name: item.presiding.name }) : t('live.presiding.none')}</dd>
        {item.item.decisionText && (
          <>
            <dt>{t('live.item.decision')}</dt>
            <dd style="white-space: pre-line">{item.item.decisionText}</dd>
          </>
        )}
      </dl>
      <History live={live} item={item} />
      {item.item.proposal.trim() && (
        <>
          <h3>{t('live.item.proposal')}</h3>
          <Paragraphs text={item.item.proposal} />
        </>
      )}
      <details open={item.isCurrent || failedHere || item.item.id === view.lastHandledId}>
        <summary>{pending && live.editable ? t('live.item.handle') : t('live.item.handling')}</summary>
        <Jav live={live} item={item} view={view} pending={pending} />
        <Motions live={live} item={item} pending={pending} />
        <Propositions live={live} item={item} pending={pending} />
        {item.votes.map((v, i) => (
          <VoteResult ctx={live.ctx} vote={v} number={i + 1} />
        ))}
        {item.elections.map((e) => (
          <ElectionResultView ctx={live.ctx} election={e} />
        ))}
        <Decision live={live} item={item} view={view} />
        <Reservations live={live} item={item} view={view} />
        {live.editable && (
          <details open={Boolean(item.item.protocolNotes) || (failedHere && ['anteckning', 'omedelbar-justering'].includes(live.failure?.form ?? ''))} style="margin-top: 1rem">
            <summary>{t('live.notes.heading')}</summary>
            <ProtocolForms live={live} item={item} />
          </details>
        )}
        {!live.editable && item.item.protocolNotes && (
          <>
            <h3>{t('live.notes.heading')}</h3>
            <Paragraphs text={item.item.protocolNotes} />
          </>
        )}
      </details>
    </section>
  );
}
