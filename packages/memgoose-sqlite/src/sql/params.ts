/**
 * Named parameters of one SQL statement. Every user value — and every JSON path built from a field
 * name — reaches SQLite as a bound parameter, never as SQL text.
 */
import { Buffer } from 'node:buffer'

/** Collects values and hands out their placeholders (`@p0`, `@p1`, ...). */
export class Params {
  readonly values: Record<string, unknown> = {}
  #next = 0

  /** Binds `value` and returns its placeholder. */
  add(value: unknown): string {
    const name = `p${this.#next++}`
    this.values[name] = bindable(value)
    return `@${name}`
  }

  /** Whether any parameter was bound. */
  get size(): number {
    return this.#next
  }
}

/** better-sqlite3 binds numbers, strings, bigints, Buffers and null; booleans become 0/1. */
function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value)
  return value
}
