/** `$toObjectId`: converts to objectId (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toObjectId`. */
export const toObjectId = toType('objectId')
