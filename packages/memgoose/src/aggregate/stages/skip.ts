/** `$skip`: drops the first n documents. */
import { count } from './limit.js'
import type { StageCompiler } from './types.js'

/** Compiles `$skip`. */
export const skip: StageCompiler = (spec, _env, name) => {
  const n = count(name, spec, true)
  return {
    name,
    async *run(input) {
      let left = n
      for await (const batch of input) {
        if (left === 0) yield batch
        else if (batch.length <= left) left -= batch.length
        else {
          yield batch.slice(left)
          left = 0
        }
      }
    },
  }
}
