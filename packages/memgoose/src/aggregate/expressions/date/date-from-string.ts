/** `$dateFromString`: `{ dateString, format?, timezone?, onError?, onNull? }`. */
import { QueryError } from '../../../errors/index.js'
import { typeMismatch } from '../errors.js'
import { compileSpec, isNullish } from '../helpers.js'
import { compileZone } from './date-arg.js'
import { parseDateString } from './parse.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$dateFromString`. */
export const dateFromString: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(
    name,
    args,
    compile,
    ['dateString'] as const,
    ['format', 'timezone', 'onError', 'onNull'] as const
  )
  const zoneOf = compileZone(name, spec.timezone)
  return (doc, vars) => {
    const text = spec.dateString!(doc, vars)
    if (isNullish(text)) return spec.onNull ? spec.onNull(doc, vars) : null
    const zone = zoneOf(doc, vars)
    const format = spec.format ? spec.format(doc, vars) : undefined
    if (zone === null || format === null) return null
    try {
      if (typeof text !== 'string') throw typeMismatch(name, 'requires a string dateString', text)
      if (format !== undefined && typeof format !== 'string') {
        throw typeMismatch(name, 'requires a string format', format)
      }
      const ms = parseDateString(text, format, zone)
      if (ms === undefined || Number.isNaN(ms)) {
        throw new QueryError('CONVERSION_FAILURE', `${name}: cannot parse "${text}" as a date`)
      }
      return new Date(ms)
    } catch (err) {
      if (spec.onError && err instanceof QueryError && err.code !== 'BAD_EXPRESSION')
        return spec.onError(doc, vars)
      throw err
    }
  }
}
