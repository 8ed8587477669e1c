/** `$sqrt`: square root; a negative argument is an error. */
import { badExpression } from '../errors.js'
import { unaryNumber } from '../helpers.js'

/** Compiles `$sqrt`. */
export const sqrt = unaryNumber((n, name) => {
  if (n < 0) throw badExpression(name, 'argument must be greater than or equal to 0')
  return Math.sqrt(n)
})
