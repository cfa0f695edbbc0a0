import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, TextField, type FormState, TextAreaField } from '../../platform/views/forms.js';
import { swedishDate } from '../../platform/clock.js';
import { Fact } from '../registry/registry.views.js';
import type { PersonalDataControllerRow, PersonalDataProcessingRow } from './privacy.service.js';
import { committeeTitle, inCommittee } from '../archive/committee-choice.js';
import type { CommitteeShown } from '../archive/plan.pages.js';

const FIELDS = ['name', 'purpose', 'legalBasis', 'categoriesOfData', 'categoriesOfPeople', 'recipients', 'thirdCountryTransfers', 'retention', 'securityMeasures'] as const;
const label = (ctx: ViewContext, f: (typeof FIELDS)[number]) => ctx.t(`privacy.processing.${f}`);
const CONTROLLER_FIELDS = ['controllerName', 'controllerContact', 'dpoName', 'dpoContact'] as const;

/** Art. 30(1)(a): who is responsible and whom to ask. */
function ControllerFacts({ ctx, committee, controller, canManage }: { ctx: ViewContext; committee: CommitteeShown; controller: PersonalDataControllerRow | null; canManage: boolean }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="controller-heading">
      <h2 id="controller-heading">{t('privacy.controller.title')}</h2>
      {controller ? (
        <dl class="facts">
          <Fact term={t('privacy.controller.controllerName')}>{controller.controllerName}</Fact>
          <Fact term={t('privacy.controller.controllerContact')}>{controller.controllerContact}</Fact>
          <Fact term={t('privacy.controller.dpoName')}>{controller.dpoName}</Fact>
          <Fact term={t('privacy.controller.dpoContact')}>{controller.dpoContact}</Fact>
        </dl>
      ) : (
        <p class="notice">{t('privacy.controller.missing')}</p>
      )}
      {canManage && (
        <p>
          <a href={inCommittee('/dataskydd/ansvarig', committee)}>{t('privacy.controller.edit')}</a>
        </p>
      )}
    </section>
  );
}

/** One processing with every point of art. 30(1)(b)–(g); an empty point says so. */
function ProcessingFacts({ ctx, committee, row, canManage }: { ctx: ViewContext; committee: CommitteeShown; row: RegisterRow; canManage: boolean }) {
  const { t } = ctx;
  const headingId = `processing-${row.id}`;
  const value = (text: string) => text.trim() || <em>{t('privacy.processing.notStated')}</em>;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{row.name}</h3>
      {row.missing.length > 0 && <p class="notice">{t('privacy.processing.missing', { points: row.missing.map((p) => `${p})`).join(', ') })}</p>}
      <dl class="facts">
        {FIELDS.filter((f) => f !== 'name').map((f) => (
          <Fact term={label(ctx, f)}>{value(row[f])}</Fact>
        ))}
      </dl>
      {canManage && (
        <p>
          <a href={inCommittee(`/dataskydd/behandlingar/${row.id}`, committee)}>
            {t('privacy.processing.edit')}
            <span class="visually-hidden"> {row.name}</span>
          </a>
        </p>
      )}
    </section>
  );
}

type RegisterRow = PersonalDataProcessingRow & { missing: string[] };

export function RegisterPage({ ctx, committee, rows, controller, canManage }: { ctx: ViewContext; committee: CommitteeShown; rows: RegisterRow[]; controller: PersonalDataControllerRow | null; canManage: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('privacy.register.title'), committee)} back={{ href: inCommittee('/arkiv', committee), label: t('archive.title') }}>
      <p>{t('privacy.register.lead')}</p>
      <ControllerFacts ctx={ctx} committee={committee} controller={controller} canManage={canManage} />
      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t('privacy.register.activities')}</h2>
        {canManage && (
          <p>
            <a href={inCommittee('/dataskydd/behandlingar/ny', committee)}>{t('privacy.processing.new')}</a> · <a href={inCommittee('/dataskydd/personer', committee)}>{t('privacy.people.title')}</a>
          </p>
        )}
        {rows.length === 0 ? <p>{t('privacy.register.none')}</p> : rows.map((row) => <ProcessingFacts ctx={ctx} committee={committee} row={row} canManage={canManage} />)}
      </section>
    </Layout>
  );
}

