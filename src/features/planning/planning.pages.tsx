/** The planning overview of a year: the business plan, its follow-up, internal control, checklists and portfolio. */
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import type { FollowupService } from './followup.service.js';
import type { ControlService } from './control.service.js';
import type { ChecklistService } from './checklist.service.js';
import type { PortfolioService } from './portfolio.service.js';
import { planStatusText } from './plan.pages.js';
import { scoped, StatusText, YearSwitch } from './planning.views.js';
import { countText } from '../../platform/i18n/plural.js';
import { ListOrNone } from '../../platform/views/list-or-none.js';

export interface Overview {
  followup: Awaited<ReturnType<FollowupService['view']>>;
  control: Awaited<ReturnType<ControlService['view']>>;
  checklists: Awaited<ReturnType<ChecklistService['list']>>;
  portfolio: Awaited<ReturnType<PortfolioService['view']>>;
}

export function OverviewPage({ ctx, overview }: { ctx: ViewContext; overview: Overview }) {
  const { t } = ctx;
  const s = overview.followup;
  const loaded = s.loaded;
  const thisYears = overview.checklists.checklists.filter((c) => c.year === s.year);
  return (
    <Layout ctx={ctx} title={t('planning.overviewTitle', { year: s.year })} back={{ href: '/' }}>
      <YearSwitch ctx={ctx} s={s} path="/planering" />
      <section aria-labelledby="plan">
        <h2 id="plan">{t('planning.businessPlan')}</h2>
        <p>
          <a href={scoped('/planering/verksamhetsplan', s)}>{loaded ? loaded.plan.title : t('planning.noPlan', { year: s.year })}</a>
          {loaded && <> · {planStatusText(ctx, loaded)}</>}
        </p>
      </section>
      <section aria-labelledby="goals">
        <h2 id="goals">{t('planning.goalsTertial', { tertial: s.tertial })}</h2>
        <ListOrNone
          items={s.goals}
          none={t('planning.noGoals')}
          item={(g) => (
            <>
              {g.goal.title}: <StatusText ctx={ctx} status={g.status} />
            </>
          )}
        />
        <p class="actions">
          <a class="button secondary" href={scoped('/planering/uppfoljning', s)}>
            {t('planning.followup')}
          </a>
          <a class="button secondary" href={scoped('/planering/dialoger', s)}>
            {t('planning.dialogues')}
          </a>
        </p>
      </section>
      <section aria-labelledby="control">
        <h2 id="control">{t('planning.internalControl')}</h2>
        <p>{t('planning.controlSummary', { risks: overview.control.risks.length, points: overview.control.points.length, activities: overview.control.activities.length })}</p>
        <p>
          <a href={scoped('/planering/internkontroll', s)}>{t('planning.controlTitle', { year: s.year })}</a>
        </p>
      </section>
      <section aria-labelledby="checklists">
        <h2 id="checklists">{t('planning.checklists')}</h2>
        <ListOrNone
          items={thisYears}
          none={t('planning.noChecklistsYear', { year: s.year })}
          item={(c) => (
            <>
              <a href={`/planering/checklistor/${c.id}`}>{`${c.templateName} ${c.year}`}</a>: {t(`planning.checklistStatus.${c.status}`)}, {t('planning.answeredOf', { answered: c.answered, total: c.statements })}
            </>
          )}
        />
        <p>
          <a href={scoped('/planering/checklistor', s)}>{t('planning.allChecklists')}</a>
        </p>
      </section>
      <section aria-labelledby="portfolio">
        <h2 id="portfolio">{t('planning.portfolio')}</h2>
        <p>{countText(ctx, 'planning.portfolioSummary', overview.portfolio.items.length)}</p>
        <p>
          <a href={scoped('/planering/portfolj', s)}>{t('planning.portfolio')}</a>
        </p>
      </section>
    </Layout>
  );
}
