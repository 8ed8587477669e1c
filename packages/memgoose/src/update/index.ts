/**
 * The update engine: MongoDB update operators, replacement documents and upsert documents, compiled
 * once and applied copy-on-write.
 */
export { applyUpdate } from './apply.js'
export { compileUpdate, isReplacement, type CompileUpdateOptions } from './compile.js'
export { buildUpsertDocument } from './upsert.js'
export type { CompiledUpdate, UpdateContext, UpdateResult } from './types.js'
