/**
 * Middleware (pre/post hooks) for documents, queries, models and aggregates, with mongoose's calling
 * conventions: `next`-style callbacks, async functions, error-handling post hooks `(err, res, next)`,
 * and memgoose's documented `({ doc })` / `({ query })` form (the `next` function carries those too).
 */

/** Hook function as users write it; `this` is the document, query, model or aggregate. */
export type HookFn = (this: any, ...args: any[]) => unknown

/** Which kinds of `this` a hook applies to, for names shared by documents and queries (`deleteOne`). */
export interface HookOptions {
  document?: boolean
  query?: boolean
  errorHandler?: boolean
}

interface Hook {
  readonly match: (name: string) => boolean
  readonly fn: HookFn
  readonly options: HookOptions
}

/**
 * A document method run before a document's own hooks of a name (pre and post): documents use it
 * to run their subdocuments' `save` hooks first, as mongoose's built-in saveSubdocs hooks do.
 */
export const BEFORE_HOOKS: unique symbol = Symbol('memgoose.beforeHooks')

/** A `this` that may carry the BEFORE_HOOKS method. */
interface BeforeHooks {
  [BEFORE_HOOKS]?: (
    phase: 'pre' | 'post',
    name: string,
    args: unknown[]
  ) => Promise<void> | undefined
}

/** Hook names that exist both on documents and on queries. */
const SHARED = new Set(['deleteOne', 'updateOne', 'validate'])

/** True when the function takes a destructured first parameter: memgoose's `({ doc }) => ...` form. */
function takesContextObject(fn: HookFn): boolean {
  return /^(async\s*)?(function\s*\w*\s*)?\(\s*\{/.test(Function.prototype.toString.call(fn))
}

/** The pre and post hooks of a schema. */
export class Hooks {
  #pre: Hook[] = []
  #post: Hook[] = []

  /** Registers a pre hook for a name, a list of names or a RegExp. */
  pre(names: string | string[] | RegExp, options: HookOptions | HookFn, fn?: HookFn): void {
    this.#pre.push(makeHook(names, options, fn))
  }

  /** Registers a post hook; a function of arity 3 (or `errorHandler: true`) handles errors. */
  post(names: string | string[] | RegExp, options: HookOptions | HookFn, fn?: HookFn): void {
    this.#post.push(makeHook(names, options, fn))
  }

  /** A copy (for `schema.clone()` and discriminators). */
  clone(): Hooks {
    const copy = new Hooks()
    copy.#pre = [...this.#pre]
    copy.#post = [...this.#post]
    return copy
  }

  /** Appends another schema's hooks (discriminators inherit their base's hooks). */
  merge(other: Hooks): void {
    this.#pre.push(...other.#pre)
    this.#post.push(...other.#post)
  }

  /** True when some hook (pre or post) is registered for the name. */
  has(name: string): boolean {
    return this.#pre.some((h) => h.match(name)) || this.#post.some((h) => h.match(name))
  }

  /** Runs the pre hooks of `name` in order with `this = ctx`. Rejects with the first error. */
  async runPre(
    name: string,
    ctx: unknown,
    kind: 'document' | 'query' | 'model' | 'aggregate',
    args: unknown[] = []
  ): Promise<void> {
    if (kind === 'document') {
      const before = (ctx as BeforeHooks)[BEFORE_HOOKS]?.('pre', name, args)
      if (before) await before
    }
    for (const hook of this.#pre) {
      if (!applies(hook, name, kind)) continue
      // mongoose 7+ init hooks are synchronous and get the raw data first, no `next`.
      await callHook(hook.fn, ctx, args, kind, name === 'init' ? 'post' : 'pre')
    }
  }

  /**
   * Runs the post hooks of `name`. With `error`, only error handlers run (and may replace the error);
   * the returned error (or undefined when none) is what the operation should reject with.
   */
  async runPost(
    name: string,
    ctx: unknown,
    kind: 'document' | 'query' | 'model' | 'aggregate',
    result: unknown,
    error?: unknown
  ): Promise<unknown> {
    if (kind === 'document' && error === undefined) {
      const before = (ctx as BeforeHooks)[BEFORE_HOOKS]?.('post', name, [result])
      if (before) await before
    }
    let err = error
    for (const hook of this.#post) {
      if (!applies(hook, name, kind)) continue
      const handlesErrors = hook.options.errorHandler === true || hook.fn.length === 3
      if (err !== undefined) {
        if (!handlesErrors) continue
        try {
          await callHook(hook.fn, ctx, [err, result], kind)
        } catch (replaced) {
          err = replaced
        }
        continue
      }
      if (handlesErrors) continue
      await callHook(hook.fn, ctx, [result], kind)
    }
    return err
  }
}

function makeHook(
  names: string | string[] | RegExp,
  options: HookOptions | HookFn,
  fn?: HookFn
): Hook {
  const hookFn = typeof options === 'function' ? options : fn
  if (typeof hookFn !== 'function') throw new TypeError('A hook needs a function')
  const opts = typeof options === 'function' ? {} : options
  const match =
    names instanceof RegExp
      ? (name: string) => names.test(name)
      : Array.isArray(names)
        ? (name: string) => names.includes(name)
        : (name: string) => name === names
  return { match, fn: hookFn, options: opts }
}

function applies(hook: Hook, name: string, kind: string): boolean {
  if (!hook.match(name)) return false
  if (!SHARED.has(name)) return true
  // As mongoose: `deleteOne`/`updateOne` hooks are query middleware unless `{ document: true }`;
  // `validate` hooks are document middleware unless `{ query: true }`.
  if (kind === 'document') return hook.options.document ?? name === 'validate'
  if (kind === 'query') return hook.options.query ?? name !== 'validate'
  return true
}

/**
 * Calls one hook: resolves when its promise settles or when it calls `next` (whichever it uses),
 * rejects on a throw, a rejected promise or `next(err)`.
 */
function callHook(
  fn: HookFn,
  ctx: unknown,
  args: unknown[],
  kind: string,
  phase: 'pre' | 'post' = 'post'
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false
    const next = Object.assign(
      (err?: unknown) => {
        if (settled) return
        settled = true
        if (err) reject(err)
        else resolve()
      },
      kind === 'document' ? { doc: ctx } : kind === 'query' ? { query: ctx } : { model: ctx }
    )
    const contextForm = takesContextObject(fn)
    // kareem's conventions: pre hooks get `next` first (`function (next, docs)`), post hooks last.
    const nextFirst = contextForm || phase === 'pre'
    const callArgs = nextFirst ? [next, ...args] : [...args, next]
    let returned: unknown
    try {
      returned = fn.apply(ctx, callArgs)
    } catch (err) {
      next(err)
      return
    }
    const expectsNext = !contextForm && (phase === 'pre' ? fn.length >= 1 : fn.length > args.length)
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      // As kareem does: a returned promise settles the hook even if it also declared `next`.
      ;(returned as Promise<unknown>).then(
        () => next(),
        (err) => next(err ?? new Error('hook rejected'))
      )
    } else if (!expectsNext) {
      next()
    }
  })
}
