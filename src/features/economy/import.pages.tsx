import { ConfirmPage } from '../../platform/views/confirm-page.js';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import { swedishStamp } from '../../platform/time-format.js';
import { FileField } from '../registry/registry.views.js';
import { formatOre, type PreviewRow } from './import.preview.js';
import type { ImportPreview } from './import.service.js';
import { IGNORE_CHOICE, type MappingChoice } from './import.schema.js';
import { rangesFor, rangeText } from './account-ranges.js';
import { DataTable } from '../../platform/views/data-table.js';

const ECONOMY = '/ekonomi';
const LIST = '/ekonomi/utfall';
const UPLOAD = '/ekonomi/utfall/importera';

export interface ImportListItem {
  id: string;
  year: number;
  format: 'sie4' | 'csv' | 'manual';
  fileName: string;
  periodTo: string;
  createdAt: Date;
  importedBy: string | null;
  entries: number;
}

const stamp = swedishStamp;

export function ImportListPage(props: { ctx: ViewContext; committee: string; imports: ImportListItem[]; canManage: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const columns: Column<ImportListItem>[] = [
    { key: 'imported', label: t('outcomeImport.col.imported'), rowHeader: true, text: (r) => stamp(r.createdAt), render: (r) => <a href={`${LIST}/${r.id}`}>{stamp(r.createdAt)}</a> },
    { key: 'year', label: t('outcomeImport.col.year'), text: (r) => r.year, numeric: true },
    { key: 'periodTo', label: t('outcomeImport.col.periodTo'), text: (r) => r.periodTo },
    { key: 'format', label: t('outcomeImport.col.format'), text: (r) => t(`outcomeImport.format.${r.format}`) },
    { key: 'file', label: t('outcomeImport.col.file'), text: (r) => r.fileName },
    { key: 'entries', label: t('outcomeImport.col.entries'), text: (r) => r.entries, numeric: true },
    { key: 'by', label: t('outcomeImport.col.by'), text: (r) => r.importedBy ?? '' },
  ];
  return (
    <Layout ctx={ctx} title={t('outcomeImport.listTitle')} back={{ href: ECONOMY, label: t('outcomeImport.economy') }}>
      <p>{t('outcomeImport.listIntro')}</p>
      {props.canManage && (
        <p class="actions">
          <a class="button" href={UPLOAD}>{t('outcomeImport.newImport')}</a>
        </p>
      )}
      <ListTable ctx={ctx} caption={`${t('outcomeImport.caption')} – ${props.committee}`} columns={columns} rows={props.imports} defaultSort="imported" searchId="imports" />
    </Layout>
  );
}

function FormatHelp({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="formats-heading">
      <h2 id="formats-heading">{t('outcomeImport.formatsTitle')}</h2>
      <p>{t('outcomeImport.formatsSie')}</p>
      <p>{t('outcomeImport.formatsCsv')}</p>
      <ul>
        <li><code>{t('outcomeImport.csvAccounts')}</code></li>
        <li><code>{t('outcomeImport.csvObjects')}</code></li>
      </ul>
    </section>
  );
}

export function UploadPage(props: { ctx: ViewContext; state: FormState; maxFileBytes: number }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const labels = { file: t('outcomeImport.file'), year: t('outcomeImport.year'), periodTo: t('outcomeImport.periodTo') };
  return (
    <Layout ctx={ctx} title={t('outcomeImport.uploadTitle')} back={{ href: LIST, label: t('outcomeImport.listTitle') }}>
      <p>{t('outcomeImport.uploadIntro')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={UPLOAD} multipart>
        <TextField ctx={ctx} state={state} name="year" label={labels.year} required inputMode="numeric" />
        <TextField ctx={ctx} state={state} name="periodTo" label={labels.periodTo} hint={t('outcomeImport.periodToHint')} />
        <FileField ctx={ctx} state={state} name="file" label={labels.file} hint={t('outcomeImport.fileHint')} accept=".se,.si,.sie,.csv,.txt,text/csv,text/plain" required />
        <button type="submit">{t('outcomeImport.readButton')}</button>
      </PostForm>
      <FormatHelp ctx={ctx} />
    </Layout>
  );
}

const rowName = (r: PreviewRow) => (r.account ? `${r.account}${r.costCentre ? ` / ${r.costCentre}` : ''}` : r.code);

function ReadFacts({ ctx, preview }: { ctx: ViewContext; preview: ImportPreview }) {
  const { t } = ctx;
  const { read, request } = preview;
  const sie = read.format === 'sie4';
  return (
    <section aria-labelledby="read-heading">
      <h2 id="read-heading">{t('outcomeImport.whatWasRead')}</h2>
      <dl class="facts">
        <dt>{t('outcomeImport.col.file')}</dt><dd>{request.fileName || '–'} ({t(`outcomeImport.format.${read.format}`)})</dd>
        <dt>{t('outcomeImport.encoding')}</dt><dd>{read.encoding}</dd>
        {read.company && <><dt>{t('outcomeImport.company')}</dt><dd>{read.company}</dd></>}
        {read.fiscalYear && <><dt>{t('outcomeImport.fiscalYear')}</dt><dd>{read.fiscalYear.start} – {read.fiscalYear.end}</dd></>}
        {sie && <><dt>{t('outcomeImport.vouchers')}</dt><dd>{read.vouchers}</dd></>}
        {sie && <><dt>{t('outcomeImport.transactions')}</dt><dd>{read.transactions}</dd></>}
        {sie && <><dt>{t('outcomeImport.accounts')}</dt><dd>{read.accounts}</dd></>}
        <dt>{t('outcomeImport.source')}</dt><dd>{t(`outcomeImport.source.${read.source}`)}</dd>
        <dt>{t('outcomeImport.period')}</dt><dd>{t('outcomeImport.periodValue', { year: request.year, date: request.periodTo })}</dd>
        {read.source === 'vouchers' && <><dt>{t('outcomeImport.vouchersInPeriod')}</dt><dd>{read.vouchersInPeriod}</dd></>}
        {read.source === 'vouchers' && <><dt>{t('outcomeImport.balanceRows')}</dt><dd>{read.balanceRowsSkipped}</dd></>}
      </dl>
    </section>
  );
}

function TotalsCheck({ ctx, preview }: { ctx: ViewContext; preview: ImportPreview }) {
  const { t } = ctx;
  const { totals } = preview;
  const line = (label: string, ore: number) => <tr><th scope="row">{label}</th><td class="num" style="white-space: nowrap">{formatOre(ore)}</td></tr>;
  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading">{t('outcomeImport.checkTitle')}</h2>
      <DataTable caption={t('outcomeImport.checkTitle')} hideCaption columns={[t('outcomeImport.col.kind'), { label: t('outcomeImport.col.amount'), numeric: true }]} scroll>
        {line(t('outcomeImport.check.file'), totals.fileOre)}
        {line(t('outcomeImport.check.mapped'), totals.mappedOre)}
        {line(t('outcomeImport.check.income'), totals.incomeOre)}
        {line(t('outcomeImport.check.cost'), totals.costOre)}
        {line(t('outcomeImport.check.ignored'), totals.ignoredOre)}
        {line(t('outcomeImport.check.unmapped'), totals.unmappedOre)}
      </DataTable>
      <p>
        <strong>
          {preview.rows.some((r) => r.status === 'unmapped' || r.status === 'unknown-code')
            ? t('outcomeImport.check.notOk', { amount: formatOre(totals.unmappedOre) })
            : t('outcomeImport.check.ok')}
        </strong>
      </p>
    </section>
  );
}

function MappingFields({ ctx, preview, choices }: { ctx: ViewContext; preview: ImportPreview; choices: readonly MappingChoice[] }) {
  const { t } = ctx;
  const hasRange = (r: PreviewRow) => choices.some((c) => c.account === r.account && c.costCentre === r.costCentre && c.range);
  const open = preview.rows.filter((r) => r.account && (r.status === 'unmapped' || r.status === 'unknown-code' || r.via === 'chosen' || hasRange(r)));
  if (open.length === 0) return null;
  const choiceOf = (r: PreviewRow) => choices.find((c) => c.account === r.account && c.costCentre === r.costCentre);
  const chosen = (r: PreviewRow) => choiceOf(r)?.choice ?? r.suggestion?.code ?? '';
  const suggested = (r: PreviewRow) => (r.suggestion ? preview.costObjects.find((o) => o.code === r.suggestion?.code) : undefined);
  return (
    <fieldset class="field">
      <legend>{t('outcomeImport.mappingTitle')}</legend>
      <p class="hint">{t('outcomeImport.mappingIntro')}</p>
      {preview.costObjects.length === 0 && <p><strong>{t('outcomeImport.noCostObjects', { year: preview.request.year })}</strong></p>}
      {open.map((r) => (
        <div class="field mapping-choice">
          <input type="hidden" name={`account_${r.index}`} value={r.account} />
          <input type="hidden" name={`centre_${r.index}`} value={r.costCentre} />
          <label for={`f-choice_${r.index}`}>
            {t('outcomeImport.choiceLabel', { row: `${rowName(r)}${r.accountName ? ` ${r.accountName}` : ''}` })} – {formatOre(r.amountOre)} kr
          </label>
          {r.suggestion && !choiceOf(r) && (
            <p class="hint" id={`f-choice_${r.index}-hint`}>
              {t('outcomeImport.suggested', { code: r.suggestion.code, name: suggested(r)?.name ?? '', reason: r.suggestion.reason[ctx.locale] })}
            </p>
          )}
          <select id={`f-choice_${r.index}`} name={`choice_${r.index}`} aria-describedby={r.suggestion && !choiceOf(r) ? `f-choice_${r.index}-hint` : undefined}>
            <option value="">{t('outcomeImport.choose')}</option>
            <option value={IGNORE_CHOICE} selected={chosen(r) === IGNORE_CHOICE}>{t('outcomeImport.ignore')}</option>
            {preview.costObjects.map((o) => (
              <option value={o.code} selected={chosen(r) === o.code}>{`${o.code} ${o.name}`}</option>
            ))}
          </select>
          {rangesFor(r.account).length > 0 && (
            <>
              <label for={`f-range_${r.index}`}>{t('outcomeImport.rangeLabel')}</label>
              <select id={`f-range_${r.index}`} name={`range_${r.index}`}>
                <option value="">{t('outcomeImport.rangeOnly', { account: r.account })}</option>
                {rangesFor(r.account).map((range) => (
                  <option value={`${range.from}-${range.to}`} selected={choiceOf(r)?.range === `${range.from}-${range.to}`}>{t('outcomeImport.rangeAll', { range: rangeText(range) })}</option>
                ))}
              </select>
            </>
          )}
        </div>
      ))}
    </fieldset>
  );
}

function RowsTable({ ctx, preview }: { ctx: ViewContext; preview: ImportPreview }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="rows-heading">
      <h2 id="rows-heading">{t('outcomeImport.rowsTitle')}</h2>
      <DataTable caption={t('outcomeImport.rowsTitle')} hideCaption columns={[t('outcomeImport.col.account'), t('outcomeImport.col.costCentre'), { label: t('outcomeImport.col.amount'), numeric: true }, t('outcomeImport.col.kind'), t('outcomeImport.col.costObject'), t('outcomeImport.col.status')]} scroll>
        {preview.rows.map((r) => (
          <tr>
            <th scope="row">{r.account ? `${r.account}${r.accountName ? ` ${r.accountName}` : ''}` : '–'}</th>
            <td>{r.costCentre || '–'}</td>
            <td class="num" style="white-space: nowrap">{formatOre(r.amountOre)}</td>
            <td>{r.status === 'ignored' ? '–' : t(`outcomeImport.kind.${r.kind}`)}</td>
            <td>{r.costObject ? `${r.costObject.code} ${r.costObject.name}` : r.code || '–'}</td>
            <td>{t(`outcomeImport.status.${r.status}`)} {r.via && r.status !== 'unknown-code' ? t(`outcomeImport.via.${r.via}`, { range: r.range ? rangeText(r.range) : '' }) : ''}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function PreviewPage(props: { ctx: ViewContext; preview: ImportPreview; choices: readonly MappingChoice[]; state: FormState }) {
  const { ctx, preview } = props;
  const { t } = ctx;
  const { request, read } = preview;
  const readable = read.errors.length === 0 && read.unbalanced.length === 0 && read.problems.length === 0;
  const blocking = props.state.errors.length > 0 ? [] : preview.blocking;
  return (
    <Layout ctx={ctx} title={t('outcomeImport.previewTitle')} back={{ href: UPLOAD, label: t('outcomeImport.cancel') }}>
      {props.state.errors.length > 0 && <p><strong>{t('outcomeImport.notSaved')}</strong></p>}
      <ErrorSummary ctx={ctx} state={props.state} />
      {blocking.length > 0 ? (
        <section aria-labelledby="blocking-heading" class="error-summary">
          <h2 id="blocking-heading">{t('outcomeImport.blockingTitle')}</h2>
          <ul>{blocking.map((m) => <li>{m[ctx.locale]}</li>)}</ul>
        </section>
      ) : (
        props.state.errors.length === 0 && <p><strong>{t('outcomeImport.readyTitle')}</strong></p>
      )}
      <ReadFacts ctx={ctx} preview={preview} />
      <TotalsCheck ctx={ctx} preview={preview} />
      {readable && (
        <PostForm ctx={ctx} action={`${UPLOAD}/bekrafta`}>
          <input type="hidden" name="sha256" value={request.sha256} />
          <input type="hidden" name="fileName" value={request.fileName} />
          <input type="hidden" name="year" value={String(request.year)} />
          <input type="hidden" name="periodTo" value={request.periodTo} />
          <MappingFields ctx={ctx} preview={preview} choices={props.choices} />
          <FormActions ctx={ctx} submit={t('outcomeImport.confirm')}>
            {preview.rows.some((r) => r.status === 'unmapped' || r.status === 'unknown-code' || r.via === 'chosen' || r.via === 'chosen-range') && (
              <button type="submit" class="secondary" formAction={`${UPLOAD}/granska`}>{t('outcomeImport.saveMappings')}</button>
            )}
            <a href={UPLOAD}>{t('outcomeImport.cancel')}</a>
          </FormActions>
        </PostForm>
      )}
      <RowsTable ctx={ctx} preview={preview} />
    </Layout>
  );
}

export interface ImportDetail {
  id: string;
  year: number;
  periodTo: string;
  format: 'sie4' | 'csv' | 'manual';
  fileName: string;
  fileSha256: string | null;
  encoding: string | null;
  createdAt: Date;
  importedBy: string | null;
  summary: Record<string, unknown>;
  sums: { code: string; name: string; kind: 'income' | 'cost'; amountOre: number }[];
}

export function ImportDetailPage(props: { ctx: ViewContext; detail: ImportDetail; canManage?: boolean }) {
  const { ctx, detail } = props;
  const { t } = ctx;
  const objects = [...new Map(detail.sums.map((s) => [s.code, s.name])).entries()];
  const sumOf = (code: string, kind: 'income' | 'cost') => detail.sums.filter((s) => s.code === code && s.kind === kind).reduce((a, s) => a + s.amountOre, 0);
  const ignored = Array.isArray(detail.summary.ignored) ? (detail.summary.ignored as { account: string; costCentre: string; amountOre: number }[]) : [];
  return (
    <Layout ctx={ctx} title={t('outcomeImport.detailTitle', { year: detail.year, date: detail.periodTo })} back={{ href: LIST, label: t('outcomeImport.listTitle') }}>
      <p>{t('outcomeImport.importedBy', { date: stamp(detail.createdAt), name: detail.importedBy ?? '–' })}</p>
      <dl class="facts">
        <dt>{t('outcomeImport.col.file')}</dt><dd>{detail.fileName || '–'} ({t(`outcomeImport.format.${detail.format}`)})</dd>
        {detail.encoding && <><dt>{t('outcomeImport.encoding')}</dt><dd>{detail.encoding}</dd></>}
        {detail.fileSha256 && <><dt>{t('outcomeImport.sha')}</dt><dd><code>{detail.fileSha256}</code></dd></>}
      </dl>
      <DataTable caption={t('outcomeImport.sumsCaption')} columns={[t('outcomeImport.col.costObject'), { label: t('outcomeImport.col.income'), numeric: true }, { label: t('outcomeImport.col.cost'), numeric: true }]} scroll>
        {objects.map(([code, name]) => (
          <tr><th scope="row">{`${code} ${name}`}</th><td class="num" style="white-space: nowrap">{formatOre(-sumOf(code, 'income'))}</td><td class="num" style="white-space: nowrap">{formatOre(sumOf(code, 'cost'))}</td></tr>
        ))}
      </DataTable>
      {ignored.length > 0 && (
        <section aria-labelledby="ignored-heading">
          <h2 id="ignored-heading">{t('outcomeImport.ignoredRows')}</h2>
          <ul>{ignored.map((r) => <li>{`${r.account}${r.costCentre ? ` / ${r.costCentre}` : ''}: ${formatOre(r.amountOre)} kr`}</li>)}</ul>
        </section>
      )}
      {props.canManage && (
        <p>
          <a href={`${LIST}/import/${detail.id}/ta-bort`}>{t('outcomeImport.remove')}</a>
        </p>
      )}
    </Layout>
  );
}

/** Asks before a mistaken outcome is removed, and says what removing it does. */
export function RemoveImportPage(props: { ctx: ViewContext; detail: ImportDetail }) {
  const { ctx, detail } = props;
  const { t } = ctx;
  const back = `${LIST}/import/${detail.id}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('outcomeImport.removeTitle', { year: detail.year, date: detail.periodTo })}
      question={t('outcomeImport.removeWarning', { file: detail.fileName || t(`outcomeImport.format.${detail.format}`) })}
      action={`${back}/ta-bort`}
      back={back}
      confirmLabel={t('outcomeImport.removeConfirm')}
    />
  );
}
