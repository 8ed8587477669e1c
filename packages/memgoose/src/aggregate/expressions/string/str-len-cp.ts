/** `$strLenCP`: length in code points; anything but a string fails. */
import { compileList, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$strLenCP`. */
export const strLenCP: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => {
    const s = str(name, arg(doc, vars))
    let n = 0
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c < 0xd800 || c > 0xdbff) n++
    }
    return n
  }
}
