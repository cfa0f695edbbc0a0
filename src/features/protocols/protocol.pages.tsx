/** The protocol as HTML, laid out like the committee's protocols (seed 2022-12-14), and its draft forms. */
import { Corrections } from './correction.pages.js';
import type { CorrectionView } from './correction.service.js';
import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../platform/views/forms.js';
import { javLine, justeringRows, servedLine, type ProtocolDocument, type ProtocolParagraph } from './protocol.model.js';
import type { ProtocolService } from './protocol.service.js';
import type { ParagraphRow } from './protocol.repository.js';
import { genitive } from './protocol-build.js';
import { basisLine, motionSentence, propositionSentence, withoutFullStop } from './protocol-wording.js';
import { can } from '../../platform/auth/policy.js';
import { publicHeadingOf } from '../../domain/index.js';
import type { ComponentChildren } from 'preact';
import { countText } from '../../platform/i18n/plural.js';

type ProtocolView = Awaited<ReturnType<ProtocolService['view']>>;

export function TextArea(p: { ctx: ViewContext; state: FormState; name: string; label: string; hint?: string; rows?: number }) {
  const error = p.state.errors.find((e) => e.field === p.name);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`h-${p.name}`}>
          {p.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`e-${p.name}`}>
          {error.message[p.ctx.locale]}
        </p>
      )}
      <textarea id={`f-${p.name}`} name={p.name} rows={p.rows ?? 4} aria-invalid={error ? 'true' : undefined} aria-describedby={p.hint ? `h-${p.name}` : undefined}>
        {p.state.values[p.name] ?? ''}
      </textarea>
    </div>
  );
}

function Lines({ text }: { text: string }) {
  if (!text.trim()) return null;
  return <p style="white-space: pre-line">{text}</p>;
}

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
      <dd>{doc.secretary}</dd>
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