export function ProcessingFormPage({ ctx, committee, state, action, title }: { ctx: ViewContext; committee: CommitteeShown; state: FormState; action: string; title: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, title, committee)} back={{ href: inCommittee('/dataskydd', committee), label: t('privacy.register.title') }}>
      <ErrorSummary ctx={ctx} state={state} labels={Object.fromEntries(FIELDS.map((f) => [f, label(ctx, f)]))} />
      <PostForm ctx={ctx} action={inCommittee(action, committee)}>
        <TextField ctx={ctx} state={state} name="name" label={label(ctx, 'name')} required />
        <TextAreaField ctx={ctx} state={state} name="purpose" label={label(ctx, 'purpose')} rows={3} />
        <TextField ctx={ctx} state={state} name="legalBasis" label={label(ctx, 'legalBasis')} hint={t('privacy.processing.legalBasisHint')} required />
        <TextAreaField ctx={ctx} state={state} name="categoriesOfData" label={label(ctx, 'categoriesOfData')} rows={2} />
        <TextAreaField ctx={ctx} state={state} name="categoriesOfPeople" label={label(ctx, 'categoriesOfPeople')} rows={2} />
        <TextAreaField ctx={ctx} state={state} name="recipients" label={label(ctx, 'recipients')} hint={t('privacy.processing.recipientsHint')} rows={2} />
        <TextAreaField ctx={ctx} state={state} name="thirdCountryTransfers" label={label(ctx, 'thirdCountryTransfers')} hint={t('privacy.processing.thirdCountryTransfersHint')} rows={2} />
        <TextField ctx={ctx} state={state} name="retention" label={label(ctx, 'retention')} />
        <TextAreaField ctx={ctx} state={state} name="securityMeasures" label={label(ctx, 'securityMeasures')} hint={t('privacy.processing.securityMeasuresHint')} rows={3} />
        <button type="submit">{t('common.save')}</button>
      </PostForm>
    </Layout>
  );
}

export function ControllerFormPage({ ctx, committee, state }: { ctx: ViewContext; committee: CommitteeShown; state: FormState }) {
  const { t } = ctx;
  const labels = Object.fromEntries(CONTROLLER_FIELDS.map((f) => [f, t(`privacy.controller.${f}`)]));
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('privacy.controller.title'), committee)} back={{ href: inCommittee('/dataskydd', committee), label: t('privacy.register.title') }}>
      <p>{t('privacy.controller.lead')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={inCommittee('/dataskydd/ansvarig', committee)}>
        <TextField ctx={ctx} state={state} name="controllerName" label={labels.controllerName ?? ''} required />
        <TextAreaField ctx={ctx} state={state} name="controllerContact" label={labels.controllerContact ?? ''} hint={t('privacy.controller.contactHint')} rows={3} />
        <TextField ctx={ctx} state={state} name="dpoName" label={labels.dpoName ?? ''} required />
        <TextAreaField ctx={ctx} state={state} name="dpoContact" label={labels.dpoContact ?? ''} hint={t('privacy.controller.contactHint')} rows={3} />
        <button type="submit">{t('common.save')}</button>
      </PostForm>
    </Layout>
  );
}

type PersonRow = { id: string; name: string; organisation: string | null; pseudonymisedAt: Date | null };

export function PeoplePage({ ctx, committee, people }: { ctx: ViewContext; committee: CommitteeShown; people: PersonRow[] }) {
  const { t } = ctx;
  const state = (p: PersonRow) => (p.pseudonymisedAt ? t('privacy.person.pseudonymised', { date: swedishDate(p.pseudonymisedAt) }) : t('privacy.person.active'));
  const columns: Column<PersonRow>[] = [
    { key: 'name', label: t('privacy.person.name'), rowHeader: true, text: (p) => p.name, render: (p) => <a href={inCommittee(`/dataskydd/personer/${p.id}`, committee)}>{p.name}</a> },
    { key: 'organisation', label: t('privacy.person.organisation'), text: (p) => p.organisation ?? '' },
    { key: 'state', label: t('privacy.person.state'), text: state },
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('privacy.people.title'), committee)} back={{ href: inCommittee('/dataskydd', committee), label: t('privacy.register.title') }}>
      <p>{t('privacy.people.lead')}</p>
      <ListTable ctx={ctx} caption={t('privacy.people.title')} hideCaption columns={columns} rows={people} defaultSort="name" searchId="people" />
    </Layout>
  );
}

