/** `$log10`: base-10 logarithm; non-positive arguments are an error. */
import { badExpression } from '../errors.js'
import { unaryNumber } from '../helpers.js'

/** Compiles `$log10`. */
export const log10 = unaryNumber((n, name) => {
  if (!(n > 0) && !Number.isNaN(n)) throw badExpression(name, 'argument must be a positive number')
  return Math.log10(n)
})
