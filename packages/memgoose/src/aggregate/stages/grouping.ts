/**
 * The grouping engine shared by `$group`, `$bucket` and `$sortByCount`: documents hashed by key into
 * groups, each group holding one state per accumulator field. Groups come out in first-seen order.
 */
import { assertSafeKey } from '../../values/paths.js'
import { compileAccumulator } from '../accumulators/compile.js'
import type { AccumulatorState, CompiledAccumulator, ValueState } from '../accumulators/types.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import { isConstant } from '../expressions/constant.js'
import { groupKey } from '../group-key.js'
import type { Doc } from '../types.js'
import { badStage } from './errors.js'

/** Marks a field whose input is not a constant (any value, undefined included, can be one). */
const NOT_CONSTANT = Symbol('not a constant')

/** Compiled accumulator fields of a grouping stage. */
export interface GroupFields {
  readonly names: readonly string[]
  readonly accumulators: readonly CompiledAccumulator[]
}

/** Compiles `{ field: { $acc: expr } }` entries (all keys but `skip`). */
export function compileGroupFields(
  stage: string,
  spec: Record<string, unknown>,
  skip: string
): GroupFields {
  const names: string[] = []
  const accumulators: CompiledAccumulator[] = []
  for (const key of Object.keys(spec)) {
    if (key === skip) continue
    assertSafeKey(key, stage)
    if (key.includes('.') || key.startsWith('$')) {
      throw badStage(stage, `the field name "${key}" cannot contain "." or start with "$"`)
    }
    names.push(key)
    accumulators.push(compileAccumulator(stage, key, spec[key]))
  }
  return { names, accumulators }
}

/** One group: its key value and accumulator states. */
export interface Group {
  readonly id: unknown
  readonly states: (AccumulatorState | ValueState)[]
}

/** Accumulates documents into groups keyed by `keyOf`. */
export class Grouper {
  readonly #fields: GroupFields
  readonly #groups = new Map<unknown, Group>()
  /** Per field: the input of a unary accumulator (evaluated here), or undefined. */
  readonly #inputs: (Evaluate | undefined)[]
  /** Per field: the input's value when it is a constant (`{ $sum: 1 }`), else NOT_CONSTANT. */
  readonly #constants: unknown[]

  constructor(fields: GroupFields) {
    this.#fields = fields
    this.#inputs = fields.accumulators.map((a) => a.unary?.input)
    this.#constants = this.#inputs.map((input) =>
      input !== undefined && isConstant(input) ? input({}, {}) : NOT_CONSTANT
    )
  }

  /** Adds `doc` to the group of `id`. */
  add(id: unknown, doc: Doc, vars: Vars): void {
    // Strings are the common key and hash as themselves: skip the call.
    const key = typeof id === 'string' ? id : groupKey(id)
    let group = this.#groups.get(key)
    if (group === undefined) {
      const states = this.#fields.accumulators.map((a) => (a.unary ? a.unary.create() : a.create()))
      group = { id: id === undefined ? null : id, states }
      this.#groups.set(key, group)
    }
    const states = group.states
    const inputs = this.#inputs
    const constants = this.#constants
    for (let i = 0; i < states.length; i++) {
      const input = inputs[i]
      if (input === undefined) (states[i] as AccumulatorState).add(doc, vars)
      else {
        const value = constants[i]
        ;(states[i] as ValueState).push(value === NOT_CONSTANT ? input(doc, vars) : value)
      }
    }
  }

  /** The groups in first-seen order. */
  groups(): IterableIterator<Group> {
    return this.#groups.values()
  }

  /** The output document of a group: `_id` then the accumulator fields. */
  output(group: Group, id: unknown = group.id): Doc {
    const out: Doc = { _id: id }
    const { names } = this.#fields
    for (let i = 0; i < names.length; i++) {
      const v = group.states[i].result()
      if (v !== undefined) out[names[i]] = v
    }
    return out
  }
}
