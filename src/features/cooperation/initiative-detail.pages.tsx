import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ErrorSummary, PostForm, TextField, type FormState, FormActions } from '../../platform/views/forms.js';
import { ExampleMark } from '../../platform/views/example-data.js';
import type { CooperationService } from './cooperation.service.js';
import { templatePhase, type PhaseView } from './cooperation.model.js';
import { swedishStamp } from '../../platform/time-format.js';
import type { GateShortfall } from '../../domain/index.js';
import { byLabel, dateOf, initiativeStatus, keyLabel, kr, nameOf, namesOf } from './cooperation.views.js';
import { DataTable } from '../../platform/views/data-table.js';
import { ListOrNone } from '../../platform/views/list-or-none.js';

type Detail = Awaited<ReturnType<CooperationService['getInitiative']>>;

function shortfallText(ctx: ViewContext, detail: Detail, phase: PhaseView, s: GateShortfall): string {
  const decision = phase.template.decisions.find((d) => d.key === s.decisionKey)?.label[ctx.locale] ?? s.decisionKey;
  if (s.kind === 'missing') return ctx.t('coop.gate.missing', { decision, who: s.organisationIds.map((id) => nameOf(detail.model, id)).join(', ') });
  if (s.kind === 'declined') return ctx.t('coop.gate.declined', { decision });
  if (s.kind === 'nobody-joined') return ctx.t('coop.gate.nobody', { decision });
  return ctx.t('coop.gate.noProcuring', { decision });
}

