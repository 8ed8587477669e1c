/**
 * Model and collection names: validated (they become table and file names in backends) and
 * pluralised the way mongoose pluralises model names into collection names.
 */
import { MemgooseError } from '../errors/index.js'

/** Throws a coded error for names that are empty, too long, or contain path separators, NUL or `..`. */
export function assertValidName(
  name: unknown,
  what: 'model' | 'collection'
): asserts name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 120) {
    throw new MemgooseError(
      'INVALID_NAME',
      `A ${what} name must be a non-empty string of at most 120 characters`
    )
  }
  if (
    /[/\\\0]/.test(name) ||
    name.includes('..') ||
    name.startsWith('$') ||
    name.startsWith('system.')
  ) {
    throw new MemgooseError(
      'INVALID_NAME',
      `Invalid ${what} name ${JSON.stringify(name)}: names may not contain '/', '\\', NUL or '..', nor start with '$' or 'system.'`
    )
  }
}

const UNCOUNTABLE = new Set([
  'advice',
  'energy',
  'excretion',
  'digestion',
  'cooperation',
  'health',
  'justice',
  'labour',
  'machinery',
  'equipment',
  'information',
  'pollution',
  'sewage',
  'paper',
  'money',
  'species',
  'series',
  'rain',
  'rice',
  'fish',
  'sheep',
  'moose',
  'deer',
  'news',
  'expertise',
  'status',
  'media',
])

const RULES: [RegExp, string][] = [
  [/(m)an$/i, '$1en'],
  [/(pe)rson$/i, '$1ople'],
  [/(child)$/i, '$1ren'],
  [/^(ox)$/i, '$1en'],
  [/(ax|test)is$/i, '$1es'],
  [/(octop|vir)us$/i, '$1i'],
  [/(alias|status)$/i, '$1es'],
  [/(bu)s$/i, '$1ses'],
  [/(buffal|tomat|potat)o$/i, '$1oes'],
  [/([ti])um$/i, '$1a'],
  [/sis$/i, 'ses'],
  [/(?:([^f])fe|([lr])f)$/i, '$1$2ves'],
  [/(hive)$/i, '$1s'],
  [/([^aeiouy]|qu)y$/i, '$1ies'],
  [/(x|ch|ss|sh)$/i, '$1es'],
  [/(matr|vert|ind)ix|ex$/i, '$1ices'],
  [/([m|l])ouse$/i, '$1ice'],
  [/(quiz)$/i, '$1zes'],
  [/s$/i, 's'],
  [/$/, 's'],
]

/** mongoose's default collection name for a model name: lower-cased and pluralised. */
export function collectionNameFor(modelName: string): string {
  const name = modelName.toLowerCase()
  if (UNCOUNTABLE.has(name) || /s$/.test(name)) return name
  for (const [re, replacement] of RULES) if (re.test(name)) return name.replace(re, replacement)
  return name
}
