/** `$count`: one document `{ [name]: n }` (nothing at all for empty input, as MongoDB). */
import { splitPath } from '../../values/paths.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

/** Compiles `$count`. */
export const count: StageCompiler = (spec, _env, name) => {
  if (
    typeof spec !== 'string' ||
    spec === '' ||
    spec.startsWith('$') ||
    spec.includes('.') ||
    spec === '_id'
  ) {
    throw badStage(name, 'requires a non-empty field name without "$" or "." (and not _id)')
  }
  splitPath(spec)
  return {
    name,
    async *run(input) {
      let n = 0
      for await (const batch of input) n += batch.length
      if (n > 0) yield [{ [spec]: n }]
    },
  }
}