function Costs({ ctx, detail, phase, id }: { ctx: ViewContext; detail: Detail; phase: PhaseView; id: string }) {
  const { t } = ctx;
  if ('error' in phase.shares) return <p class="warning">{t('coop.costError', { reason: phase.shares.error.userMessage[ctx.locale] })}</p>;
  if (phase.shares.shares.length === 0) return null;
  const collator = new Intl.Collator('sv');
  const rows = [...phase.shares.shares].sort((a, b) => collator.compare(nameOf(detail.model, a.partyId), nameOf(detail.model, b.partyId)));
  return (
    <div class="table-scroll">
      <table>
        <caption id={id}>
          {t('coop.costs')}: {kr(phase.row.budget)} kr · {t('coop.key')}: {keyLabel(ctx, detail.model)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('coop.municipality')}</th>
            <th scope="col" class="num">{t('coop.population')}</th>
            <th scope="col" class="num">{t('coop.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr>
              <th scope="row">{nameOf(detail.model, s.partyId)}</th>
              <td class="num">{kr(detail.model.populations.get(s.partyId)?.population ?? 0)}</td>
              <td class="num">{kr(s.amount)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('coop.total')}</th>
            <td />
            <td class="num">{kr(rows.reduce((sum, s) => sum + s.amount, 0))}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function BuyIn({ ctx, detail, phase }: { ctx: ViewContext; detail: Detail; phase: PhaseView }) {
  const { t } = ctx;
  if (!phase.buyIn) return null;
  const { result } = phase.buyIn;
  return (
    <>
      <h4>{t('coop.buyIn')}</h4>
      <p>{t('coop.buyInIntro')}</p>
      {'error' in result ? (
        <p class="warning">{t('coop.costError', { reason: result.error.userMessage[ctx.locale] })}</p>
      ) : (
        <DataTable caption={t('coop.buyIn')} hideCaption columns={[t('coop.municipality'), { label: t('coop.before'), numeric: true }, { label: t('coop.after'), numeric: true }, t('coop.settlement')]} scroll>
          {result.rows.map((r) => (
            <tr>
              <th scope="row">{nameOf(detail.model, r.partyId)}</th>
              <td class="num">{kr(r.before)}</td>
              <td class="num">{kr(r.after)}</td>
              <td>{r.joining ? t('coop.paysIn', { amount: `${kr(r.settlement)} kr` }) : t('coop.getsBack', { amount: `${kr(r.settlement)} kr` })}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function Phase({ ctx, detail, phase, planState }: { ctx: ViewContext; detail: Detail; phase: PhaseView; planState: FormState }) {
  const { t } = ctx;
  const base = `/samverkan/${detail.model.initiative.id}`;
  const id = `fas-${phase.template.key}`;
  const active = detail.model.initiative.status === 'active';
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {phase.template.label[ctx.locale]} – {phase.isOpen ? t('coop.phaseOpen', { date: dateOf(phase.row.openedAt) }) : t('coop.phaseClosed', { date: phase.row.closedAt ? dateOf(phase.row.closedAt) : '' })}
        <ExampleMark ctx={ctx} origin={phase.row.origin} />
      </h3>
      <ul>
        {phase.template.decisions.map((d) => (
          <li>
            {d.label[ctx.locale]} ({byLabel(ctx, d.by)}
            {d.required ? `, ${t('coop.required').toLowerCase()}` : ''}
            {d.joins ? `; ${t('coop.joins').toLowerCase()}` : ''})
          </li>
        ))}
      </ul>
      <dl class="facts">
        <dt>{t('coop.participants')}</dt>
        <dd>{phase.participantIds.length ? namesOf(detail.model, phase.participantIds) : t('coop.noParticipants')}</dd>
        {phase.row.decisionDeadline && (
          <>
            <dt>{t('coop.deadline')}</dt>
            <dd>{phase.row.decisionDeadline}</dd>
          </>
        )}
      </dl>
      {phase.gate && (
        <div class={phase.gate.canClose ? 'notice' : 'warning'}>
          <p>
            <strong>{t('coop.gate')}:</strong> {phase.gate.canClose ? t('coop.gate.ok') : t('coop.gate.blocked')}
          </p>
          {phase.gate.shortfalls.length > 0 && (
            <ul>
              {phase.gate.shortfalls.map((s) => (
                <li>{shortfallText(ctx, detail, phase, s)}</li>
              ))}
            </ul>
          )}
          {detail.canManage && active && phase.gate.canClose && (
            <p>
              <a class="button" href={`${base}/stang-fas`}>
                {t('coop.close')}
              </a>
            </p>
          )}
        </div>
      )}
      <Costs ctx={ctx} detail={detail} phase={phase} id={`${id}-kostnad`} />
      {phase.isOpen && detail.canManage && active && (
        <>
          <ErrorSummary ctx={ctx} state={planState} labels={{ budget: t('coop.budget'), decisionDeadline: t('coop.deadline') }} />
          <PostForm ctx={ctx} action={`${base}/budget`}>
            <TextField ctx={ctx} state={planState} name="budget" label={t('coop.budget')} inputMode="numeric" />
            <TextField ctx={ctx} state={planState} name="decisionDeadline" label={t('coop.deadline')} type="date" />
            <FormActions ctx={ctx} submit={t('coop.plan')} kind="secondary" />
          </PostForm>
        </>
      )}
      <BuyIn ctx={ctx} detail={detail} phase={phase} />
    </section>
  );
}

export function InitiativePage({ ctx, detail, planState }: { ctx: ViewContext; detail: Detail; planState: FormState }) {
  const { t } = ctx;
  const { model } = detail;
  const base = `/samverkan/${model.initiative.id}`;
  return (
    <Layout ctx={ctx} title={model.initiative.name} back={{ href: '/samverkan', label: t('coop.title') }}>
      {detail.stop && <p class="warning">{t('coop.stoppedOn', { date: dateOf(detail.stop.at), reason: detail.stop.reason })}</p>}
      {model.initiative.description && <p class="wrap-anywhere">{model.initiative.description}</p>}
      <dl class="facts">
        <dt>{t('coop.status')}</dt>
        <dd>{initiativeStatus(ctx, model.initiative.status)}</dd>
        <dt>{t('coop.phase')}</dt>
        <dd>
          {model.template.phases.find((p) => p.key === model.initiative.phaseKey)?.label[ctx.locale]}
          <ExampleMark ctx={ctx} origin={model.initiative.origin} />
        </dd>
        <dt>{t('coop.procuring')}</dt>
        <dd>{model.initiative.procuringOrganisationId ? nameOf(model, model.initiative.procuringOrganisationId) : t('coop.procuringNone')}</dd>
        <dt>{t('coop.key')}</dt>
        <dd>{keyLabel(ctx, model)}</dd>
      </dl>
      <p class="actions">
        <a class="button" href={`${base}/matris`}>
          {t('coop.matrix')}
        </a>
        {detail.canManage && <a href={`${base}/andra`}>{t('coop.edit')}</a>}
        {detail.canManage && model.initiative.status === 'active' && <a href={`${base}/stoppa`}>{t('coop.stop')}</a>}
      </p>
      <h2>{t('coop.phases')}</h2>
      {[...detail.phases].reverse().map((phase) => (
        <Phase ctx={ctx} detail={detail} phase={phase} planState={planState} />
      ))}
      <h2>{t('coop.powers')}</h2>
      <ListOrNone
        items={model.powers}
        none={t('coop.powersNone')}
        item={(p) => (
          <>
            {nameOf(model, p.organisationId)} → {nameOf(model, p.procuringOrganisationId)}: {t('coop.grantedOn').toLowerCase()} {p.grantedOn}
            {p.reference ? ` (${p.reference})` : ''}
            <ExampleMark ctx={ctx} origin={p.origin} />
          </>
        )}
      />
      {detail.canManage && <Reminders ctx={ctx} detail={detail} />}
    </Layout>
  );
}

/** The reminders sent to the municipalities about their decisions, each with how its e-mails went (the mail log). */
function Reminders({ ctx, detail }: { ctx: ViewContext; detail: Detail }) {
  const { t } = ctx;
  const { model } = detail;
  const decisionOf = (cellId: string) => {
    const cell = model.cells.find((c) => c.id === cellId);
    const phase = cell ? templatePhase(model, cell.phaseKey) : undefined;
    return phase?.decisions.find((d) => d.key === cell?.decisionKey)?.label[ctx.locale] ?? '';
  };
  return (
    <section aria-labelledby="paminnelser">
      <h2 id="paminnelser">{t('coop.reminders')}</h2>
      <p>{t('coop.remindersHint')}</p>
      {detail.reminders.length === 0 ? (
        <p>{t('coop.remindersNone')}</p>
      ) : (
        <DataTable caption={t('coop.reminders')} hideCaption scroll columns={[t('coop.reminder.municipality'), t('coop.reminder.decision'), t('coop.reminder.dueOn'), t('coop.reminder.sentAt'), t('coop.reminder.mail')]}>
              {detail.reminders.map((r) => (
                <tr>
                  <th scope="row">{nameOf(model, r.organisationId)}</th>
                  <td>{decisionOf(r.cellId)}</td>
                  <td style="white-space: nowrap">{r.dueOn}</td>
                  <td style="white-space: nowrap">{swedishStamp(r.sentAt)}</td>
                  <td>
                    {r.mails.length === 0 ? (
                      t('coop.reminder.unknown')
                    ) : (
                      <ul style="list-style: none; padding: 0; margin: 0">
                        {r.mails.map((m) => (
                          <li class={m.state === 'failed' || m.state === 'retrying' ? 'warning' : undefined}>
                            {t(`coop.reminder.state.${m.state}`, { to: m.recipient })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </section>
  );
}
