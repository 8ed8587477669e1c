/** `$strLenBytes`: length in UTF-8 bytes; anything but a string fails. */
import { compileList, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$strLenBytes`. */
export const strLenBytes: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => Buffer.byteLength(str(name, arg(doc, vars)), 'utf8')
}
