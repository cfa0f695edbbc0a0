import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import type { CooperationService } from './cooperation.service.js';
import { cellAt, isMunicipalDecision, matrixColumns, referenceText, type LoadedInitiative, type MatrixColumn } from './cooperation.model.js';
import { byLabel, CellStatus, nameOf, statusLabel, timeOf } from './cooperation.views.js';
import { DataTable } from '../../platform/views/data-table.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

function MatrixTable(props: { ctx: ViewContext; model: LoadedInitiative; columns: MatrixColumn[]; rows: OrganisationRow[]; caption: string; id: string; rowLabel: string }) {
  const { ctx, model, columns } = props;
  const groups = columns.reduce<{ key: string; label: string; span: number }[]>((acc, c) => {
    const last = acc.at(-1);
    if (last?.key === c.phase.key) last.span += 1;
    else acc.push({ key: c.phase.key, label: c.phase.label[ctx.locale], span: 1 });
    return acc;
  }, []);
  return (
    <div class="table-scroll">
      <table id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <td />
            {groups.map((g) => (
              <th scope="colgroup" colSpan={g.span}>
                {g.label}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{props.rowLabel}</th>
            {columns.map((c) => (
              <th scope="col" style="white-space: normal; min-width: 10rem">
                {c.decision.label[ctx.locale]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((org) => (
            <tr>
              <th scope="row">{org.name}</th>
              {columns.map((c) => {
                const cell = cellAt(model, c, org.id);
                if (!cell) return <td>{ctx.t('coop.cell.none')}</td>;
                const ref = referenceText(model, cell);
                return (
                  <td>
                    <a href={`/samverkan/beslut/${cell.id}`} aria-label={`${org.name}, ${c.decision.label[ctx.locale]}: ${statusLabel(ctx, cell.status)}`}>
                      <CellStatus ctx={ctx} status={cell.status} />
                    </a>
                    {ref && <div class="hint">{ref}</div>}
                    <ExampleMark ctx={ctx} origin={cell.origin} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MatrixPage({ ctx, model }: { ctx: ViewContext; model: LoadedInitiative }) {
  const { t } = ctx;
  const base = `/samverkan/${model.initiative.id}`;
  const own = matrixColumns(model, isMunicipalDecision);
  const bodies = matrixColumns(model, (d) => !isMunicipalDecision(d));
  return (
    <Layout ctx={ctx} title={t('coop.matrixOf', { name: model.initiative.name })} back={{ href: base, label: model.initiative.name }}>
      <p>{t('coop.matrixHint')}</p>
      <p class="actions">
        <a href={`${base}/matris.xlsx`} download>
          {t('coop.exportXlsx')}
        </a>
        <a href={`${base}/matris.csv`} download>
          {t('coop.exportCsv')}
        </a>
      </p>
      <MatrixTable ctx={ctx} model={model} columns={own} rows={model.municipalities} caption={t('coop.matrix')} id="matris" rowLabel={t('coop.municipality')} />
      {bodies.length > 0 && (
        <>
          <h2>{t('coop.committeeDecisions')}</h2>
          <MatrixTable ctx={ctx} model={model} columns={bodies} rows={[model.committee]} caption={t('coop.committeeDecisions')} id="namndens-beslut" rowLabel={t('coop.decidedBy')} />
        </>
      )}
    </Layout>
  );
}

type CellDetail = Awaited<ReturnType<CooperationService['getCell']>>;

export function cellFormValues(detail: CellDetail): Record<string, string> {
  const { cell, model } = detail;
  return {
    status: cell.status === 'pending' ? 'yes' : cell.status,
    decidingBody: cell.decidingBody,
    decidedOn: cell.decidedOn ?? '',
    paragraph: cell.paragraph,
    documentHid: cell.documentId ? (model.documentHids.get(cell.documentId) ?? '') : '',
    link: cell.link,
    protocolParagraphId: cell.protocolParagraphId ?? '',
    note: cell.note,
  };
}

export function CellPage({ ctx, detail, state }: { ctx: ViewContext; detail: CellDetail; state: FormState }) {
  const { t } = ctx;
  const { model, cell } = detail;
  const phase = model.template.phases.find((p) => p.key === cell.phaseKey);
  const decision = phase?.decisions.find((d) => d.key === cell.decisionKey);
  const forCommittee = cell.organisationId === model.committee.id;
  const title = t('coop.cellTitle', { organisation: nameOf(model, cell.organisationId), decision: decision?.label[ctx.locale] ?? cell.decisionKey });
  const labels = { status: t('coop.decision'), decidingBody: t('coop.decidingBody'), decidedOn: t('coop.decidedOn'), paragraph: t('coop.paragraph'), documentHid: t('coop.documentHid'), link: t('coop.link'), protocolParagraphId: t('coop.protocolParagraph'), note: t('coop.note') };
  const paragraphLabel = detail.paragraph ? `§ ${detail.paragraph.number ?? ''} ${detail.paragraph.year} ${detail.paragraph.heading}` : '';
  return (
    <Layout ctx={ctx} title={title} back={{ href: `/samverkan/${model.initiative.id}/matris`, label: t('coop.matrix') }}>
      <dl class="facts">
        <dt>{t('coop.initiative')}</dt>
        <dd>
          <a href={`/samverkan/${model.initiative.id}`}>{model.initiative.name}</a>
        </dd>
        <dt>{t('coop.phase')}</dt>
        <dd>{phase?.label[ctx.locale]}</dd>
        <dt>{t('coop.decidedBy')}</dt>
        <dd>{decision ? byLabel(ctx, decision.by) : ''}</dd>
        <dt>{t('coop.status')}</dt>
        <dd>
          <CellStatus ctx={ctx} status={cell.status} />
          <ExampleMark ctx={ctx} origin={cell.origin} />
        </dd>
        {referenceText(model, cell, paragraphLabel) && (
          <>
            <dt>{t('coop.reference')}</dt>
            <dd>{referenceText(model, cell, paragraphLabel)}</dd>
          </>
        )}
        {cell.link && (
          <>
            <dt>{t('coop.link')}</dt>
            <dd>
              <a href={cell.link} rel="noopener noreferrer">
                {cell.link}
              </a>
            </dd>
          </>
        )}
      </dl>
      {detail.canRecord && (
        <section aria-labelledby="registrera">
          <h2 id="registrera">{t('coop.record')}</h2>
          <ErrorSummary ctx={ctx} state={state} labels={labels} />
          <PostForm ctx={ctx} action={`/samverkan/beslut/${cell.id}/${forCommittee ? 'namnd' : 'kommun'}`}>
            <SelectField ctx={ctx} state={state} name="status" label={labels.status} required options={(['yes', 'no', 'not_applicable', 'pending'] as const).map((s) => ({ value: s, label: statusLabel(ctx, s) }))} />
            <TextField ctx={ctx} state={state} name="decidingBody" label={labels.decidingBody} hint={t('coop.decidingBodyHint')} />
            <TextField ctx={ctx} state={state} name="decidedOn" label={labels.decidedOn} type="date" />
            {forCommittee ? (
              <SelectField ctx={ctx} state={state} name="protocolParagraphId" label={labels.protocolParagraphId} empty="–" options={detail.paragraphs.map((p) => ({ value: p.id, label: `§ ${p.number ?? ''} ${p.year} ${p.heading}` }))} />
            ) : (
              <TextField ctx={ctx} state={state} name="paragraph" label={labels.paragraph} hint={t('coop.paragraphHint')} />
            )}
            <TextField ctx={ctx} state={state} name="documentHid" label={labels.documentHid} hint={t('coop.documentHidHint')} />
            <TextField ctx={ctx} state={state} name="link" label={labels.link} autocomplete="url" />
            <TextField ctx={ctx} state={state} name="note" label={labels.note} />
            <FormActions ctx={ctx} submit={t('coop.record')} />
          </PostForm>
        </section>
      )}
      <h2 id="historik">{t('coop.history')}</h2>
      <DataTable columns={[t('coop.when'), t('coop.status'), t('coop.reference'), t('coop.who')]} scroll labelledBy="historik">
        {detail.history.map((h) => {
          const snap = h.snapshot as Record<string, string | null>;
          const ref = [snap.decidingBody, snap.decidedOn, snap.paragraph, snap.protocolParagraph, snap.documentHid ? `Hid ${snap.documentHid}` : '', snap.note].filter(Boolean).join(', ');
          return (
            <tr>
              <td>{timeOf(h.recordedAt)}</td>
              <td>
                <CellStatus ctx={ctx} status={h.status as 'pending'} />
              </td>
              <td>
                {snap.event === 'opened' ? t('coop.opened') : ref}
                <ExampleMark ctx={ctx} origin={h.origin} />
              </td>
              <td>{h.recordedByName ?? 'Kansli'}</td>
            </tr>
          );
        })}
      </DataTable>
    </Layout>
  );
}
