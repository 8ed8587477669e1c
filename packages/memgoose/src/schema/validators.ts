/**
 * Built-in validators (`required`, `min`, `max`, `enum`, `match`, `minlength`, `maxlength`) and
 * custom `validate` options, normalised into one shape with mongoose's default messages.
 */
import { toNumber } from '../values/compare.js'

/** A validator function: sync or async, `this` is the document. */
export type ValidatorFn = (this: unknown, value: unknown, props?: unknown) => unknown

/** A message: a template with `{PATH}`, `{VALUE}`, ... or a function of the validator properties. */
export type ValidatorMessage = string | ((props: Record<string, unknown>) => string)

/** One normalised validator of a path. */
export interface Validator {
  /** `'required'`, `'min'`, ..., or `'user defined'` for custom validators. */
  readonly type: string
  readonly validator: ValidatorFn
  readonly message: ValidatorMessage
  /** Extra template variables, e.g. `{ min: 3 }`. */
  readonly props?: Record<string, unknown>
}

const MESSAGES = {
  required: 'Path `{PATH}` is required.',
  min: 'Path `{PATH}` ({VALUE}) is less than minimum allowed value ({MIN}).',
  max: 'Path `{PATH}` ({VALUE}) is more than maximum allowed value ({MAX}).',
  enum: '`{VALUE}` is not a valid enum value for path `{PATH}`.',
  match: 'Path `{PATH}` is invalid ({VALUE}).',
  minlength: 'Path `{PATH}` (`{VALUE}`) is shorter than the minimum allowed length ({MINLENGTH}).',
  maxlength: 'Path `{PATH}` (`{VALUE}`) is longer than the maximum allowed length ({MAXLENGTH}).',
  user: 'Validator failed for path `{PATH}` with value `{VALUE}`',
} as const

/** Splits mongoose's `[value, message]` and `{ value, message }` option forms. */
function split(option: unknown): [unknown, string | undefined] {
  if (Array.isArray(option) && option.length === 2 && typeof option[1] === 'string') {
    return [option[0], option[1]]
  }
  if (
    typeof option === 'object' &&
    option !== null &&
    !(option instanceof RegExp) &&
    !(option instanceof Date) &&
    !Array.isArray(option) &&
    'message' in option
  ) {
    const o = option as { message: string; value?: unknown; values?: unknown }
    return [o.values ?? o.value, o.message]
  }
  return [option, undefined]
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

function magnitude(value: unknown): number {
  return value instanceof Date ? value.getTime() : toNumber(value)
}

/** Builds the validators for a path's options. `isArray` makes `required` reject nothing for arrays. */
export function buildValidators(options: Record<string, unknown>, instance: string): Validator[] {
  const out: Validator[] = []
  if (options.required !== undefined && options.required !== false) {
    const [req, message] = split(options.required)
    out.push({
      type: 'required',
      message: message ?? MESSAGES.required,
      validator(this: unknown, value: unknown) {
        const isRequired = typeof req === 'function' ? req.call(this) : Boolean(req)
        if (!isRequired) return true
        if (instance === 'String') return typeof value === 'string' && value.length > 0
        return value !== undefined && value !== null
      },
    })
  }
  for (const kind of ['min', 'max'] as const) {
    if (options[kind] === undefined || options[kind] === null) continue
    const [bound, message] = split(options[kind])
    const limit = magnitude(bound)
    out.push({
      type: kind,
      message: message ?? MESSAGES[kind],
      props: { [kind]: bound },
      validator: (value) =>
        isEmpty(value) || (kind === 'min' ? magnitude(value) >= limit : magnitude(value) <= limit),
    })
  }
  if (options.enum !== undefined) {
    // An array is always the list of values for enum (mongoose has no `[values, message]` form here).
    const [values, message] = Array.isArray(options.enum)
      ? [options.enum, undefined]
      : split(options.enum)
    const allowed = Array.isArray(values)
      ? values
      : typeof values === 'object' && values !== null
        ? Object.values(values)
        : [values]
    out.push({
      type: 'enum',
      message: message ?? MESSAGES.enum,
      props: { enumValues: allowed },
      validator: (value) => value === undefined || value === null || allowed.includes(value),
    })
  }
  if (options.match !== undefined && options.match !== null) {
    const [re, message] = split(options.match)
    const regex = re as RegExp
    out.push({
      type: 'regexp',
      message: message ?? MESSAGES.match,
      props: { regexp: regex },
      validator: (value) => {
        if (isEmpty(value)) return true
        regex.lastIndex = 0
        return regex.test(String(value))
      },
    })
  }
  for (const [kind, spelling] of [
    ['minlength', 'minLength'],
    ['maxlength', 'maxLength'],
  ] as const) {
    const raw = options[kind] ?? options[spelling]
    if (raw === undefined || raw === null) continue
    const [len, message] = split(raw)
    const n = Number(len)
    out.push({
      type: kind,
      message: message ?? MESSAGES[kind],
      props: { [kind]: n },
      validator: (value) =>
        isEmpty(value) ||
        (kind === 'minlength' ? String(value).length >= n : String(value).length <= n),
    })
  }
  if (options.validate !== undefined) out.push(...userValidators(options.validate))
  return out
}

/** Normalises `validate`: a function, `{ validator, message }`, `[fn, message]` or an array of those. */
function userValidators(spec: unknown): Validator[] {
  if (typeof spec === 'function') {
    return [{ type: 'user defined', validator: spec as ValidatorFn, message: MESSAGES.user }]
  }
  if (Array.isArray(spec)) {
    if (spec.length === 2 && typeof spec[0] === 'function' && typeof spec[1] === 'string') {
      return [{ type: 'user defined', validator: spec[0] as ValidatorFn, message: spec[1] }]
    }
    return spec.flatMap(userValidators)
  }
  if (typeof spec === 'object' && spec !== null && 'validator' in spec) {
    const s = spec as { validator: ValidatorFn; message?: ValidatorMessage; type?: string }
    return [
      {
        type: s.type ?? 'user defined',
        validator: s.validator,
        message: s.message ?? MESSAGES.user,
      },
    ]
  }
  return []
}

/** Fills `{PATH}`, `{VALUE}` and the validator's own properties (`{MIN}`, ...) into a message. */
export function formatMessage(message: ValidatorMessage, props: Record<string, unknown>): string {
  if (typeof message === 'function') return message(props)
  return message.replace(/\{([A-Z]+)\}/g, (whole, name: string) => {
    const key = name.toLowerCase()
    if (key === 'path') return String(props.path)
    if (key === 'value') return formatValue(props.value)
    const found = Object.keys(props).find((k) => k.toLowerCase() === key)
    return found === undefined ? whole : formatValue(props[found])
  })
}

function formatValue(value: unknown): string {
  if (value instanceof Date) return value.toString()
  return String(value)
}
