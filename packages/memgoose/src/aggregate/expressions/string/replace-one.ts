/** `$replaceOne`: replaces the first occurrence of `find`. */
import { replacing } from './replacing.js'

/** Compiles `$replaceOne`. */
export const replaceOne = replacing(false)
