/**
 * What the raw baselines do instead of a document layer: 12-byte ids like ObjectIds, documents as
 * JSON text with `createdAt` revived on read. The least a store needs to round-trip a user.
 */
import type { UserDoc } from '../data.js'

/** A stored raw user (its id travels as hex). */
export type RawUser = UserDoc & { _id: string }

let counter = 0
const processRandom = Math.floor(Math.random() * 0xffffffff)

/** A new 12-byte id: seconds, a per-process random, a counter (ObjectId's layout). */
export function newId(): Buffer {
  const id = Buffer.allocUnsafe(12)
  id.writeUInt32BE(Math.floor(Date.now() / 1000), 0)
  id.writeUInt32BE(processRandom, 4)
  id.writeUInt32BE((counter = (counter + 1) >>> 0), 8)
  return id
}

/** The stored JSON text of `doc` under `id`. */
export function encodeUser(doc: UserDoc, id: Buffer): string {
  return JSON.stringify({ _id: id.toString('hex'), ...doc })
}

/** A stored JSON text back to a user with a real Date. */
export function decodeUser(text: string): RawUser {
  const doc = JSON.parse(text) as RawUser & { createdAt: string }
  return Object.assign(doc, { createdAt: new Date(doc.createdAt) })
}