export function Paragraph(props: { ctx: ViewContext; doc: ProtocolDocument; p: ProtocolParagraph; editHref: string | null; extractBase?: string | null }) {
  const { ctx, doc, p, editHref, extractBase } = props;
  const { t } = ctx;
  const number = p.number === null ? t('protocol.unnumbered') : `§ ${p.number}`;
  const body = ctx.locale === 'sv' ? genitive(doc.letterhead.shortName) : doc.letterhead.shortName;
  const hasRecord = p.record.motions.length + p.record.propositions.length + p.record.votes.length + (p.record.elections?.length ?? 0) + p.record.reservations.length + p.record.jav.length > 0 || p.record.notes.trim() !== '';
  return (
    <section class="paragraph" id={`paragraf-${p.id}`} aria-labelledby={`h-${p.id}`}>
      <p class="paragraph-number">
        <strong>{number}</strong>
      </p>
      <h2 id={`h-${p.id}`}>{p.heading}</h2>
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
      {p.recipients.length > 0 && (
        <>
          <h3>{t('protocol.recipients')}</h3>
          <ul>
            {p.recipients.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      )}
      {p.immediateJustering && <p>{t('protocol.immediate')}</p>}
      {extractBase && <ExtractForms ctx={ctx} base={extractBase} />}
      {editHref && (
        <p class="actions">
          <a class="button secondary" href={editHref}>
            {t('protocol.edit')}
            <span class="visually-hidden"> {p.heading}</span>
          </a>
        </p>
      )}
    </section>
  );
}

/** Protokollsutdrag of one paragraph of a final protocol: make one, send it; the log is on …/utdrag. */
export function ExtractForms({ ctx, base, recipients = '' }: { ctx: ViewContext; base: string; recipients?: string }) {
  const { t } = ctx;
  return (
    <div class="extract">
      <PostForm ctx={ctx} action={base} class="actions">
        <button type="submit" class="secondary">
          {t('protocol.extract.create')}
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={`${base}/skicka`}>
        <TextArea ctx={ctx} state={{ values: { recipients }, errors: [] }} name="recipients" label={t('protocol.extract.recipients')} hint={t('protocol.extract.recipientsHint')} rows={3} />
        <button type="submit" class="secondary">
          {t('protocol.extract.send')}
        </button>
      </PostForm>
      <p>
        <a href={base}>{t('protocol.extract.logLink')}</a> · <a href={`${base}.pdf`}>{t('protocol.extract.download')}</a>
      </p>
    </div>
  );
}

export function ProtocolPage({ ctx, view, counterState, corrections = [], review }: { ctx: ViewContext; view: ProtocolView; counterState?: FormState; corrections?: CorrectionView[]; review?: ComponentChildren }) {
  const { t } = ctx;
  const base = `/moten/${view.meeting.id}/protokoll`;
  // A final protocol is shown as it was adjusted, under the body's name of that day.
  const title = t('protocol.title', { body: view.protocol?.row.status === 'final' ? view.protocol.document.bodyName : view.body.name, date: view.meeting.date });
  const back = { href: `/moten/${view.meeting.id}`, label: t('protocol.backToMeeting') };
  if (!view.protocol) {
    return (
      <Layout ctx={ctx} title={title} back={back}>
        <p>{t('protocol.none')}</p>
        {view.meeting.status !== 'closed' && <p>{t('protocol.notClosed')}</p>}
        {view.canCreate && (
          <PostForm ctx={ctx} action={base} class="actions">
            <button type="submit">{t('protocol.create')}</button>
          </PostForm>
        )}
      </Layout>
    );
  }
  const { row, document: doc } = view.protocol;
  const editable = view.canPlan && row.status === 'draft';
  const canExtract = row.status === 'final' && can(ctx.principal, 'protocol.extract', [view.body.organisationId]);
  const counter = counterState ?? { values: { lastNumber: String(view.counter ?? 0) }, errors: [] };
  return (
    <Layout ctx={ctx} title={title} back={back}>
      <p class="wrap-anywhere">
        {t('protocol.status')}: <strong>{t(`protocol.status.${row.status}`)}</strong>
        {row.canonicalSha256 && <> · {t('protocol.digest', { sha: row.canonicalSha256 })}</>}
        {/* The protocol of a meeting the demo invented. */}
        <ExampleMark ctx={ctx} origin={view.meeting.origin} />
      </p>
      <p>
        <strong>{doc.organisationName}</strong>
        {doc.bodyName !== doc.organisationName && <> · {doc.bodyName}</>}
      </p>
      {/* The comments from justering for the secretary (issue 18, review.pages.tsx). */}
      {review}
      <Header ctx={ctx} doc={doc} />
      {editable && (
        <p class="actions">
          <a class="button secondary" href={`${base}/andra`}>
            {t('protocol.editHeader')}
          </a>
        </p>
      )}
      {doc.paragraphs.length === 0 && <p>{t('protocol.noParagraphs')}</p>}
      {doc.paragraphs.map((p) => (
        <Paragraph ctx={ctx} doc={doc} p={p} editHref={editable ? `${base}/paragraf/${p.id}` : null} extractBase={canExtract ? `${base}/paragraf/${p.id}/utdrag` : null} />
      ))}
      {editable && (
        <>
          <section aria-labelledby="counter">
            <h2 id="counter">{t('protocol.counter', { year: view.year })}</h2>
            <ErrorSummary ctx={ctx} state={counter} />
            <PostForm ctx={ctx} action={`${base}/paragrafnummer`}>
              <TextField ctx={ctx} state={counter} name="lastNumber" label={t('protocol.counter', { year: view.year })} hint={t('protocol.counterHint')} inputMode="numeric" />
              <button type="submit" class="secondary">
                {t('protocol.counterSave')}
              </button>
            </PostForm>
            <p>{t('protocol.nextNumbers', { next: (view.counter ?? 0) + 1 })}</p>
          </section>
          <section aria-labelledby="lock">
            <h2 id="lock">{t('protocol.lock')}</h2>
            <p>{t('protocol.lockHint')}</p>
            <PostForm ctx={ctx} action={`${base}/las`} class="actions">
              <button type="submit">{t('protocol.lock')}</button>
            </PostForm>
          </section>
        </>
      )}
      {row.status === 'final' && <Corrections ctx={ctx} meetingId={view.meeting.id} corrections={corrections} form={view.canPlan ? doc : null} />}
      <p>
        <a href={`${base}.json`}>{t('protocol.json')}</a> · <a href={`${base}.pdf`}>{t('protocol.pdf')}</a>
        {row.status === 'final' && can(ctx.principal, 'publication.manage', [view.body.organisationId]) && <> · <a href={`/protokoll/${row.id}/anslag`}>{t('notices.link')}</a></>}
        {row.status === 'final' && row.sealedPdfSha256 && can(ctx.principal, 'registry.readSecret', [view.body.organisationId]) && (
          <>
            {' · '}
            <a href={`${base}.pdf?version=full`}>{t('protocol.pdfFull')}</a>
          </>
        )}
      </p>
    </Layout>
  );
}

export function headerFormValues(view: ProtocolView): Record<string, string> {
  const row = view.protocol?.row;
  if (!row) return {};
  return {
    otherPresent: row.otherPresent,
    justeringPlace: row.justeringPlace,
    justeringDate: row.justeringDate ?? '',
    chairPersonId: row.chairPersonId ?? '',
    adjusterPersonId: row.adjusterPersonId ?? '',
    secretaryName: row.secretaryName,
  };
}

export function HeaderFormPage({ ctx, view, state }: { ctx: ViewContext; view: ProtocolView; state: FormState }) {
  const { t } = ctx;
  const base = `/moten/${view.meeting.id}/protokoll`;
  const options = view.people.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Layout ctx={ctx} title={t('protocol.editHeader')} back={{ href: base, label: t('protocol.backToProtocol') }}>
      <ErrorSummary ctx={ctx} state={state} />
      <PostForm ctx={ctx} action={`${base}/andra`}>
        <SelectField ctx={ctx} state={state} name="chairPersonId" label={t('protocol.chair')} options={options} empty={t('protocol.noPerson')} />
        <SelectField ctx={ctx} state={state} name="adjusterPersonId" label={t('protocol.adjuster')} options={options} empty={t('protocol.noPerson')} />
        <TextField ctx={ctx} state={state} name="secretaryName" label={t('protocol.secretary')} />
        <TextArea ctx={ctx} state={state} name="otherPresent" label={t('protocol.otherPresent')} rows={3} />
        <TextField ctx={ctx} state={state} name="justeringPlace" label={t('protocol.justeringPlace')} />
        <TextField ctx={ctx} state={state} name="justeringDate" label={t('protocol.justeringDate')} type="date" />
        <button type="submit">{t('protocol.save')}</button>
      </PostForm>
    </Layout>
  );
}

