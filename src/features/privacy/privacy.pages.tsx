import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, TextField, type FormState } from '../../platform/views/forms.js';
import { swedishDate } from '../../platform/clock.js';
import { TextArea } from '../registry/registry.views.js';
import type { ProcessingRow } from './privacy.service.js';

const FIELDS = ['name', 'purpose', 'legalBasis', 'categoriesOfData', 'categoriesOfPeople', 'recipients', 'retention'] as const;
const label = (ctx: ViewContext, f: (typeof FIELDS)[number]) => ctx.t(`privacy.processing.${f}`);

export function RegisterPage({ ctx, rows, canManage }: { ctx: ViewContext; rows: ProcessingRow[]; canManage: boolean }) {
  const { t } = ctx;
  const columns: Column<ProcessingRow>[] = [
    { key: 'name', label: t('privacy.processing.name'), rowHeader: true, text: (r) => r.name, render: (r) => (canManage ? <a href={`/dataskydd/behandlingar/${r.id}`}>{r.name}</a> : r.name) },
    { key: 'purpose', label: t('privacy.processing.purpose'), text: (r) => r.purpose },
    { key: 'legalBasis', label: t('privacy.processing.legalBasis'), text: (r) => r.legalBasis },
    { key: 'categoriesOfPeople', label: t('privacy.processing.categoriesOfPeople'), text: (r) => r.categoriesOfPeople },
    { key: 'retention', label: t('privacy.processing.retention'), text: (r) => r.retention },
  ];
  return (
    <Layout ctx={ctx} title={t('privacy.register.title')} back={{ href: '/arkiv', label: t('archive.title') }}>
      <p>{t('privacy.register.lead')}</p>
      {canManage && (
        <p>
          <a href="/dataskydd/behandlingar/ny">{t('privacy.processing.new')}</a> · <a href="/dataskydd/personer">{t('privacy.people.title')}</a>
        </p>
      )}
      <ListTable ctx={ctx} caption={t('privacy.register.title')} hideCaption columns={columns} rows={rows} defaultSort="name" searchId="processing" />
    </Layout>
  );
}

export function ProcessingFormPage({ ctx, state, action, title }: { ctx: ViewContext; state: FormState; action: string; title: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title} back={{ href: '/dataskydd', label: t('privacy.register.title') }}>
      <ErrorSummary ctx={ctx} state={state} labels={Object.fromEntries(FIELDS.map((f) => [f, label(ctx, f)]))} />
      <PostForm ctx={ctx} action={action}>
        <TextField ctx={ctx} state={state} name="name" label={label(ctx, 'name')} required />
        <TextArea ctx={ctx} state={state} name="purpose" label={label(ctx, 'purpose')} rows={3} />
        <TextField ctx={ctx} state={state} name="legalBasis" label={label(ctx, 'legalBasis')} hint={t('privacy.processing.legalBasisHint')} required />
        <TextArea ctx={ctx} state={state} name="categoriesOfData" label={label(ctx, 'categoriesOfData')} rows={2} />
        <TextArea ctx={ctx} state={state} name="categoriesOfPeople" label={label(ctx, 'categoriesOfPeople')} rows={2} />
        <TextArea ctx={ctx} state={state} name="recipients" label={label(ctx, 'recipients')} rows={2} />
        <TextField ctx={ctx} state={state} name="retention" label={label(ctx, 'retention')} />
        <button type="submit">{t('common.save')}</button>
      </PostForm>
    </Layout>
  );
}

type PersonRow = { id: string; name: string; organisation: string | null; pseudonymisedAt: Date | null };

export function PeoplePage({ ctx, people }: { ctx: ViewContext; people: PersonRow[] }) {
  const { t } = ctx;
  const state = (p: PersonRow) => (p.pseudonymisedAt ? t('privacy.person.pseudonymised', { date: swedishDate(p.pseudonymisedAt) }) : t('privacy.person.active'));
  const columns: Column<PersonRow>[] = [
    { key: 'name', label: t('privacy.person.name'), rowHeader: true, text: (p) => p.name, render: (p) => <a href={`/dataskydd/personer/${p.id}`}>{p.name}</a> },
    { key: 'organisation', label: t('privacy.person.organisation'), text: (p) => p.organisation ?? '' },
    { key: 'state', label: t('privacy.person.state'), text: state },
  ];
  return (
    <Layout ctx={ctx} title={t('privacy.people.title')} back={{ href: '/dataskydd', label: t('privacy.register.title') }}>
      <p>{t('privacy.people.lead')}</p>
      <ListTable ctx={ctx} caption={t('privacy.people.title')} hideCaption columns={columns} rows={people} defaultSort="name" searchId="people" />
    </Layout>
  );
}

export function PersonPage(props: { ctx: ViewContext; person: { id: string; name: string; pseudonymisedAt: Date | null }; tables: { table: string; column: string; rows: number }[]; finalProtocols: number; hasActiveMandate: boolean }) {
  const { ctx, person } = props;
  const { t } = ctx;
  const columns: Column<{ table: string; column: string; rows: number }>[] = [
    { key: 'table', label: t('privacy.export.table'), rowHeader: true, text: (r) => `${r.table}.${r.column}` },
    { key: 'rows', label: t('privacy.export.rows'), numeric: true, text: (r) => r.rows },
  ];
  return (
    <Layout ctx={ctx} title={t('privacy.person.title', { name: person.name })} back={{ href: '/dataskydd/personer', label: t('privacy.people.title') }}>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('privacy.export.title')}</h2>
        <p>{t('privacy.export.lead')}</p>
        <p>
          <a href={`/dataskydd/personer/${person.id}/utdrag.json`}>{t('privacy.export.json')}</a> · <a href={`/dataskydd/personer/${person.id}/utdrag.pdf`}>{t('privacy.export.pdf')}</a>
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
            <a href={`/dataskydd/personer/${person.id}/pseudonymisera`} class="button">
              {t('privacy.pseudo.button')}
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}

export function ConfirmPseudonymisePage({ ctx, person, finalProtocols }: { ctx: ViewContext; person: { id: string; name: string }; finalProtocols: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('privacy.pseudo.confirmTitle', { name: person.name })} back={{ href: `/dataskydd/personer/${person.id}`, label: person.name }}>
      <p>{t('privacy.pseudo.lead')}</p>
      <p>{finalProtocols > 0 ? t('privacy.pseudo.inFinal', { count: finalProtocols }) : t('privacy.pseudo.notInFinal')}</p>
      <p>{t('privacy.pseudo.confirm')}</p>
      <PostForm ctx={ctx} action={`/dataskydd/personer/${person.id}/pseudonymisera`}>
        <button type="submit" class="danger">
          {t('privacy.pseudo.confirmButton')}
        </button>{' '}
        <a href={`/dataskydd/personer/${person.id}`}>{t('common.cancel')}</a>
      </PostForm>
    </Layout>
  );
}
