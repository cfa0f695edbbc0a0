import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import { ErrorSummary, PostForm, SelectField, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import type { CooperationService } from './cooperation.service.js';
import { initiativeStatus, keyLabel, namesOf, NoWrap, timeOf } from './cooperation.views.js';
import { templatePhase } from './cooperation.model.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

type ListRow = Awaited<ReturnType<CooperationService['listInitiatives']>>[number];
type Meetings = Awaited<ReturnType<CooperationService['formOptions']>>['meetings'];

function pendingOf(row: ListRow): number {
  const open = row.phases.find((p) => p.isOpen);
  return open ? row.model.cells.filter((c) => c.phaseKey === open.row.phaseKey && c.status === 'pending').length : 0;
}

export function InitiativeListPage(props: { ctx: ViewContext; rows: ListRow[]; canManage: boolean; meetings: Meetings; state: FormState }) {
  const { ctx } = props;
  const { t } = ctx;
  const columns: Column<ListRow>[] = [
    { key: 'name', label: t('coop.name'), rowHeader: true, text: (r) => r.model.initiative.name, render: (r) => (
        <>
          <a href={`/samverkan/${r.model.initiative.id}`}>{r.model.initiative.name}</a>
          <ExampleMark ctx={ctx} origin={r.model.initiative.origin} />
        </>
      ),
    },
    { key: 'phase', label: t('coop.phase'), text: (r) => templatePhase(r.model, r.model.initiative.phaseKey)?.label[ctx.locale] ?? '' },
    { key: 'status', label: t('coop.status'), text: (r) => initiativeStatus(ctx, r.model.initiative.status) },
    { key: 'participants', label: t('coop.participants'), numeric: true, text: (r) => (r.phases.find((p) => p.isOpen) ?? r.phases.at(-1))?.participantIds.length ?? 0 },
    { key: 'pending', label: t('coop.pendingCount'), numeric: true, text: pendingOf },
  ];
  return (
    <Layout ctx={ctx} title={t('coop.title')} back={{ href: '/' }}>
      <p>{t('coop.intro')}</p>
      <p class="actions">
        {props.canManage && (
          <a class="button" href="/samverkan/nytt">
            {t('coop.new')}
          </a>
        )}
        <a href="/samverkan/att-besluta">{t('coop.toDecide')}</a>
      </p>
      <ListTable ctx={ctx} caption={t('coop.title')} hideCaption columns={columns} rows={props.rows} defaultSort="name" searchId="initiatives" />
      {props.canManage && (
        <section aria-labelledby="status-list">
          <h2 id="status-list">{t('coop.statusList')}</h2>
          <p class="hint">{t('coop.statusListHint')}</p>
          {props.meetings.length === 0 ? (
            <p>{t('coop.statusListNoMeetings')}</p>
          ) : (
            <>
              <ErrorSummary ctx={ctx} state={props.state} labels={{ meetingId: t('coop.statusListMeeting') }} />
              <PostForm ctx={ctx} action="/samverkan/statuslista">
                <SelectField
                  ctx={ctx}
                  state={props.state}
                  name="meetingId"
                  label={t('coop.statusListMeeting')}
                  required
                  options={props.meetings.map((m) => ({ value: m.id, label: `${m.bodyName} ${timeOf(m.startsAt)}, ${m.place}` }))}
                />
                <FormActions ctx={ctx} submit={t('coop.statusList')} />
              </PostForm>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}

export function InitiativeFormPage(props: { ctx: ViewContext; state: FormState; municipalities: OrganisationRow[]; action: string; title: string; back: string }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const labels = { name: t('coop.name'), description: t('coop.description'), procuringOrganisationId: t('coop.procuring'), allocationKind: t('coop.key'), flatSharePercent: t('coop.flatShare') };
  return (
    <Layout ctx={ctx} title={props.title} back={{ href: props.back }}>
      <ErrorSummary ctx={ctx} state={state} labels={labels} />
      <PostForm ctx={ctx} action={props.action}>
        <TextField ctx={ctx} state={state} name="name" label={labels.name} required />
        <div class="field">
          <label for="f-description">{labels.description}</label>
          <textarea id="f-description" name="description" rows={4}>
            {state.values.description ?? ''}
          </textarea>
        </div>
        <SelectField ctx={ctx} state={state} name="procuringOrganisationId" label={labels.procuringOrganisationId} empty={t('coop.procuringNone')} options={props.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
        <SelectField
          ctx={ctx}
          state={state}
          name="allocationKind"
          label={labels.allocationKind}
          options={(['population', 'equal', 'mixed'] as const).map((k) => ({ value: k, label: t(`coop.key.${k}`) }))}
        />
        <TextField ctx={ctx} state={state} name="flatSharePercent" label={labels.flatSharePercent} hint={t('coop.flatShareHint')} inputMode="numeric" />
        <FormActions ctx={ctx} cancelHref={props.back} />
      </PostForm>
    </Layout>
  );
}

type Detail = Awaited<ReturnType<CooperationService['getInitiative']>>;

export function ClosePhasePage({ ctx, detail, state }: { ctx: ViewContext; detail: Detail; state: FormState }) {
  const { t } = ctx;
  const open = detail.phases.find((p) => p.isOpen);
  const phase = open?.template.label[ctx.locale] ?? '';
  const names = namesOf(detail.model, open?.gate?.participantIds ?? []) || t('coop.noParticipants');
  const back = `/samverkan/${detail.model.initiative.id}`;
  return (
    <Layout ctx={ctx} title={t('coop.closeTitle', { phase })} back={{ href: back, label: detail.model.initiative.name }}>
      <ErrorSummary ctx={ctx} state={state} />
      <p>{t('coop.closeConfirm', { names })}</p>
      <PostForm ctx={ctx} action={`${back}/stang-fas`}>
        <FormActions ctx={ctx} submit={t('coop.close')} cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

export function StopPage({ ctx, detail, state }: { ctx: ViewContext; detail: Detail; state: FormState }) {
  const { t } = ctx;
  const back = `/samverkan/${detail.model.initiative.id}`;
  return (
    <Layout ctx={ctx} title={t('coop.stop')} back={{ href: back, label: detail.model.initiative.name }}>
      <ErrorSummary ctx={ctx} state={state} labels={{ reason: t('coop.stopReason') }} />
      <p>{t('coop.stopConfirm')}</p>
      <PostForm ctx={ctx} action={`${back}/stoppa`}>
        <TextField ctx={ctx} state={state} name="reason" label={t('coop.stopReason')} required />
        <FormActions ctx={ctx} submit={t('coop.stop')} kind="danger" cancelHref={back} />
      </PostForm>
    </Layout>
  );
}

export { keyLabel, NoWrap };
