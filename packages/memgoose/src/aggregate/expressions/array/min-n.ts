/** `$minN` (array form): the min n elements of an array. */
import { nElements } from './n-elements.js'

/** Compiles the `$minN` array operator. */
export const minN = nElements('min')
