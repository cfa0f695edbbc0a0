import { ProvisionList } from '../../registry/registry-edit.pages.js';
import { ConfirmPage } from '../../../platform/views/confirm-page.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { CsrfField, Layout } from '../../../platform/views/layout.js';
import { CheckboxField, ErrorSummary, PostForm, TextField, type FormState, TextAreaField, FormActions } from '../../../platform/views/forms.js';
import { ExampleMark } from '../../../platform/views/example-data.js';
import { RadioGroup } from '../../registry/registry.views.js';
import { AGENDA_ITEM_KINDS, proposalBlocks } from './agenda.schema.js';
import { meetingWhen, type AgendaService, type PresentedAgendaItem } from './agenda.service.js';
import { countText } from '../../../platform/i18n/plural.js';
import type { AgendaItemRow } from '../meetings.tables.js';
import { HeadedList } from '../../../platform/views/list-or-none.js';

type Agenda = Awaited<ReturnType<AgendaService['getAgenda']>>;
type FormOptions = Awaited<ReturnType<AgendaService['formOptions']>>;

export const agendaPath = (meetingId: string) => `/moten/${meetingId}/dagordning`;

export function kindLabel(ctx: ViewContext, kind: AgendaItemRow['kind']): string {
  return ctx.t(`agenda.kind.${kind}`);
}

/** A proposal with its numbered points kept as numbered points ("1. …"). */
export function Proposal({ text }: { text: string }) {
  return (
    <>
      {proposalBlocks(text).map((b) =>
        b.kind === 'paragraph' ? (
          <p>{b.text}</p>
        ) : (
          <p class="proposal-point" style="display:flex;gap:.5rem">
            <span>{b.number}.</span>
            <span>{b.text}</span>
          </p>
        ),
      )}
    </>
  );
}

function ItemBody({ ctx, item }: { ctx: ViewContext; item: PresentedAgendaItem }) {
  const { t } = ctx;
  if (item.restricted) return <p class="notice">{t('agenda.restricted')}</p>;
  return (
    <>
      {item.proposal && (
        <>
          <h3>{t('agenda.proposal')}</h3>
          <Proposal text={item.proposal} />
        </>
      )}
      {item.summary && (
        <>
          <h3>{t('agenda.summary')}</h3>
          {item.summary.split(/\n{2,}/).map((p) => (
            <p>{p}</p>
          ))}
        </>
      )}
      {(item.documents.length > 0 || item.hiddenDocuments > 0) && <h3>{t('agenda.basis')}</h3>}
      {item.documents.length > 0 && (
        <ul>
          {item.documents.map((d) => (
            <li>
              <a href={`/handlingar/${d.id}`}>{d.description}</a>, Hid: {d.handlingId}
              {d.secrecy !== 'public' && <> <span class="badge">{t(`agenda.secrecy.${d.secrecy}`)}</span></>}
            </li>
          ))}
        </ul>
      )}
      {item.hiddenDocuments > 0 && <p class="hint">{countText(ctx, 'agenda.hiddenDocuments', item.hiddenDocuments)}</p>}
      <HeadedList heading={t('agenda.recipients')} items={item.recipients} />
    </>
  );
}

/** app.css has no disabled look; the script keeps this in step when it changes `disabled`. */
const dimmed = (disabled: boolean) => (disabled ? 'opacity:.45;cursor:not-allowed' : undefined);

function ItemTools({ ctx, meetingId, item, first, last }: { ctx: ViewContext; meetingId: string; item: PresentedAgendaItem; first: boolean; last: boolean }) {
  const { t } = ctx;
  const base = `${agendaPath(meetingId)}/${item.id}`;
  return (
    <div class="actions">
      <form method="post" action={`${base}/flytta`} class="inline-form">
        <CsrfField ctx={ctx} />
        <button type="submit" name="direction" value="up" class="secondary" data-move="up" disabled={first} style={dimmed(first)} aria-label={`${t('agenda.moveUp')}: ${item.heading}`}>
          {t('agenda.moveUp')}
        </button>{' '}
        <button type="submit" name="direction" value="down" class="secondary" data-move="down" disabled={last} style={dimmed(last)} aria-label={`${t('agenda.moveDown')}: ${item.heading}`}>
          {t('agenda.moveDown')}
        </button>
      </form>
      {item.status === 'pending' && (
        <>
          <a href={`${base}/andra`} aria-label={`${t('common.edit')}: ${item.heading}`}>
            {t('common.edit')}
          </a>
          <a href={`${base}/ta-bort`} aria-label={`${t('common.delete')}: ${item.heading}`}>
            {t('common.delete')}
          </a>
        </>
      )}
    </div>
  );
}

