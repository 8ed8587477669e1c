/** Type re-exports for the date operators, so each file has one import line for them. */
export type { Doc } from '../../types.js'
export type { CompileFn, Evaluate, ExpressionOperator } from '../types.js'
