/** `$literal`: its argument, unevaluated. */
import { constant } from '../constant.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$literal`. */
export const literal: ExpressionOperator = (args) => constant(args)