export function AgendaPage({ ctx, agenda }: { ctx: ViewContext; agenda: Agenda }) {
  const { t } = ctx;
  const { meeting, body, items, canEdit } = agenda;
  const when = meetingWhen(meeting, ctx.locale);
  const reorder = canEdit && items.length > 1;
  return (
    <Layout ctx={ctx} title={t('agenda.title', { body: body.name, date: when.date })} back={{ href: `/moten/${meeting.id}`, label: t('agenda.backToMeeting') }}>
      <dl class="facts">
        <dt>{t('agenda.when')}</dt>
        <dd>{`${when.longDate} ${t('agenda.at')} ${when.time}`}</dd>
        <dt>{t('agenda.place')}</dt>
        <dd>
          {meeting.place}
          <ExampleMark ctx={ctx} origin={meeting.origin} detail />
        </dd>
      </dl>
      {meeting.status === 'closed' && <p class="notice">{t('agenda.closed')}</p>}
      <p class="actions">
        {canEdit && (
          <a class="button" href={`${agendaPath(meeting.id)}/ny`}>
            {t('agenda.add')}
          </a>
        )}
        {agenda.mayPlan && (
          <a class="button secondary" href={`/moten/${meeting.id}/kallelse`}>
            {t('notice.title')}
          </a>
        )}
        <a href={`/moten/${meeting.id}/kallelse.pdf`}>{t('notice.pdfLink')}</a>
      </p>
      {items.length === 0 && <p>{t('agenda.empty')}</p>}
      {reorder && (
        <p class="hint" id="agenda-reorder-help">
          {t('agenda.reorderHelp')}
        </p>
      )}
      <ol class="agenda" style="list-style:none;padding:0" data-reorder-url={reorder ? `${agendaPath(meeting.id)}/ordning` : undefined} aria-describedby={reorder ? 'agenda-reorder-help' : undefined}>
        {items.map((item, index) => (
          <li id={`punkt-${item.id}`} data-item-id={item.id} style="border-top:1px solid #ccc;padding:.5rem 0">
            <h2 id={`rubrik-${item.id}`}>
              <span data-position>{item.position}</span>. {item.restricted ? t('agenda.restrictedHeading') : item.heading}
            </h2>
            <p>
              <span class="badge">{kindLabel(ctx, item.kind)}</span>
              {item.caseNumber && item.caseId && (
                <>
                  {' '}
                  {t('agenda.caseNumber')} <a href={`/arenden/${item.caseId}`}>{item.caseNumber}</a>
                </>
              )}
              {item.isSecret && <> <span class="badge">{t('agenda.secretItem')}</span></>}
              {item.secrecyProvision && <> {t('registry.doc.secretUnder', { provision: item.secrecyProvision })}</>}
              {item.status !== 'pending' && <> <span class="badge">{t(`agenda.status.${item.status}`)}</span></>}
              <ExampleMark ctx={ctx} origin={item.origin} />
            </p>
            <ItemBody ctx={ctx} item={item} />
            {canEdit && <ItemTools ctx={ctx} meetingId={meeting.id} item={item} first={index === 0} last={index === items.length - 1} />}
          </li>
        ))}
      </ol>
      {reorder && (
        <>
          <p id="agenda-reorder-status" role="status" aria-live="polite" data-saved={t('agenda.orderSaved')} data-failed={t('agenda.orderFailed')} />
          <script src="/static/agenda-reorder.js" defer />
        </>
      )}
    </Layout>
  );
}

