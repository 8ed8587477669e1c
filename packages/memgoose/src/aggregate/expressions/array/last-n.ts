/** `$lastN` (array form): the last n elements of an array. */
import { nElements } from './n-elements.js'

/** Compiles the `$lastN` array operator. */
export const lastN = nElements('last')
