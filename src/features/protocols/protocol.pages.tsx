/** The protocol as HTML, laid out like the committee's protocols (seed 2022-12-14), and its draft forms. */
import { Corrections } from './correction.pages.js';
import type { CorrectionView } from './correction.service.js';
import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, TextAreaField } from '../../platform/views/forms.js';
import type { ProtocolService } from './protocol.service.js';
import { Header, Paragraph } from './paragraph.view.js';
import { can } from '../../platform/auth/policy.js';
import { publicHeadingOf } from '../../domain/index.js';
import type { ComponentChildren } from 'preact';
import type { ProtocolParagraphRow } from './protocols.tables.js';

type ProtocolView = Awaited<ReturnType<ProtocolService['view']>>;

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
        <TextAreaField ctx={ctx} state={{ values: { recipients }, errors: [] }} name="recipients" label={t('protocol.extract.recipients')} hint={t('protocol.extract.recipientsHint')} rows={3} />
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
        <Paragraph ctx={ctx} doc={doc} p={p}>
          {canExtract && <ExtractForms ctx={ctx} base={`${base}/paragraf/${p.id}/utdrag`} />}
          {editable && (
            <p class="actions">
              <a class="button secondary" href={`${base}/paragraf/${p.id}`}>
                {t('protocol.edit')}
                <span class="visually-hidden"> {p.heading}</span>
              </a>
            </p>
          )}
        </Paragraph>
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
        <TextAreaField ctx={ctx} state={state} name="otherPresent" label={t('protocol.otherPresent')} rows={3} />
        <TextField ctx={ctx} state={state} name="justeringPlace" label={t('protocol.justeringPlace')} />
        <TextField ctx={ctx} state={state} name="justeringDate" label={t('protocol.justeringDate')} type="date" />
        <button type="submit">{t('protocol.save')}</button>
      </PostForm>
    </Layout>
  );
}

export function paragraphFormValues(p: ProtocolParagraphRow): Record<string, string> {
  return { heading: p.heading, publicHeading: p.publicHeading ?? '', decision: p.decision, summary: p.summary, handling: p.handling, recipients: p.recipients.join('\n') };
}

export function ParagraphFormPage({ ctx, meetingId, paragraph, state }: { ctx: ViewContext; meetingId: string; paragraph: ProtocolParagraphRow; state: FormState }) {
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
        <TextAreaField ctx={ctx} state={state} name="decision" label={t('protocol.decision')} hint={t('protocol.decisionHint')} rows={5} />
        <TextAreaField ctx={ctx} state={state} name="summary" label={t('protocol.summary')} rows={8} />
        <TextAreaField ctx={ctx} state={state} name="handling" label={t('protocol.handling')} hint={t('protocol.recordHint')} rows={5} />
        <TextAreaField ctx={ctx} state={state} name="recipients" label={t('protocol.recipients')} hint={t('protocol.recipientsHint')} rows={3} />
        <button type="submit">{t('protocol.save')}</button>
      </PostForm>
    </Layout>
  );
}
