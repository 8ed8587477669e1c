/** Helpers for stages over batch streams. */
import type { Doc } from '../types.js'
import type { Batches, Runtime, Stage } from './types.js'

/** Size of the batches the runner cuts the source into. */
export const BATCH_SIZE = 1024

/**
 * Groups a document stream into batches. Arrays are sliced and sync iterables read without an
 * await per document, which dominates the cost of small per-document stages otherwise.
 */
export async function* batchesOf(source: AsyncIterable<Doc> | Iterable<Doc>): Batches {
  if (Array.isArray(source)) {
    yield* fromArray(source)
    return
  }
  let batch: Doc[] = []
  if (!(Symbol.asyncIterator in source)) {
    for (const doc of source) {
      batch.push(doc)
      if (batch.length >= BATCH_SIZE) {
        yield batch
        batch = []
      }
    }
    if (batch.length > 0) yield batch
    return
  }
  for await (const doc of source) {
    batch.push(doc)
    if (batch.length >= BATCH_SIZE) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** A caller's batch stream without its empty batches (stages may assume a batch has documents). */
export async function* nonEmpty(source: AsyncIterable<Doc[]> | Iterable<Doc[]>): Batches {
  if (Symbol.asyncIterator in source) {
    for await (const batch of source) if (batch.length > 0) yield batch
    return
  }
  for (const batch of source) if (batch.length > 0) yield batch
}

/** A stream of one array, cut into batches. */
export async function* fromArray(docs: readonly Doc[]): Batches {
  for (let i = 0; i < docs.length; i += BATCH_SIZE) yield docs.slice(i, i + BATCH_SIZE)
}

/** Drains a stream into one array. */
export async function collect(input: Batches): Promise<Doc[]> {
  const out: Doc[] = []
  for await (const batch of input) for (const doc of batch) out.push(doc)
  return out
}

/** A stage that maps each batch synchronously (empty results are dropped). */
export function batchStage(name: string, fn: (batch: Doc[], rt: Runtime) => Doc[]): Stage {
  return {
    name,
    async *run(input, rt) {
      for await (const batch of input) {
        const out = fn(batch, rt)
        if (out.length > 0) yield out
      }
    },
  }
}

/** A stage that maps each document to zero or one document. */
export function mapStage(name: string, fn: (doc: Doc, rt: Runtime) => Doc | undefined): Stage {
  return batchStage(name, (batch, rt) => {
    const out: Doc[] = []
    for (const doc of batch) {
      const v = fn(doc, rt)
      if (v !== undefined) out.push(v)
    }
    return out
  })
}

/** A stage that needs all of its input before producing output. */
export function blockingStage(
  name: string,
  fn: (docs: Doc[], rt: Runtime) => Promise<Doc[]> | Doc[]
): Stage {
  return {
    name,
    async *run(input, rt) {
      const out = await fn(await collect(input), rt)
      for (let i = 0; i < out.length; i += 1024) yield out.slice(i, i + 1024)
    },
  }
}
