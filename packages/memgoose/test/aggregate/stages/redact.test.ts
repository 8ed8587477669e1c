import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const doc = {
  _id: 1,
  level: 1,
  title: 't',
  sections: [
    { level: 1, body: 'public', sub: { level: 3, body: 'secret' } },
    { level: 2, body: 'internal' },
  ],
}

describe('$redact', () => {
  it('descends, prunes and keeps at every level', async () => {
    const out = await run(
      [doc],
      [{ $redact: { $cond: [{ $lte: ['$level', 1] }, '$$DESCEND', '$$PRUNE'] } }]
    )
    expect(out).toEqual([
      { _id: 1, level: 1, title: 't', sections: [{ level: 1, body: 'public' }] },
    ])
    expect(await run([doc], [{ $redact: '$$KEEP' }])).toEqual([doc])
    expect(await run([doc], [{ $redact: '$$PRUNE' }])).toEqual([])
  })

  it('binds $$ROOT to the whole document at every level', async () => {
    const docs = [{ _id: 1, public: true, a: { b: { level: 1 } } }]
    const out = await run(docs, [
      {
        $redact: {
          $cond: [{ $or: ['$$ROOT.public', { $not: ['$level'] }] }, '$$DESCEND', '$$PRUNE'],
        },
      },
    ])
    expect(out).toEqual(docs)
  })

  it('fails when the expression returns anything else', async () => {
    await expect(run([doc], [{ $redact: 1 }])).rejects.toMatchObject({ code: 'BAD_EXPRESSION' })
  })
})
