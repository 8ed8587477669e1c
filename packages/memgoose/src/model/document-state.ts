/**
 * The private bookkeeping of a Document: whether it is new, what was loaded (to compute what changed),
 * explicitly modified paths, populated paths and the session it belongs to.
 */

const NONE: ReadonlySet<string> = new Set()

/**
 * Internal state of one document (`doc.$__`). Not part of the public API. The collections are made
 * on first use: most loaded documents are read and dropped without any of them.
 */
export class DocumentState {
  /** Not yet saved. */
  isNew: boolean
  /** Removed with `deleteOne()`. */
  isDeleted = false
  /** The stored form as loaded or last saved: save() diffs against it. Never mutated. */
  original: Record<string, unknown> | undefined
  /** Paths excluded by the projection that loaded the document (not written back). */
  selected?: Record<string, unknown>
  /** The session (`doc.$session()`), carried into save(). */
  session?: unknown
  /** Error recorded by a failed cast during set(), reported by validate(). */
  castErrors?: Map<string, Error>
  /** Paths holding a default the user never set (`$isDefault`); saved like modified paths. */
  defaulted: ReadonlySet<string> = NONE
  /** Saved version (`__v`) used for optimistic concurrency. */
  version?: number
  #modified: Set<string> | undefined
  #populated: Map<string, unknown> | undefined

  constructor(isNew: boolean, original?: Record<string, unknown>) {
    this.isNew = isNew
    this.original = original
  }

  /** Paths changed through set()/markModified() since load or save. */
  get modified(): Set<string> {
    return (this.#modified ??= new Set())
  }

  /** Populated paths → the ids they replaced. */
  get populated(): Map<string, unknown> {
    return (this.#populated ??= new Map())
  }

  /** An independent copy (for `$clone`): its own collections, the same values. */
  copy(): DocumentState {
    const copy = new DocumentState(this.isNew, this.original)
    copy.isDeleted = this.isDeleted
    copy.selected = this.selected
    copy.session = this.session
    copy.castErrors = this.castErrors && new Map(this.castErrors)
    copy.defaulted = this.defaulted === NONE ? NONE : new Set(this.defaulted)
    copy.version = this.version
    if (this.#modified !== undefined) copy.#modified = new Set(this.#modified)
    if (this.#populated !== undefined) copy.#populated = new Map(this.#populated)
    return copy
  }
}

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
  return new DocumentState(isNew, original)
}
