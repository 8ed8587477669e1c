/** Coded errors raised while compiling or evaluating expressions. */
import { QueryError } from '../../errors/index.js'
import { bsonTypeAlias } from '../../values/type-order.js'

/** A malformed expression: wrong argument count or shape. Thrown at compile time. */
export function badExpression(name: string, message: string): QueryError {
  return new QueryError('BAD_EXPRESSION', `${name}: ${message}`)
}

/** A value of the wrong type met while evaluating (MongoDB fails the pipeline too). */
export function typeMismatch(name: string, expected: string, value: unknown): QueryError {
  return new QueryError('TYPE_MISMATCH', `${name} ${expected}, found ${bsonTypeAlias(value)}`)
}
