/** `$firstN` (array form): the first n elements of an array. */
import { nElements } from './n-elements.js'

/** Compiles the `$firstN` array operator. */
export const firstN = nElements('first')
