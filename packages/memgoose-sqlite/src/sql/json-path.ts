/**
 * SQLite JSON path labels. A label is written `."name"`; SQLite has no escape inside the quotes, so
 * names holding `"` or control characters cannot be addressed and stay with the JS residual.
 */
import { storedKey } from '../codec.js'

/** True when `name` can be written as a quoted SQLite JSON path label. */
export function isQuotable(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c < 0x20 || c === 0x22) return false
  }
  return true
}

/** The JSON path step to the stored field for user key `name` (see codec.ts for `$` keys). */
export function label(name: string): string {
  return `."${storedKey(name)}"`
}
