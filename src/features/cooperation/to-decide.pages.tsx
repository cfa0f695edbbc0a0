import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { ListTable, type Column } from '../../platform/views/list-table.js';
import type { CooperationService } from './cooperation.service.js';
import { deadlineOf } from './cooperation.model.js';
import type { OrganisationRow } from '../organisation/organisation.tables.js';

type Pending = Awaited<ReturnType<CooperationService['pendingFor']>>;
type Item = Pending['items'][number];

export function ToDecidePage({ ctx, pending }: { ctx: ViewContext; pending: Pending }) {
  const { t } = ctx;
  const decisionOf = (i: Item) => i.model.template.phases.find((p) => p.key === i.cell.phaseKey)?.decisions.find((d) => d.key === i.cell.decisionKey)?.label[ctx.locale] ?? i.cell.decisionKey;
  const phaseOf = (i: Item) => i.model.template.phases.find((p) => p.key === i.cell.phaseKey)?.label[ctx.locale] ?? '';
  const columns: Column<Item>[] = [
    { key: 'deadline', label: t('coop.deadline'), text: (i) => deadlineOf(i.model, i.cell) ?? '9999', render: (i) => {
      const d = deadlineOf(i.model, i.cell);
      if (!d) return '–';
      return d < ctx.today ? <>{d} <span class="badge">⚠ {t('coop.late')}</span></> : d;
    } },
    { key: 'initiative', label: t('coop.initiative'), rowHeader: true, text: (i) => i.model.initiative.name, render: (i) => <a href={`/samverkan/${i.model.initiative.id}`}>{i.model.initiative.name}</a> },
    { key: 'phase', label: t('coop.phase'), text: phaseOf },
    { key: 'decision', label: t('coop.decision'), text: decisionOf, render: (i) => <a href={`/samverkan/beslut/${i.cell.id}`}>{decisionOf(i)}</a> },
  ];
  return (
    <Layout ctx={ctx} title={t('coop.toDecideOf', { name: pending.municipality.name })} back={{ href: '/samverkan', label: t('coop.title') }}>
      <p>{t('coop.intro')}</p>
      {pending.items.length === 0 ? <p>{t('coop.toDecideNone')}</p> : <ListTable ctx={ctx} caption={t('coop.toDecide')} hideCaption columns={columns} rows={pending.items} defaultSort="deadline" searchId="att-besluta" />}
    </Layout>
  );
}

export function ChooseMunicipalityPage({ ctx, municipalities }: { ctx: ViewContext; municipalities: OrganisationRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('coop.toDecide')} back={{ href: '/samverkan', label: t('coop.title') }}>
      <p>{t('coop.chooseMunicipalityIntro')}</p>
      <ul>
        {municipalities.map((m) => (
          <li>
            <a href={`/samverkan/kommun/${m.slug}`}>{m.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
