/** Planning and follow-up, wired once: business plan, follow-up, internal control, checklists, portfolio. */
import { createChecklistService } from './checklist.service.js';
import { createControlService } from './control.service.js';
import { createFollowupService } from './followup.service.js';
import { createPlanService } from './plan.service.js';
import type { PlanningDeps } from './planning-context.js';
import { createPortfolioService } from './portfolio.service.js';

export function createPlanningService(deps: PlanningDeps) {
  const plans = createPlanService(deps);
  const withPlans = { ...deps, plans };
  return {
    plans,
    followup: createFollowupService(withPlans),
    control: createControlService(withPlans),
    checklists: createChecklistService(withPlans),
    portfolio: createPortfolioService(withPlans),
  };
}

export type PlanningService = ReturnType<typeof createPlanningService>;
