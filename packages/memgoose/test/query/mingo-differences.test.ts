/**
 * The cases where MongoDB and mingo disagree (classified in fuzz/mingo-differences.ts). Each test
 * pins memgoose's MongoDB behaviour and checks that mingo really answers otherwise, so the list of
 * exceptions cannot silently outlive the difference it documents.
 */
import { Query } from 'mingo'
import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/query/index.js'

type Doc = Record<string, unknown>

const ours = (filter: Doc, doc: Doc): boolean => compileFilter(filter)(doc)
const mingo = (filter: Doc, doc: Doc): boolean => new Query(filter, {}).test(doc)

/** Asserts the MongoDB answer for memgoose and the opposite answer from mingo. */
function differs(filter: Doc, doc: Doc, mongodb: boolean): void {
  expect(ours(filter, doc), `memgoose: ${JSON.stringify(filter)}`).toBe(mongodb)
  expect(mingo(filter, doc), `mingo: ${JSON.stringify(filter)}`).toBe(!mongodb)
}

describe('documented differences between MongoDB and mingo', () => {
  it('nested arrays: a field name does not reach into arrays nested in arrays', () => {
    differs({ 'a.c': 'b' }, { a: [['b']] }, false)
    differs({ 'a.b': { $exists: false } }, { a: [[{ b: 1 }]] }, true)
  })

  it('$gte and $lte null match missing fields, as $eq null does', () => {
    differs({ a: { $gte: null } }, {}, true)
    differs({ 'a.b': { $lte: null } }, { a: 5 }, true)
  })

  it('ordering with NaN: NaN is neither less nor greater than a number', () => {
    differs({ a: { $lte: 2 } }, { a: [NaN, 'B'] }, false)
    differs({ a: { $gte: NaN } }, { a: -2 }, false)
  })

  it('ordering against objects and arrays compares BSON values field by field', () => {
    differs({ a: { $lt: [3] } }, { a: [null] }, true)
    differs({ a: { $lte: { b: 'b', c: 1 } } }, { a: { a: { x: 1 } } }, false)
  })

  it('ordering over arrays of subdocuments also inspects leaf array elements', () => {
    differs({ 'a.b': { $gt: 1 } }, { a: [{ b: [5] }, { b: 0 }] }, true)
  })

  it('$mod truncates non-integers and ignores non-numbers', () => {
    differs({ a: { $mod: [2, 1] } }, { a: 1.5 }, true)
    differs({ a: { $mod: [2, 1] } }, { a: true }, false)
    differs({ a: { $not: { $mod: [3, 0] } } }, { a: '' }, true)
  })

  it('$type looks at array elements', () => {
    differs({ a: { $type: 'number' } }, { a: [1] }, true)
    differs({ 'a.b': { $type: 'bool' } }, { a: { b: [false] } }, true)
  })

  it('$type: NaN is a double, and integers are int (as the Node driver stores them)', () => {
    differs({ a: { $type: 'number' } }, { a: NaN }, true)
    differs({ a: { $type: 'double' } }, { a: 0 }, false)
  })

  it('$all on a non-array value behaves like $eq on each member', () => {
    differs({ a: { $all: ['x'] } }, { a: 'x' }, true)
    differs({ a: { $all: [null] } }, {}, true)
    differs({ c: { $elemMatch: { $all: [0] } } }, { c: [0] }, true)
  })

  it('null matches subdocuments of an array that lack the field', () => {
    differs({ 'a.c': null }, { a: [{}, 1] }, true)
    differs({ 'a.b.c': null }, { a: [{ b: null }] }, true)
  })

  it('a field name over an array of scalars names nothing (not an empty array)', () => {
    differs({ 'a.c': { $size: 0 } }, { a: [1] }, false)
    differs({ 'a.c': [] }, { a: [1, 3] }, false)
  })

  it('$exists through arrays of scalars: the path does not exist', () => {
    differs({ 'a.b.c': { $exists: false } }, { a: [{ b: [null, 3] }] }, true)
    differs({ 'a.b.c': { $exists: false } }, { a: [{ b: [] }, 1] }, true)
  })

  it('$elemMatch needs the value at the path to be an array itself', () => {
    differs({ 'a.b.c': { $elemMatch: { $ne: 2 } } }, { a: [{ b: { c: 1 } }] }, false)
  })

  it('$elemMatch in object form ignores scalar elements', () => {
    differs({ a: { $elemMatch: { b: 2 } } }, { a: [2] }, false)
  })

  it('$in and $nin compare array members with the whole array', () => {
    differs({ a: { $nin: [[]] } }, { a: [] }, false)
  })
})
