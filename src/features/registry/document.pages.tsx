import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import { swedishDate } from '../../platform/clock.js';
import { DIRECTIONS, SECRECY_STATES, SECURITY_CLASSES } from './registry.schema.js';
import { ACCEPTED_EXTENSIONS } from './files/file-types.js';
import type { PresentedDocument } from './secrecy.js';
import { ChangeHistory, ProvisionList } from './registry-edit.pages.js';
import { type DocumentDetail, directionLabel, Fact, FieldGroup, FileField, FileTable, megabytes, RadioGroup, SecrecyBadge } from './registry.views.js';

export type { DocumentDetail } from './registry.views.js';

const ACCEPT = ACCEPTED_EXTENSIONS.join(',');

/** The values a new document's form starts with. */
export const newDocumentDefaults = (today: string) => ({ direction: 'incoming', documentDate: today, secrecy: 'public', securityClass: 'Öppen' });

export function NewDocumentPage(props: { ctx: ViewContext; caseInfo: { id: string; caseNumber: string; title: string }; state: FormState; maxFileBytes: number }) {
  const { ctx, state, caseInfo } = props;
  const { t } = ctx;
  const back = `/arenden/${caseInfo.id}`;
  const labels = {
    direction: t('registry.doc.direction'),
    documentDate: t('registry.doc.date'),
    counterpart: t('registry.doc.counterpart'),
    description: t('registry.doc.description'),
    secrecy: t('registry.doc.secrecy'),
    secrecyProvision: t('registry.doc.provision'),
    secrecyMarkedOn: t('registry.doc.markedOn'),
    publicDescription: t('registry.doc.publicDescription'),
    securityClass: t('registry.doc.securityClass'),
    file: t('registry.doc.file'),
  };
  return (
    <Layout ctx={ctx} title={t('registry.doc.newTitle', { number: caseInfo.caseNumber })} back={{ href: back, label: caseInfo.title }}>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={`/arenden/${caseInfo.id}/ny-handling`} multipart>
        <RadioGroup ctx={ctx} state={state} name="direction" legend={labels.direction} options={DIRECTIONS.map((d) => ({ value: d, label: directionLabel(ctx, d) }))} />
        <TextField ctx={ctx} state={state} name="documentDate" label={labels.documentDate} hint={t('registry.doc.dateHint')} type="date" required />
        <TextField ctx={ctx} state={state} name="counterpart" label={labels.counterpart} hint={t('registry.doc.counterpartHint')} />
        <TextField ctx={ctx} state={state} name="description" label={labels.description} hint={t('registry.doc.descriptionHint')} required />
        <RadioGroup
          ctx={ctx}
          state={state}
          name="secrecy"
          legend={labels.secrecy}
          options={SECRECY_STATES.map((s) => ({ value: s, label: t(`registry.secrecy.${s}`), hint: t(`registry.secrecy.${s}Hint`) }))}
        />
        <FieldGroup legend={t('registry.doc.secrecyFields')} hint={t('registry.doc.secrecyFieldsHint')} id="secrecy-fields">
          <TextField ctx={ctx} state={state} name="secrecyProvision" label={labels.secrecyProvision} hint={t('registry.doc.provisionHint')} list="osl-provisions" />
          <ProvisionList ctx={ctx} />
          <TextField ctx={ctx} state={state} name="secrecyMarkedOn" label={labels.secrecyMarkedOn} hint={t('registry.doc.markedOnHint')} type="date" />
          <TextField ctx={ctx} state={state} name="publicDescription" label={labels.publicDescription} hint={t('registry.doc.publicDescriptionHint')} />
        </FieldGroup>
        <SelectField ctx={ctx} state={state} name="securityClass" label={labels.securityClass} required options={SECURITY_CLASSES.map((c) => ({ value: c, label: c }))} />
        <FileField ctx={ctx} state={state} name="file" label={labels.file} hint={t('registry.doc.fileHint', { mb: megabytes(props.maxFileBytes) })} accept={ACCEPT} />
        <FormActions ctx={ctx} submit={t('registry.doc.register')} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

/** The secrecy marking in words: provision, date and who marked it (OSL 5:5). */
export function secrecyText(ctx: ViewContext, doc: PresentedDocument): string {
  const { t } = ctx;
  if (doc.secrecy !== 'secret') return t(`registry.secrecy.${doc.secrecy}`);
  const marked = doc.secrecyMarkedOn ? `, ${t('registry.doc.markedOnShort', { date: doc.secrecyMarkedOn })}` : '';
  return `${t('registry.doc.secretUnder', { provision: doc.secrecyProvision ?? '' })}${marked}`;
}

/** The registry entry of a document; `publicView` leaves out who marked it and the internal security class. */
export function DocumentFacts({ ctx, doc, caseLink, publicView = false }: { ctx: ViewContext; doc: PresentedDocument; caseLink: { href: string; label: string }; publicView?: boolean }) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <Fact term={t('registry.doc.hid')}>{doc.handlingId}</Fact>
      <Fact term={t('registry.doc.case')}>
        <a href={caseLink.href}>{caseLink.label}</a>
      </Fact>
      <Fact term={t('registry.doc.date')}>{doc.documentDate}</Fact>
      <Fact term={t('registry.doc.direction')}>{directionLabel(ctx, doc.direction)}</Fact>
      <Fact term={t('registry.doc.counterpart')}>{doc.counterpart}</Fact>
      <Fact term={t('registry.doc.description')}>
        {doc.description}
        <ExampleMark ctx={ctx} origin={doc.origin} />
      </Fact>
      <Fact term={t('registry.doc.secrecy')}>
        <SecrecyBadge ctx={ctx} secrecy={doc.secrecy} /> {doc.secrecy === 'secret' ? secrecyText(ctx, doc) : ''}
      </Fact>
      {doc.secrecy === 'secret' && !publicView && <Fact term={t('registry.doc.markedBy')}>{doc.secrecyMarkedBy}</Fact>}
      {!publicView && <Fact term={t('registry.doc.securityClass')}>{doc.securityClass}</Fact>}
      <Fact term={t('registry.doc.registeredAt')}>{swedishDate(new Date(doc.registeredAt))}</Fact>
      {doc.disposal && <Fact term={t('registry.doc.disposed')}>{t('registry.doc.disposedText', { date: doc.disposal.disposedOn, reference: doc.disposal.reference })}</Fact>}
    </dl>
  );
}

