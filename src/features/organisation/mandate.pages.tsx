import { ConfirmPage } from '../../platform/views/confirm-page.js';
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { CheckboxField, ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import type { OrganisationService } from './organisation.service.js';
import { isTermCurrent } from '../../domain/mandate-term.js';
import { withQuery } from '../../platform/views/layout.js';
import { countText } from '../../platform/i18n/plural.js';
import type { BodyRow, MandateRow, OrganisationRow, PersonRow } from './organisation.tables.js';

type BodyDetail = Awaited<ReturnType<OrganisationService['bodyDetail']>>;

const collator = new Intl.Collator('sv');

export function roleLabel(ctx: ViewContext, m: Pick<MandateRow, 'role' | 'position'>): string {
  const role = ctx.t(`mandate.role.${m.role}`);
  return m.position ? `${role}, ${ctx.t(`mandate.position.${m.position}`).toLowerCase()}` : role;
}

export function MandateTable(props: {
  ctx: ViewContext;
  mandates: MandateRow[];
  people: PersonRow[];
  organisations: OrganisationRow[];
  bodies: BodyRow[];
  showBody?: boolean;
  canEdit: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const person = (id: string) => props.people.find((p) => p.id === id);
  const org = (id: string) => props.organisations.find((o) => o.id === id);
  const body = (id: string) => props.bodies.find((b) => b.id === id);
  const columns: Column<MandateRow>[] = [
    { key: 'person', label: t('mandate.person'), rowHeader: true, text: (m) => person(m.personId)?.name ?? '', render: (m) => <a href={`/personer/${m.personId}`}>{person(m.personId)?.name}</a> },
    { key: 'municipality', label: t('mandate.municipality'), text: (m) => org(m.municipalityId)?.name ?? '' },
    ...(props.showBody ? [{ key: 'body', label: t('mandate.body'), text: (m: MandateRow) => body(m.bodyId)?.name ?? '' }] : []),
    { key: 'role', label: t('mandate.role'), text: (m) => roleLabel(ctx, m) },
    { key: 'term', label: t('mandate.term'), text: (m) => `${m.termFrom} – ${m.termTo ?? ''}` },
    ...(props.canEdit
      ? [
          {
            key: 'edit',
            label: t('common.edit'),
            text: () => '',
            render: (m: MandateRow) => (
              <>
                <a href={`/uppdrag/${m.id}/andra`} aria-label={`${t('common.edit')}: ${person(m.personId)?.name ?? ''}`}>
                  {t('common.edit')}
                </a>{' '}
                ·{' '}
                <a href={`/uppdrag/${m.id}/ta-bort`} aria-label={`${t('common.delete')}: ${person(m.personId)?.name ?? ''}`}>
                  {t('common.delete')}
                </a>
              </>
            ),
          },
        ]
      : []),
  ];
  // Current mandates only, unless the reader asks for earlier terms too (?alla=1).
  const showAll = ctx.query.alla === '1';
  const current = props.mandates.filter((m) => isTermCurrent(m, ctx.today));
  const shown = showAll ? props.mandates : current;
  // Newest term first within each municipality (the sort is stable), so current mandates lead.
  const rows = [...shown].sort((a, b) => b.termFrom.localeCompare(a.termFrom));
  const earlier = props.mandates.length - current.length;
  return (
    <>
      {earlier > 0 && (
        <p>
          {showAll ? (
            <a href={withQuery(ctx.path, ctx.query, { alla: undefined })}>{t('mandate.showCurrent')}</a>
          ) : (
            <a href={withQuery(ctx.path, ctx.query, { alla: '1' })}>{t('mandate.showAll', { n: earlier })}</a>
          )}
        </p>
      )}
      <ListTable ctx={ctx} caption={showAll ? t('org.mandates') : t('mandate.currentCaption')} hideCaption columns={columns} rows={rows} defaultSort="municipality" searchId="mandates" />
    </>
  );
}

export function BodyPage({ ctx, detail }: { ctx: ViewContext; detail: BodyDetail }) {
  const { t } = ctx;
  const { body, owner } = detail;
  const seats = detail.mandates.filter((m) => m.role === 'member' && isTermCurrent(m, ctx.today)).length;
  return (
    <Layout ctx={ctx} title={body.name} back={owner ? { href: `/organisation/${owner.slug}`, label: owner.name } : { href: '/organisation' }}>
      <dl class="facts">
        <dt>{t('org.kind')}</dt>
        <dd>{t(`body.kind.${body.kind}`)}</dd>
        <dt>{t('body.noticeDaysShort')}</dt>
        <dd>{countText(ctx, 'body.days', body.noticeDays)}</dd>
        <dt>{t('body.seats')}</dt>
        <dd>{seats}</dd>
        <dt>{t('body.seatCount')}</dt>
        <dd>{body.seats ?? t('body.seatCountDefault')}</dd>
      </dl>
      {detail.canEdit && (
        <p class="actions">
          <a class="button secondary" href={`/organ/${body.id}/andra`}>
            {t('body.edit')}
          </a>
          <a class="button" href={`/uppdrag/ny?organ=${body.id}`}>
            {t('mandate.add')}
          </a>
        </p>
      )}
      <h2>{t('org.mandates')}</h2>
      <MandateTable ctx={ctx} mandates={detail.mandates} people={detail.allPeople} organisations={detail.allOrganisations} bodies={[body]} canEdit={detail.canEdit} />
    </Layout>
  );
}

export function BodyFormPage({ ctx, body, state }: { ctx: ViewContext; body: BodyRow; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('org.editTitle', { name: body.name })} back={{ href: `/organ/${body.id}`, label: body.name }}>
      <ErrorSummary ctx={ctx} state={state} labels={{ name: t('org.name'), noticeDays: t('body.noticeDays'), seats: t('body.seatCount') }} />
      <PostForm ctx={ctx} action={`/organ/${body.id}/andra`}>
        <TextField ctx={ctx} state={state} name="name" label={t('org.name')} required />
        <TextField ctx={ctx} state={state} name="noticeDays" label={t('body.noticeDays')} hint={t('body.noticeDaysHint')} inputMode="numeric" required />
        <TextField ctx={ctx} state={state} name="seats" label={t('body.seatCount')} hint={t('body.seatCountHint')} inputMode="numeric" />
        <CheckboxField ctx={ctx} state={state} name="isPublic" label={t('body.isPublic')} />
        <FormActions ctx={ctx} cancelHref={`/organ/${body.id}`} />
      </PostForm>
    </Layout>
  );
}

export function MandateFormPage(props: {
  ctx: ViewContext;
  title: string;
  action: string;
  back: string;
  state: FormState;
  people: PersonRow[];
  bodies: BodyRow[];
  municipalities: OrganisationRow[];
}) {
  const { ctx, state } = props;
  const { t } = ctx;
  const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: props.back }}>
      <ErrorSummary
        ctx={ctx}
        state={state}
        labels={{
          personId: t('mandate.person'),
          bodyId: t('mandate.body'),
          municipalityId: t('mandate.municipality'),
          role: t('mandate.role'),
          position: t('mandate.position'),
          termFrom: t('mandate.termFrom'),
          termTo: t('mandate.termTo'),
        }}
      />
      <PostForm ctx={ctx} action={props.action}>
        <SelectField ctx={ctx} state={state} name="personId" label={t('mandate.person')} required empty={t('mandate.choose')} options={byName(props.people).map((p) => ({ value: p.id, label: p.name }))} />
        <SelectField ctx={ctx} state={state} name="bodyId" label={t('mandate.body')} required options={byName(props.bodies).map((b) => ({ value: b.id, label: b.name }))} />
        <SelectField ctx={ctx} state={state} name="municipalityId" label={t('mandate.municipality')} required empty={t('mandate.choose')} options={byName(props.municipalities).map((m) => ({ value: m.id, label: m.name }))} />
        <SelectField
          ctx={ctx}
          state={state}
          name="role"
          label={t('mandate.role')}
          required
          options={(['member', 'substitute', 'official'] as const).map((r) => ({ value: r, label: t(`mandate.role.${r}`) }))}
        />
        <SelectField
          ctx={ctx}
          state={state}
          name="position"
          label={t('mandate.position')}
          options={[
            { value: '', label: t('mandate.position.none') },
            { value: 'chair', label: t('mandate.position.chair') },
            { value: 'vice_chair', label: t('mandate.position.vice_chair') },
          ]}
        />
        <TextField ctx={ctx} state={state} name="termFrom" label={t('mandate.termFrom')} hint={t('mandate.dateHint')} type="date" required />
        <TextField ctx={ctx} state={state} name="termTo" label={t('mandate.termTo')} hint={t('mandate.termToHint')} type="date" />
        <FormActions ctx={ctx} cancelHref={props.back} />
      </PostForm>
    </Layout>
  );
}

export function DeleteMandatePage(props: { ctx: ViewContext; mandate: MandateRow; what: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const back = `/organ/${props.mandate.bodyId}`;
  return <ConfirmPage ctx={ctx} title={t('mandate.deleteTitle')} question={t('common.confirmDelete', { what: props.what })} action={`/uppdrag/${props.mandate.id}/ta-bort`} back={back} confirmLabel={t('common.delete')} />;
}
