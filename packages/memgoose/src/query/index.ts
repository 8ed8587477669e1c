/**
 * The query engine: filters compiled to predicates, projections, sorts, and MongoDB's array-aware
 * path resolution.
 */
export { compileFilter, isFilterEmpty, setExprEvaluator } from './filter/compile.js'
export type { ExprEvaluator } from './filter/compile.js'
export { hasConditionOn, matchedArrayIndex } from './filter/positional.js'
export type { CompiledFilter } from './filter/types.js'
export { getValues } from './filter/walk.js'
export { compileProjection } from './projection/compile.js'
export type { CompiledProjection } from './projection/compile.js'
export { validateProjection } from './projection/spec.js'
export type { ProjectionAction, ProjectionInput, ProjectionSpec } from './projection/spec.js'
export { compareSortKeys, compileSort, sortDocuments, sortKeyOf } from './sort/compile.js'
export type { DocumentComparator } from './sort/compile.js'
export { normalizeSort } from './sort/normalize.js'
export type { SortDirection, SortSpec } from './sort/normalize.js'