export function DocumentPage(props: { ctx: ViewContext; detail: DocumentDetail; versionState: FormState; maxFileBytes: number }) {
  const { ctx, detail, versionState } = props;
  const { t } = ctx;
  const doc = detail.document;
  const caseHref = `/arenden/${detail.case.id}`;
  return (
    <Layout ctx={ctx} title={t('registry.doc.title', { hid: doc.handlingId })} back={{ href: caseHref, label: detail.case.title }}>
      {doc.access === 'entry' && <p class="notice">{t('registry.doc.secretEntry')}</p>}
      <DocumentFacts ctx={ctx} doc={doc} caseLink={{ href: caseHref, label: `${detail.caseNumber} ${detail.case.title}` }} />
      {detail.canWrite && doc.access === 'full' && (
        <p class="actions">
          {detail.case.status === 'open' ? (
            <a class="button secondary" href={`/handlingar/${doc.id}/andra`}>
              {t('registry.edit.link')}
            </a>
          ) : (
            <span class="hint">{t('registry.edit.closedHint')}</span>
          )}
        </p>
      )}
      {doc.access === 'full' && (
        <>
          <h2>{t('registry.doc.files')}</h2>
          {doc.disposal ? <p>{t('registry.doc.filesDisposed', { date: doc.disposal.disposedOn })}</p> : <FileTable ctx={ctx} files={doc.files} />}
          {detail.canWrite && !doc.disposal && (
            <section aria-labelledby="new-version">
              <h3 id="new-version">{t('registry.doc.newVersion')}</h3>
              <ErrorSummary ctx={ctx} state={versionState} labels={{ file: t('registry.doc.file') }} />
              <PostForm ctx={ctx} action={`/handlingar/${doc.id}/ny-version`} multipart>
                <FileField ctx={ctx} state={versionState} name="file" label={t('registry.doc.file')} hint={t('registry.doc.newVersionHint', { mb: megabytes(props.maxFileBytes) })} accept={ACCEPT} required />
                <button type="submit">{t('registry.doc.upload')}</button>
              </PostForm>
            </section>
          )}
        </>
      )}
      <ChangeHistory ctx={ctx} entity="document" changes={detail.changes} />
    </Layout>
  );
}
