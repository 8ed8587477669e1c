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

  it('fails when the expression returns anything else', async () => {
    await expect(run([doc], [{ $redact: 1 }])).rejects.toMatchObject({ code: 'BAD_EXPRESSION' })
  })
})
