/** The protokollsutdrag page of one paragraph: make the extract, send it, and its delivery log. */
import { ErrorSummary, PostForm, type FormState, TextAreaField } from '../../platform/views/forms.js';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { RecipientChoices } from './extract-recipients.pages.js';
import type { ExtractView } from './protocol-files.service.js';
import { DataTable } from '../../platform/views/data-table.js';

export function ExtractPage({ ctx, view, state }: { ctx: ViewContext; view: ExtractView; state: FormState }) {
  const { t } = ctx;
  const protocolHref = `/moten/${view.meetingId}/protokoll`;
  const base = `${protocolHref}/paragraf/${view.paragraphId}/utdrag`;
  const latest = new Map<string, string>();
  for (const entry of view.log) if (!latest.has(entry.recipient)) latest.set(entry.recipient, entry.status);
  const anyFailed = [...latest.values()].includes('failed');
  return (
    <Layout ctx={ctx} title={t('protocol.extract.page', { number: view.label, heading: view.heading })} back={{ href: `${protocolHref}#paragraf-${view.paragraphId}`, label: t('protocol.backToProtocol') }}>
      <ErrorSummary ctx={ctx} state={state} />
      {view.hasExtract ? (
        <p>
          <a href={`${base}.pdf`}>{t('protocol.extract.download')}</a>
        </p>
      ) : (
        <p>{t('protocol.extract.none')}</p>
      )}
      <PostForm ctx={ctx} action={base} class="actions">
        <button type="submit" class="secondary">
          {t('protocol.extract.create')}
        </button>
      </PostForm>
      <h2>{t('protocol.extract.send')}</h2>
      <PostForm ctx={ctx} action={`${base}/skicka`}>
        <RecipientChoices ctx={ctx} choices={view.choices} chosen={new Set((state.values.to ?? '').split('\n'))} />
        <TextAreaField ctx={ctx} state={state} name="recipients" label={t('protocol.extract.otherRecipients')} hint={t('protocol.extract.recipientsHint')} rows={2} />
        <button type="submit">{t('protocol.extract.send')}</button>
      </PostForm>
      <h2>{t('protocol.extract.log')}</h2>
      {view.log.length === 0 ? (
        <p>{t('protocol.extract.noLog')}</p>
      ) : (
        <DataTable caption={t('protocol.extract.log')} columns={[t('protocol.extract.recipient'), t('protocol.extract.status'), t('protocol.extract.error')]}>
          {view.log.map((entry) => (
            <tr>
              <td>{entry.recipient}</td>
              <td>{entry.status}</td>
              <td>{entry.error ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {anyFailed && (
        <PostForm ctx={ctx} action={`${base}/forsok-igen`} class="actions">
          <button type="submit" class="secondary">
            {t('protocol.extract.retry')}
          </button>
        </PostForm>
      )}
    </Layout>
  );
}