/** Add or edit an item: first choose the case (a GET form, works without JS), then the item itself. */
export function ItemFormPage(props: { ctx: ViewContext; title: string; action: string; state: FormState; options: FormOptions }) {
  const { ctx, state, options } = props;
  const { t } = ctx;
  const back = agendaPath(options.meeting.id);
  const checked = new Set((state.values.documentIds ?? '').split(',').filter(Boolean));
  const labels = { caseId: t('agenda.case'), kind: t('agenda.kind'), heading: t('agenda.heading'), proposal: t('agenda.proposal'), summary: t('agenda.summary'), documentIds: t('agenda.caseDocuments'), otherHids: t('agenda.otherHids'), recipients: t('agenda.recipients') };
  const chosen = options.chosenCase;
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: back, label: t('agenda.back') }}>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <h2>{t('agenda.step.case')}</h2>
      <form method="get" action={ctx.path} class="field">
        <label for="f-arende">{t('agenda.chooseCase')}</label>
        <p class="hint" id="h-arende">
          {t('agenda.chooseCaseHint')}
        </p>
        <div class="list-search">
          <select id="f-arende" name="arende" aria-describedby="h-arende">
            <option value="">{t('agenda.noCase')}</option>
            {options.cases.map((c) => (
              <option value={c.id} selected={c.id === chosen?.id}>{`${c.caseNumber} ${c.title}`}</option>
            ))}
          </select>
          <button type="submit" class="secondary">
            {t('agenda.useCase')}
          </button>
        </div>
      </form>
      <h2>{t('agenda.step.item')}</h2>
      <PostForm ctx={ctx} action={props.action}>
        <input type="hidden" name="caseId" value={chosen?.id ?? ''} />
        <p id="f-caseId" class="notice">{chosen ? t('agenda.chosenCase', { number: chosen.caseNumber, title: chosen.title }) : t('agenda.freeStanding')}</p>
        <RadioGroup ctx={ctx} state={state} name="kind" legend={labels.kind} options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} />
        <TextField ctx={ctx} state={state} name="heading" label={labels.heading} required />
        <TextAreaField ctx={ctx} state={state} name="proposal" label={labels.proposal} hint={t('agenda.proposalHint')} rows={6} />
        <TextAreaField ctx={ctx} state={state} name="summary" label={labels.summary} rows={6} />
        {chosen && (
          <fieldset class="field" id="f-documentIds">
            <legend>{labels.documentIds}</legend>
            {options.caseDocuments.length === 0 && <p class="hint">{t('agenda.noCaseDocuments')}</p>}
            {options.caseDocuments.map((d) => (
              <div class="field--checkbox">
                <input type="checkbox" id={`f-doc-${d.id}`} name="documentIds" value={d.id} checked={checked.has(d.id)} />
                <label for={`f-doc-${d.id}`}>
                  {`Hid ${d.handlingId} – ${d.description}`}
                  {d.secrecy !== 'public' && <> <span class="badge">{t(`agenda.secrecy.${d.secrecy}`)}</span></>}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <TextField ctx={ctx} state={state} name="otherHids" label={labels.otherHids} hint={t('agenda.otherHidsHint')} />
        <TextAreaField ctx={ctx} state={state} name="recipients" label={labels.recipients} hint={t('agenda.recipientsHint')} rows={3} />
        <CheckboxField ctx={ctx} state={state} name="isSecret" label={t('agenda.isSecret')} />
        <TextField ctx={ctx} state={state} name="secrecyProvision" label={t('registry.doc.provision')} hint={t('agenda.provisionHint')} list="osl-provisions" />
        <ProvisionList ctx={ctx} />
        <TextField ctx={ctx} state={state} name="publicHeading" label={t('agenda.publicHeading')} hint={t('agenda.publicHeadingHint')} />
        <FormActions ctx={ctx} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

export function RemoveItemPage({ ctx, meetingId, item }: { ctx: ViewContext; meetingId: string; item: AgendaItemRow }) {
  const { t } = ctx;
  const back = agendaPath(meetingId);
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('agenda.removeTitle')}
      question={t('agenda.removeConfirm', { n: item.position, heading: item.heading })}
      action={`${back}/${item.id}/ta-bort`}
      back={back}
      backLabel={t('agenda.back')}
      confirmLabel={t('common.delete')}
    />
  );
}
