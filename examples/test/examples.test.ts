import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { examplesDir as dir, runExample as run } from './run-example.js'

describe('examples', () => {
  it('quick-start prints what the README promises', () => {
    const out = run('quick-start.ts')
    expect(out).toContain('found Ada (London)')
    expect(out).toContain('under 40: Linus 29, Ada 36')
    expect(out).toContain('plan: IXSCAN')
    expect(out).toContain('cities: Helsinki, London, New York')
  })

  it('json-directory-strategy persists through a custom StorageStrategy', () => {
    const root = mkdtempSync(join(tmpdir(), 'memgoose-example-'))
    try {
      const out = run('json-directory-strategy.ts', root)
      expect(out).toContain('Linus joined 2024-03-04, 11 visits')
      expect(out).toContain('Ada joined 2024-01-02, 3 visits')
      expect(readdirSync(join(root, 'users')).filter((f) => f.endsWith('.json'))).toHaveLength(2)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('aggregation groups, joins and explains', () => {
    const out = run('aggregation.ts')
    expect(out).toContain('London: 240 from 3 orders')
    expect(out).toContain('Helsinki: 50 from 1 orders')
    expect(out).toContain('Ada spent up to 120; Grace spent up to 200; Linus spent up to 50')
    expect(out).toContain('plan: IXSCAN customer_1')
  })

  it('every example script in the folder is covered by a test', () => {
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.ts'))
    const source = readdirSync(join(dir, 'test'))
      .map((f) => readFileSync(join(dir, 'test', f), 'utf8'))
      .join('\n')
    for (const script of scripts) expect(source, `${script} has no test`).toContain(`'${script}'`)
  })
})
