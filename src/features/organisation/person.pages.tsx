import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import type { OrganisationService } from './organisation.service.js';
import { MandateTable, roleLabel } from './mandate.pages.js';
import type { PersonRow } from './organisation.tables.js';

type PeopleList = Awaited<ReturnType<OrganisationService['listPeople']>>;
type PersonDetail = Awaited<ReturnType<OrganisationService['personDetail']>>;

export function PeoplePage({ ctx, list, canEdit }: { ctx: ViewContext; list: PeopleList; canEdit: boolean }) {
  const { t } = ctx;
  const orgName = (id: string | null) => list.organisations.find((o) => o.id === id)?.name ?? '';
  // One entry per role and body: the same seat held for several terms is listed once.
  const rolesOf = (p: PersonRow) => [
    ...new Set(list.mandates.filter((m) => m.personId === p.id).map((m) => `${roleLabel(ctx, m)} (${list.bodies.find((b) => b.id === m.bodyId)?.name ?? ''})`)),
  ].join('; ');
  const columns: Column<PersonRow>[] = [
    { key: 'name', label: t('org.name'), rowHeader: true, text: (p) => p.name, render: (p) => <a href={`/personer/${p.id}`}>{p.name}</a> },
    { key: 'organisation', label: t('person.organisation'), text: (p) => orgName(p.organisationId) },
    { key: 'title', label: t('person.jobTitle'), text: (p) => p.title ?? '' },
    { key: 'mandates', label: t('org.mandates'), text: rolesOf },
    { key: 'email', label: t('person.email'), text: (p) => p.email ?? '' },
  ];
  return (
    <Layout ctx={ctx} title={t('person.title')} back={{ href: '/' }}>
      {canEdit && (
        <p>
          <a class="button" href="/personer/ny">
            {t('person.new')}
          </a>
        </p>
      )}
      <ListTable ctx={ctx} caption={t('person.title')} hideCaption columns={columns} rows={list.people} defaultSort="name" />
    </Layout>
  );
}

export function PersonPage({ ctx, detail }: { ctx: ViewContext; detail: PersonDetail }) {
  const { t } = ctx;
  const { person } = detail;
  const org = detail.organisations.find((o) => o.id === person.organisationId);
  return (
    <Layout ctx={ctx} title={person.name} back={{ href: '/personer', label: t('person.title') }}>
      <dl class="facts">
        <dt>{t('person.organisation')}</dt>
        <dd>{org ? <a href={`/organisation/${org.slug}`}>{org.name}</a> : '–'}</dd>
        <dt>{t('person.jobTitle')}</dt>
        <dd>{person.title ?? '–'}</dd>
        <dt>{t('person.email')}</dt>
        <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : '–'}</dd>
        <dt>{t('person.phone')}</dt>
        <dd>{person.phone ?? '–'}</dd>
      </dl>
      {detail.canEdit && (
        <p>
          <a class="button secondary" href={`/personer/${person.id}/andra`}>
            {t('common.edit')}
          </a>
        </p>
      )}
      <h2>{t('org.mandates')}</h2>
      {detail.mandates.length === 0 ? (
        <p>{t('person.noMandates')}</p>
      ) : (
        <MandateTable ctx={ctx} mandates={detail.mandates} people={[person]} organisations={detail.organisations} bodies={detail.bodies} showBody canEdit={detail.canEdit} />
      )}
    </Layout>
  );
}

export function PersonFormPage(props: { ctx: ViewContext; title: string; action: string; back: string; state: FormState; organisations: { id: string; name: string }[] }) {
  const { ctx, state } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: props.back }}>
      <ErrorSummary ctx={ctx} state={state} labels={{ name: t('org.name'), organisationId: t('person.organisation'), title: t('person.jobTitle'), bornOn: t('person.bornOn'), email: t('person.email'), phone: t('person.phone') }} />
      <PostForm ctx={ctx} action={props.action}>
        <TextField ctx={ctx} state={state} name="name" label={t('org.name')} required autocomplete="off" />
        <SelectField ctx={ctx} state={state} name="organisationId" label={t('person.organisation')} empty={t('mandate.choose')} options={props.organisations.map((o) => ({ value: o.id, label: o.name }))} />
        <TextField ctx={ctx} state={state} name="title" label={t('person.jobTitle')} />
        <TextField ctx={ctx} state={state} name="bornOn" label={t('person.bornOn')} hint={t('person.bornOnHint')} autocomplete="off" />
        <TextField ctx={ctx} state={state} name="email" type="email" label={t('person.email')} autocomplete="off" />
        <TextField ctx={ctx} state={state} name="phone" type="tel" label={t('person.phone')} autocomplete="off" />
        <FormActions ctx={ctx} cancelHref={props.back} />
      </PostForm>
    </Layout>
  );
}
