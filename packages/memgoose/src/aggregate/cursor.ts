/** The cursor `Aggregate.cursor()` returns: `next()`/`close()`, `eachAsync()` and `for await`. */
import type { Doc } from './types.js'

/** A pull-based cursor over aggregation results. */
export class AggregationCursor<T = Doc> implements AsyncIterable<T> {
  readonly #open: () => Promise<AsyncIterator<T>>
  #iterator: Promise<AsyncIterator<T>> | undefined
  #closed = false

  /** `open` starts the pipeline; it runs on the first `next()`. */
  constructor(open: () => Promise<AsyncIterator<T>>) {
    this.#open = open
  }

  /** The next result, or null when the cursor is exhausted or closed. */
  async next(): Promise<T | null> {
    if (this.#closed) return null
    this.#iterator ??= this.#open()
    const step = await (await this.#iterator).next()
    if (step.done) {
      this.#closed = true
      return null
    }
    return step.value
  }

  /** Stops the pipeline early and releases its resources. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#iterator) await (await this.#iterator).return?.()
  }

  /** Calls `fn` on each result in order, awaiting it. */
  async eachAsync(fn: (doc: T, index: number) => unknown): Promise<void> {
    let i = 0
    for await (const doc of this) await fn(doc, i++)
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    try {
      for (let doc = await this.next(); doc !== null; doc = await this.next()) yield doc
    } finally {
      await this.close()
    }
  }
}
