/** `$substrBytes` (and its old name `$substr`): a substring by UTF-8 byte offset and length. */
import { badExpression } from '../errors.js'
import { coerceToString, compileList, integral } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$substrBytes`. */
export const substrBytes: ExpressionOperator = (args, compile, name) => {
  const [input, startArg, lengthArg] = compileList(name, args, compile, 3)
  return (doc, vars) => {
    const bytes = Buffer.from(coerceToString(name, input(doc, vars)), 'utf8')
    const start = integral(name, startArg(doc, vars), 'starting index')
    const length = integral(name, lengthArg(doc, vars), 'length')
    if (start < 0) throw badExpression(name, 'starting index must be non-negative')
    const end = length < 0 ? bytes.length : Math.min(bytes.length, start + length)
    if (isContinuation(bytes[start]) || isContinuation(bytes[end])) {
      throw badExpression(
        name,
        'invalid range, starting or ending index is a UTF-8 continuation byte'
      )
    }
    return start >= bytes.length ? '' : bytes.subarray(start, end).toString('utf8')
  }
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80
}