export function PersonPage(props: { ctx: ViewContext; committee: CommitteeShown; person: { id: string; name: string; pseudonymisedAt: Date | null }; tables: { table: string; column: string; rows: number }[]; finalProtocols: number; hasActiveMandate: boolean }) {
  const { ctx, person, committee } = props;
  const { t } = ctx;
  const columns: Column<{ table: string; column: string; rows: number }>[] = [
    { key: 'table', label: t('privacy.export.table'), rowHeader: true, text: (r) => `${r.table}.${r.column}` },
    { key: 'rows', label: t('privacy.export.rows'), numeric: true, text: (r) => r.rows },
  ];
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('privacy.person.title', { name: person.name }), committee)} back={{ href: inCommittee('/dataskydd/personer', committee), label: t('privacy.people.title') }}>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('privacy.export.title')}</h2>
        <p>{t('privacy.export.lead')}</p>
        <p>
          <a href={inCommittee(`/dataskydd/personer/${person.id}/utdrag.json`, committee)}>{t('privacy.export.json')}</a> · <a href={inCommittee(`/dataskydd/personer/${person.id}/utdrag.pdf`, committee)}>{t('privacy.export.pdf')}</a>
        </p>
        <ListTable ctx={ctx} caption={t('privacy.export.title')} hideCaption columns={columns} rows={props.tables} defaultSort="table" searchId="tables" />
      </section>
      <section aria-labelledby="pseudo-heading">
        <h2 id="pseudo-heading">{t('privacy.pseudo.title')}</h2>
        <p>{t('privacy.pseudo.lead')}</p>
        <p>{t('privacy.pseudo.finalProtocols')}</p>
        <p>{props.finalProtocols > 0 ? t('privacy.pseudo.inFinal', { count: props.finalProtocols }) : t('privacy.pseudo.notInFinal')}</p>
        {person.pseudonymisedAt ? (
          <p>
            <strong>{t('privacy.person.pseudonymised', { date: swedishDate(person.pseudonymisedAt) })}</strong>
          </p>
        ) : props.hasActiveMandate ? (
          <p>
            <strong>{t('privacy.pseudo.activeMandate')}</strong>
          </p>
        ) : (
          <p>
            <a href={inCommittee(`/dataskydd/personer/${person.id}/pseudonymisera`, committee)} class="button">
              {t('privacy.pseudo.button')}
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}

export function ConfirmPseudonymisePage({ ctx, committee, person, finalProtocols }: { ctx: ViewContext; committee: CommitteeShown; person: { id: string; name: string }; finalProtocols: number }) {
  const { t } = ctx;
  const personPath = inCommittee(`/dataskydd/personer/${person.id}`, committee);
  return (
    <Layout ctx={ctx} title={committeeTitle(ctx, t('privacy.pseudo.confirmTitle', { name: person.name }), committee)} back={{ href: personPath, label: person.name }}>
      <p>{t('privacy.pseudo.lead')}</p>
      <p>{finalProtocols > 0 ? t('privacy.pseudo.inFinal', { count: finalProtocols }) : t('privacy.pseudo.notInFinal')}</p>
      <p>{t('privacy.pseudo.confirm')}</p>
      <PostForm ctx={ctx} action={inCommittee(`/dataskydd/personer/${person.id}/pseudonymisera`, committee)}>
        <button type="submit" class="danger">
          {t('privacy.pseudo.confirmButton')}
        </button>{' '}
        <a href={personPath}>{t('common.cancel')}</a>
      </PostForm>
    </Layout>
  );
}
