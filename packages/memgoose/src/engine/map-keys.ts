/**
 * Hash-map keys for one-field ascending indexes, for engines that keep index entries in a `Map`
 * (the memory engine).
 *
 * Such an index could key its Map by the order-preserving encoding (keystring.ts) of each value,
 * but for strings — emails, names, slugs: the commonest indexed values — that builds and hashes a
 * second string per document. Instead a string value is its own Map key, unless its first character
 * could begin an encoding (see isTagCode), in which case it keeps its encoding. Every other value
 * keeps its encoding, which always begins with a tag. So a Map key stands for exactly one value:
 * "plain" keys (no tag first) are strings as themselves, everything else is an encoding.
 *
 * Ordered views and range bounds still need the encoding; orderedKeyOf gives it back.
 */
import { decodeStringKey, encodeValue, isTagCode } from '../values/keystring.js'

/** Whether the string `s` is its own Map key (true for '': no encoding is empty). */
export function isPlainKey(s: string): boolean {
  return s.length === 0 || !isTagCode(s.charCodeAt(0))
}

/** The Map key of one value in a one-field ascending index. */
export function mapKeyOf(value: unknown): string {
  return typeof value === 'string' && isPlainKey(value) ? value : encodeValue(value)
}

/** The Map key standing for an encoded one-field ascending key. */
export function mapKeyOfEncoded(encoded: string): string {
  const s = decodeStringKey(encoded)
  return s !== undefined && isPlainKey(s) ? s : encoded
}

/** The order-preserving encoding of a Map key (itself unless it is a plain string). */
export function orderedKeyOf(mapKey: string): string {
  return isPlainKey(mapKey) ? encodeValue(mapKey) : mapKey
}
