/**
 * The query planner entry point.
 */
export { planQuery } from './plan-query.js'
export type { PlanExplain, PlanQueryInput, QueryPlan } from './types.js'
export { expiredRange } from './ttl.js'
