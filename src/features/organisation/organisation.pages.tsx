import type { ViewContext } from '../../platform/views/context.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { CheckboxField, ErrorSummary, PostForm, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import type { OrganisationService } from './organisation.service.js';
import { formatInteger } from './format.js';
import { MandateTable } from './mandate.pages.js';
import { countText } from '../../platform/i18n/plural.js';
import { DataTable } from '../../platform/views/data-table.js';
import type { BodyRow, OrganisationRow, PopulationRow } from './organisation.tables.js';

type Overview = Awaited<ReturnType<OrganisationService['overview']>>;
type Detail = Awaited<ReturnType<OrganisationService['detail']>>;
type Member = Overview[number]['members'][number];

/** The latest years with population figures among the members, newest last (at most two). */
function populationYears(members: { populations: PopulationRow[] }[]): number[] {
  const years = [...new Set(members.flatMap((m) => m.populations.map((p) => p.year)))].sort((a, b) => a - b);
  return years.slice(-2);
}

export function OverviewPage({ ctx, overview, canEdit }: { ctx: ViewContext; overview: Overview; canEdit: (o: OrganisationRow) => boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('org.title')} back={{ href: '/' }}>
      {overview.length === 0 && <p>{t('org.none')}</p>}
      {overview.map(({ committee, members, bodies }) => {
        const years = populationYears(members);
        const columns: Column<Member>[] = [
          { key: 'name', label: t('org.name'), text: (m) => m.name, rowHeader: true, render: (m) => <a href={`/organisation/${m.slug}`}>{m.name}</a> },
          { key: 'host', label: t('org.host'), text: (m) => (m.isHost ? t('common.yes') : ''), render: (m) => (m.isHost ? <span class="badge">{t('org.hostShort')}</span> : '') },
          ...years.map(
            (year): Column<Member> => ({
              key: `pop${year}`,
              label: t('org.populationYear', { year }),
              numeric: true,
              text: (m) => m.populations.find((p) => p.year === year)?.population ?? 0,
              render: (m) => {
                const p = m.populations.find((x) => x.year === year);
                return (
                  <>
                    {formatInteger(p?.population)}
                    <ExampleMark ctx={ctx} origin={p?.origin} />
                  </>
                );
              },
            }),
          ),
        ];
        return (
          <section aria-labelledby={`c-${committee.slug}`}>
            <h2 id={`c-${committee.slug}`}>
              <a href={`/organisation/${committee.slug}`}>{committee.name}</a>
            </h2>
            <p>{countText(ctx, 'org.membersCount', members.length)}</p>
            <ListTable ctx={ctx} caption={t('org.members')} columns={columns} rows={members} defaultSort="name" searchId={`m-${committee.slug}`} />
            {years.length > 0 && (
              <p>
                {years.map((y) => t('org.populationSum', { year: y, sum: formatInteger(sumYear(members, y)) })).join(' · ')}
              </p>
            )}
            {canEdit(committee) && (
              <p>
                <a class="button secondary" href={`/organisation/${committee.slug}/ny-kommun`}>
                  {t('org.addMunicipality')}
                </a>
              </p>
            )}
            <h3>{t('org.bodies')}</h3>
            <BodyList ctx={ctx} bodies={bodies} />
          </section>
        );
      })}
    </Layout>
  );
}

function sumYear(members: Member[], year: number): number {
  return members.reduce((s, m) => s + (m.populations.find((p) => p.year === year)?.population ?? 0), 0);
}

function BodyList({ ctx, bodies }: { ctx: ViewContext; bodies: BodyRow[] }) {
  return (
    <ul>
      {bodies.map((b) => (
        <li>
          <a href={`/organ/${b.id}`}>{b.name}</a> ({ctx.t(`body.kind.${b.kind}`)})
        </li>
      ))}
    </ul>
  );
}

