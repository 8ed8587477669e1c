/** Types of compiled pipeline stages. */
import type { Vars } from '../expressions/types.js'
import type { AggregateContext, Doc } from '../types.js'

/** A stream of document batches between stages (batches keep per-document async overhead low). */
export type Batches = AsyncIterable<Doc[]>

/** What a stage sees while running. */
export interface Runtime {
  /** The database the pipeline runs against. */
  readonly ctx: AggregateContext
  /** The variables in scope (`$$NOW`, `let`, `$lookup` bindings). */
  readonly vars: Vars
}

/** A compiled stage. */
export interface Stage {
  /** The stage operator (`'$group'`), for explain and errors. */
  readonly name: string
  /** Transforms the input stream. Must not mutate input documents. */
  run(input: Batches, rt: Runtime): Batches
}

/** Compiles the sub-pipelines of `$lookup`, `$facet` and `$unionWith`. */
export interface StageEnv {
  compilePipeline(pipeline: unknown, where: string): CompiledStages
  /** The specification of the stage following this one, for fusions such as `$sort` + `$limit`. */
  readonly next: Record<string, unknown> | undefined
}

/** A compiled list of stages. */
export interface CompiledStages {
  readonly stages: readonly Stage[]
}

/** Compiles a stage's specification. */
export type StageCompiler = (spec: unknown, env: StageEnv, name: string) => Stage
