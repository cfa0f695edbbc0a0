/**
 * The protocol's parts as HTML, one component each for every page that shows them (the protocol
 * page, the justering review, the public portal), laid out like the committee's protocols (seed
 * 2022-12-14).
 */
import type { ComponentChildren } from 'preact';
import type { ViewContext } from '../../platform/views/context.js';
import { countText } from '../../platform/i18n/plural.js';
import { Lines } from '../../platform/views/text.js';
import { javLine, justeringRows, servedLine, type ProtocolDocument, type ProtocolParagraph } from './protocol.model.js';
import { genitive } from './protocol-build.js';
import { basisLine, motionSentence, propositionSentence, withoutFullStop } from './protocol-wording.js';
import { HeadedList } from '../../platform/views/list-or-none.js';

/** The protocol's facts: place and time, who served, who else was there, secretary, chair, adjuster, justering. */
export function Header({ ctx, doc }: { ctx: ViewContext; doc: ProtocolDocument }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t('protocol.place')}</dt>
      <dd>
        {doc.place}, {doc.meetingDate} {doc.endTime ? `${doc.startTime}–${doc.endTime}` : doc.startTime}
      </dd>
      <dt>{t('protocol.served')}</dt>
      <dd>
        <ul>
          {doc.served.map((p) => (
            <li>{servedLine(doc, p)}</li>
          ))}
        </ul>
      </dd>
      {doc.otherPresent.trim() && (
        <>
          <dt>{t('protocol.otherPresent')}</dt>
          <dd style="white-space: pre-line">{doc.otherPresent}</dd>
        </>
      )}
      <dt>{t('protocol.secretary')}</dt>
      <dd>{doc.secretary || '–'}</dd>
      <dt>{t('protocol.chair')}</dt>
      <dd>{doc.chair ?? '–'}</dd>
      <dt>{t('protocol.adjuster')}</dt>
      <dd>{doc.adjuster ?? '–'}</dd>
      {justeringRows(doc).map((row) => (
        <>
          <dt>{t(`protocol.${row.label}`)}</dt>
          <dd>{row.value}</dd>
        </>
      ))}
    </dl>
  );
}

/**
 * A motion as a page shows it: in Swedish the protocol's own sentence ("… yrkar avslag på
 * förslaget."), in English its mover and kind ("Anna Berg – Rejection: …"); a motion from before
 * motions were typed as "name moves: text".
 */
export function motionLine(ctx: Pick<ViewContext, 'locale' | 't'>, m: ProtocolParagraph['record']['motions'][number]): string {
  if (ctx.locale === 'sv') return motionSentence(m);
  if (!m.kind) return ctx.t('protocol.record.motion', { name: m.by, text: m.text });
  const text = m.text.trim();
  return `${ctx.t('live.motion.typedEntry', { name: m.by, kind: ctx.t(`live.motionKind.${m.kind}`) })}${text ? `: ${text}` : ''}`;
}

