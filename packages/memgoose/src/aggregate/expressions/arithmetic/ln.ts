/** `$ln`: natural logarithm; non-positive arguments are an error. */
import { badExpression } from '../errors.js'
import { unaryNumber } from '../helpers.js'

/** Compiles `$ln`. */
export const ln = unaryNumber((n, name) => {
  if (!(n > 0) && !Number.isNaN(n)) throw badExpression(name, 'argument must be a positive number')
  return Math.log(n)
})
