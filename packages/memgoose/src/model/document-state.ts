/**
 * The private bookkeeping of a Document: whether it is new, what was loaded (to compute what changed),
 * explicitly modified paths, populated paths and the session it belongs to.
 */

/** Internal state of one document (`doc.$__`). Not part of the public API. */
export interface DocumentState {
  /** Not yet saved. */
  isNew: boolean
  /** Removed with `deleteOne()`. */
  isDeleted: boolean
  /** The stored form as loaded or last saved: save() diffs against it. Never mutated. */
  original: Record<string, unknown> | undefined
  /** Paths changed through set()/markModified() since load or save. */
  modified: Set<string>
  /** Populated paths → the ids they replaced. */
  populated: Map<string, unknown>
  /** Paths excluded by the projection that loaded the document (not written back). */
  selected?: Record<string, unknown>
  /** The session (`doc.$session()`), carried into save(). */
  session?: unknown
  /** Error recorded by a failed cast during set(), reported by validate(). */
  castErrors?: Map<string, Error>
  /** Paths holding a default the user never set (`$isDefault`); saved like modified paths. */
  defaulted: ReadonlySet<string>
  /** Saved version (`__v`) used for optimistic concurrency. */
  version?: number
}

const NONE: ReadonlySet<string> = new Set()

/** Records that `path` holds a default the user never set. */
export function markDefaulted(state: DocumentState, path: string): void {
  if (state.defaulted === NONE) state.defaulted = new Set([path])
  else (state.defaulted as Set<string>).add(path)
}

/** Forgets the recorded defaults (after a save they are stored values like any other). */
export function clearDefaulted(state: DocumentState): void {
  state.defaulted = NONE
}

/** Fresh state for a new or loaded document. */
export function createState(isNew: boolean, original?: Record<string, unknown>): DocumentState {
  return {
    isNew,
    isDeleted: false,
    original,
    modified: new Set(),
    // Shared until a default is recorded (markDefaulted): loaded documents rarely need one.
    defaulted: NONE,
    populated: new Map(),
  }
}