function Record({ ctx, p, shortName }: { ctx: ViewContext; p: ProtocolParagraph; shortName: string }) {
  const { t } = ctx;
  const r = p.record;
  const entries: string[] = [
    ...r.motions.map((m) => motionLine(ctx, m)),
    // Swedish: the chair's proposition in the protocol's own sentence (seed 2022-12-14).
    ...r.propositions.map((x) => (ctx.locale === 'sv' ? propositionSentence(x, shortName) : t('protocol.record.proposition', { text: x.text, outcome: t(`protocol.record.${x.outcome}`) }))),
  ];
  return (
    <>
      {r.jav.map((entry) => (
        <p>{javLine(entry)}</p>
      ))}
      {entries.length > 0 && (
        <ul class="record">
          {entries.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      )}
      {r.votes.map((v) => (
        <div class="vote">
          <p>
            {t('protocol.record.vote', { yes: withoutFullStop(v.yesMeans), no: withoutFullStop(v.noMeans), y: v.yes, n: v.no, a: v.abstain })}
            {v.decidedByCastingVote && <> {t('protocol.record.casting')}</>}
            {v.lotteryResult && <> {t('protocol.record.lottery', { result: v.lotteryResult })}</>}
          </p>
          {v.ballots.length > 0 && (
            <ul>
              {v.ballots.map((b) => (
                <li>
                  {b.name}, {b.municipality}: {t(`protocol.record.ballot.${b.choice}`)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {(r.elections ?? []).map((e) => (
        <div class="vote">
          <p>{e.closedBallot ? t('protocol.record.electionClosed') : t('protocol.record.election')}</p>
          <ul>
            {e.candidates.map((c) => (
              <li>{t('protocol.record.electionVotes', { name: c.name, votes: c.votes })}</li>
            ))}
          </ul>
          {e.lottery && <p>{countText(ctx, 'protocol.record.electionLottery', e.lottery.places, { among: e.lottery.among.join(', '), drawn: e.lottery.drawn.join(', ') })}</p>}
          <p>{t('protocol.record.elected', { names: e.elected.join(', ') })}</p>
          {e.ballots.length > 0 && (
            <ul>
              {e.ballots.map((b) => (
                <li>
                  {b.name}, {b.municipality}: {b.candidate ?? t('protocol.record.ballot.abstain')}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {r.reservations.map((x) => (
        <>
          <p>{t('protocol.record.reservation', { name: x.name })}</p>
          {x.reason && <p style="white-space: pre-line">{x.reason}</p>}
        </>
      ))}
      {r.notes.trim() && r.notes.trim() !== p.handling.trim() && <Lines text={r.notes} />}
    </>
  );
}

/**
 * One paragraph of a protocol as every page shows it: the protocol page, the justering review and
 * the public portal. `anchor` prefixes its id (the portal's links use `p-`); `children` come after
 * it (the secretary's edit link, the extract forms).
 */
export function Paragraph(props: { ctx: ViewContext; doc: ProtocolDocument; p: ProtocolParagraph; anchor?: string; children?: ComponentChildren }) {
  const { ctx, doc, p, anchor = 'paragraf-', children } = props;
  const { t } = ctx;
  const number = p.number === null ? t('protocol.unnumbered') : `§ ${p.number}`;
  const body = ctx.locale === 'sv' ? genitive(doc.letterhead.shortName) : doc.letterhead.shortName;
  const hasRecord = p.record.motions.length + p.record.propositions.length + p.record.votes.length + (p.record.elections?.length ?? 0) + p.record.reservations.length + p.record.jav.length > 0 || p.record.notes.trim() !== '';
  return (
    <section class="paragraph" id={`${anchor}${p.id}`} aria-labelledby={`h-${p.id}`}>
      <h2 id={`h-${p.id}`}>
        <span class="paragraph-number">{number}</span> {p.heading}
      </h2>
      {p.caseNumber && <p>{t('protocol.caseNumber', { number: p.caseNumber })}</p>}
      {p.secrecyProvision && <p class="warning">{t('protocol.secret', { provision: p.secrecyProvision })}</p>}
      {p.decision.trim() && (
        <>
          <h3>{t(p.tabled ? 'protocol.proposalOf' : 'protocol.decisionOf', { body })}</h3>
          <Lines text={p.decision} />
        </>
      )}
      {p.summary.trim() && (
        <>
          <h3>{t('protocol.summary')}</h3>
          <Lines text={p.summary} />
        </>
      )}
      {(p.handling.trim() || hasRecord) && (
        <>
          <h3>{t('protocol.handling')}</h3>
          <Lines text={p.handling} />
          <Record ctx={ctx} p={p} shortName={doc.letterhead.shortName} />
        </>
      )}
      {p.decisionBasis.length > 0 && (
        <>
          <h3>{t('protocol.basis')}</h3>
          <ul>
            {p.decisionBasis.map((b) => (
              <li>{basisLine(b, doc.letterhead.registryCode)}</li>
            ))}
          </ul>
        </>
      )}
      <HeadedList heading={t('protocol.recipients')} items={p.recipients} />
      {p.immediateJustering && <p>{t('protocol.immediate')}</p>}
      {children}
    </section>
  );
}
