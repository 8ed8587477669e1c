/** `$limit`: passes the first n documents, then stops pulling its input. */
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

/** A positive integer argument of `$limit`/`$skip`/`$sample`. */
export function count(stage: string, value: unknown, allowZero: boolean): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw badStage(
      stage,
      `requires a ${allowZero ? 'non-negative' : 'positive'} integer, got ${String(value)}`
    )
  }
  return value
}

/** Compiles `$limit`. */
export const limit: StageCompiler = (spec, _env, name) => {
  const n = count(name, spec, false)
  return {
    name,
    async *run(input) {
      let left = n
      for await (const batch of input) {
        if (batch.length >= left) {
          yield batch.slice(0, left)
          return
        }
        left -= batch.length
        yield batch
      }
    },
  }
}
