import { describe, expect, it } from 'vitest'
import { getValues } from '../../src/query/index.js'

describe('getValues', () => {
  it('reads plain nested paths', () => {
    expect(getValues({ a: { b: 1 } }, 'a.b')).toEqual([1])
    expect(getValues({ a: 1 }, 'a')).toEqual([1])
  })

  it('yields undefined for a missing path', () => {
    expect(getValues({}, 'a')).toEqual([undefined])
    expect(getValues({ a: 5 }, 'a.b')).toEqual([undefined])
    expect(getValues({ a: [1, 2] }, 'a.b')).toEqual([undefined])
  })

  it('expands leaf arrays, keeping an empty array itself', () => {
    expect(getValues({ a: [1, [2, 3]] }, 'a')).toEqual([1, [2, 3]])
    expect(getValues({ a: [] }, 'a')).toEqual([[]])
  })

  it('collects from every subdocument of an array, and by position', () => {
    expect(getValues({ a: [{ b: 1 }, { b: [2, 3] }, { c: 1 }] }, 'a.b')).toEqual([
      1,
      2,
      3,
      undefined,
    ])
    expect(getValues({ a: [{ b: 1 }, { b: 2 }] }, 'a.1.b')).toEqual([2])
  })

  it('rejects forbidden path components', () => {
    expect(() => getValues({}, 'a.__proto__')).toThrow(/not allowed/)
  })
})
