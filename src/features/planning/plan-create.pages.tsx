/** Creating a year's business plan: copy last year's (the default) or start empty; a plan already there is replaced only after a confirmation. */
import type { ViewContext } from '../../platform/views/context.js';
import { Layout } from '../../platform/views/layout.js';
import { PostForm } from '../../platform/views/forms.js';
import { swedishDate } from '../../platform/clock.js';
import { scoped, type PlanningScope } from './planning.views.js';
import type { BusinessPlanRow } from './planning.tables.js';

export interface CreatePlanOptions extends PlanningScope {
  previousYear: number | null;
  existing: BusinessPlanRow | null;
}

/** The choice "Kopiera från <N-1>" (checked when there is one) or "Börja med en tom plan", and the create button. */
export function CreatePlanForm({ ctx, options, replace }: { ctx: ViewContext; options: CreatePlanOptions; replace?: boolean }) {
  const { t } = ctx;
  const { year, previousYear } = options;
  return (
    <PostForm ctx={ctx} action={scoped('/planering/verksamhetsplan/ny', options)}>
      {previousYear !== null ? (
        <fieldset class="field">
          <legend>{t('planning.createSource')}</legend>
          <label>
            <input type="radio" name="source" value="copy" checked /> {t('planning.createFrom', { year: previousYear })}
          </label>
          <p class="hint">{t('planning.createFromHint')}</p>
          <label>
            <input type="radio" name="source" value="empty" /> {t('planning.createEmpty')}
          </label>
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="source" value="empty" />
          <p class="hint">{t('planning.noPreviousPlan', { year: year - 1 })}</p>
        </>
      )}
      {replace && <input type="hidden" name="replace" value="yes" />}
      <div class="actions">
        <button type="submit" class={replace ? 'danger' : undefined}>
          {replace ? t('planning.replacePlan', { year }) : t('planning.createPlan', { year })}
        </button>
        {replace && <a href={scoped('/planering/verksamhetsplan', options)}>{t('common.cancel')}</a>}
      </div>
    </PostForm>
  );
}

/** The create form on its own page; when the year already has a (draft) plan, the warning and "Ersätt". */
export function CreatePlanPage({ ctx, options }: { ctx: ViewContext; options: CreatePlanOptions }) {
  const { t } = ctx;
  const { existing, year } = options;
  const title = existing ? t('planning.planExistsTitle', { year }) : t('planning.createPlan', { year });
  return (
    <Layout ctx={ctx} title={title} back={{ href: scoped('/planering/verksamhetsplan', options) }}>
      {existing && (
        <p class="warning" role="alert">
          {t('planning.planExists', { year, status: t(`planning.planStatus.${existing.status}`).toLowerCase(), date: swedishDate(existing.updatedAt) })}
        </p>
      )}
      <CreatePlanForm ctx={ctx} options={options} replace={existing !== null} />
    </Layout>
  );
}
