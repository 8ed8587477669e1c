/** `$sample`: `{ size }` documents chosen uniformly at random (reservoir sampling, one pass). */
import { isPlainObject } from '../../values/bson.js'
import type { Doc } from '../types.js'
import { badStage } from './errors.js'
import { count } from './limit.js'
import type { StageCompiler } from './types.js'

/** Compiles `$sample`. */
export const sample: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1)
    throw badStage(name, 'requires { size: n }')
  const size = count(name, spec.size, true)
  return {
    name,
    async *run(input) {
      const reservoir: Doc[] = []
      let seen = 0
      for await (const batch of input) {
        for (const doc of batch) {
          seen++
          if (reservoir.length < size) reservoir.push(doc)
          else {
            const j = Math.floor(Math.random() * seen)
            if (j < size) reservoir[j] = doc
          }
        }
      }
      for (let i = reservoir.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1))
        ;[reservoir[i], reservoir[j]] = [reservoir[j], reservoir[i]]
      }
      if (reservoir.length > 0) yield reservoir
    },
  }
}
