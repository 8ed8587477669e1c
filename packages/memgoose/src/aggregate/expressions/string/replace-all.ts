/** `$replaceAll`: replaces every occurrence of `find`. */
import { replacing } from './replacing.js'

/** Compiles `$replaceAll`. */
export const replaceAll = replacing(true)