export function OrganisationPage({ ctx, detail, populationForm }: { ctx: ViewContext; detail: Detail; populationForm: FormState }) {
  const { t } = ctx;
  const { org } = detail;
  const back = detail.committee ? { href: `/organisation/${detail.committee.slug}`, label: detail.committee.name } : { href: '/organisation', label: t('org.title') };
  return (
    <Layout ctx={ctx} title={org.name} back={back}>
      <dl class="facts">
        <dt>{t('org.kind')}</dt>
        <dd>{t(`org.kind.${org.kind}`)}</dd>
        {detail.committee && (
          <>
            <dt>{t('org.committee')}</dt>
            <dd>
              <a href={`/organisation/${detail.committee.slug}`}>{detail.committee.name}</a>
            </dd>
          </>
        )}
        {org.kind === 'municipality' && (
          <>
            <dt>{t('org.host')}</dt>
            <dd>{org.isHost ? t('common.yes') : t('common.no')}</dd>
          </>
        )}
        <dt>{t('org.orgNumber')}</dt>
        <dd>{org.orgNumber ?? '–'}</dd>
        <dt>{t('org.slug')}</dt>
        <dd>{org.slug}</dd>
      </dl>
      {detail.canEdit && (
        <p class="actions">
          <a class="button secondary" href={`/organisation/${org.slug}/andra`}>
            {t('org.edit')}
          </a>
          {org.kind === 'committee' && (
            <a class="button secondary" href={`/organisation/${org.slug}/ny-kommun`}>
              {t('org.addMunicipality')}
            </a>
          )}
        </p>
      )}
      {org.kind === 'committee' && (
        <>
          <h2>{t('org.members')}</h2>
          <ul>
            {detail.members.map((m) => (
              <li>
                <a href={`/organisation/${m.slug}`}>{m.name}</a>
                {m.isHost && <> <span class="badge">{t('org.hostShort')}</span></>}
              </li>
            ))}
          </ul>
          <h2>{t('org.bodies')}</h2>
          <BodyList ctx={ctx} bodies={detail.bodies} />
        </>
      )}
      {org.kind === 'municipality' && (
        <>
          <h2>{t('org.population')}</h2>
          <PopulationTable ctx={ctx} populations={detail.populations} />
          {detail.canEdit && <PopulationForm ctx={ctx} slug={org.slug} state={populationForm} />}
          <h2>{t('org.mandates')}</h2>
          <MandateTable ctx={ctx} mandates={detail.mandates} people={detail.allPeople} organisations={detail.allOrganisations} bodies={detail.bodies} showBody canEdit={detail.canEdit} />
        </>
      )}
    </Layout>
  );
}

function PopulationTable({ ctx, populations }: { ctx: ViewContext; populations: PopulationRow[] }) {
  const { t } = ctx;
  if (populations.length === 0) return <p>{t('org.noPopulation')}</p>;
  return (
    <DataTable caption={t('org.population')} hideCaption columns={[t('org.year'), { label: t('org.population'), numeric: true }, t('org.source')]} scroll>
      {populations.map((p) => (
        <tr>
          <th scope="row">{p.year}</th>
          <td class="num">{formatInteger(p.population)}</td>
          <td>
            {p.source}
            <ExampleMark ctx={ctx} origin={p.origin} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function PopulationForm({ ctx, slug, state }: { ctx: ViewContext; slug: string; state: FormState }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="pop-form">
      <h3 id="pop-form">{t('org.populationSave')}</h3>
      <p>{t('org.populationIntro')}</p>
      <ErrorSummary ctx={ctx} state={state} labels={{ year: t('org.year'), population: t('org.population'), source: t('org.source') }} />
      <PostForm ctx={ctx} action={`/organisation/${slug}/befolkning`}>
        <TextField ctx={ctx} state={state} name="year" label={t('org.year')} inputMode="numeric" required />
        <TextField ctx={ctx} state={state} name="population" label={t('org.population')} inputMode="numeric" required />
        <TextField ctx={ctx} state={state} name="source" label={t('org.source')} hint={t('org.sourceHint')} required />
        <button type="submit">{t('org.populationSave')}</button>
      </PostForm>
    </section>
  );
}

export function OrganisationFormPage(props: { ctx: ViewContext; title: string; action: string; back: string; state: FormState; showHost: boolean; showProtocolTexts?: boolean }) {
  const { ctx, state } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: props.back }}>
      <ErrorSummary ctx={ctx} state={state} labels={{ name: t('org.name'), slug: t('org.slug'), orgNumber: t('org.orgNumber'), protocolShortName: t('org.protocolShortName'), registryCode: t('org.registryCode') }} />
      <PostForm ctx={ctx} action={props.action}>
        <TextField ctx={ctx} state={state} name="name" label={t('org.name')} required />
        <TextField ctx={ctx} state={state} name="slug" label={t('org.slug')} hint={t('org.slugHint')} required />
        <TextField ctx={ctx} state={state} name="orgNumber" label={t('org.orgNumber')} hint={t('org.orgNumberHint')} inputMode="numeric" />
        {props.showHost && <CheckboxField ctx={ctx} state={state} name="isHost" label={t('org.host')} />}
        {props.showProtocolTexts && (
          <fieldset>
            <legend>{t('org.protocolTexts')}</legend>
            <TextField ctx={ctx} state={state} name="protocolShortName" label={t('org.protocolShortName')} hint={t('org.protocolShortNameHint')} />
            <TextField ctx={ctx} state={state} name="registryCode" label={t('org.registryCode')} hint={t('org.registryCodeHint')} />
          </fieldset>
        )}
        <FormActions ctx={ctx} cancelHref={props.back} />
      </PostForm>
    </Layout>
  );
}