export function paragraphFormValues(p: ParagraphRow): Record<string, string> {
  return { heading: p.heading, publicHeading: p.publicHeading ?? '', decision: p.decision, summary: p.summary, handling: p.handling, recipients: p.recipients.join('\n') };
}

export function ParagraphFormPage({ ctx, meetingId, paragraph, state }: { ctx: ViewContext; meetingId: string; paragraph: ParagraphRow; state: FormState }) {
  const { t } = ctx;
  const base = `/moten/${meetingId}/protokoll`;
  return (
    <Layout ctx={ctx} title={t('protocol.editParagraph', { heading: paragraph.heading })} back={{ href: `${base}#paragraf-${paragraph.id}`, label: t('protocol.backToProtocol') }}>
      <ErrorSummary ctx={ctx} state={state} />
      <PostForm ctx={ctx} action={`${base}/paragraf/${paragraph.id}`}>
        <TextField ctx={ctx} state={state} name="heading" label={t('protocol.heading')} required />
        {paragraph.secrecyProvision && (
          <TextField
            ctx={ctx}
            state={state}
            name="publicHeading"
            label={t('protocol.publicHeading')}
            hint={t('protocol.publicHeadingHint', { fallback: publicHeadingOf({ publicHeading: null, caseNumber: paragraph.caseNumber }) })}
          />
        )}
        <TextArea ctx={ctx} state={state} name="decision" label={t('protocol.decision')} hint={t('protocol.decisionHint')} rows={5} />
        <TextArea ctx={ctx} state={state} name="summary" label={t('protocol.summary')} rows={8} />
        <TextArea ctx={ctx} state={state} name="handling" label={t('protocol.handling')} hint={t('protocol.recordHint')} rows={5} />
        <TextArea ctx={ctx} state={state} name="recipients" label={t('protocol.recipients')} hint={t('protocol.recipientsHint')} rows={3} />
        <button type="submit">{t('protocol.save')}</button>
      </PostForm>
    </Layout>
  );
}
