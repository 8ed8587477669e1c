/**
 * Aggregation: the pipeline runner (independent of models and engines), the expression compiler and
 * mongoose's chainable `Aggregate` builder.
 */
export { aggregateToArray, explainPipeline, runPipeline, runPipelineBatches } from './runner.js'
export type { PipelineExplain } from './runner.js'
export { BATCH_SIZE } from './stages/batches.js'
export { compileExpression } from './expressions/compile.js'
export { compileExprPredicate, installExprEvaluator } from './expr-hook.js'
export type { Evaluate, Vars } from './expressions/types.js'
export type {
  AggregateContext,
  Doc,
  PipelineHead,
  WhenMatched,
  WhenNotMatched,
  WriteMode,
} from './types.js'
export { Aggregate } from './builder.js'
export type { AggregateOptions, AggregateRunner, PipelineStage } from './builder.js'
export { AggregationCursor } from './cursor.js'
