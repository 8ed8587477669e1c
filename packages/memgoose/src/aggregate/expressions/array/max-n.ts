/** `$maxN` (array form): the max n elements of an array. */
import { nElements } from './n-elements.js'

/** Compiles the `$maxN` array operator. */
export const maxN = nElements('max')
