import { describe, expect, it } from 'vitest'
import { runExample as run } from './run-example.js'

describe('schema, populate and middleware examples', () => {
  it('schemas-basics casts, validates and tracks changes', () => {
    const out = run('schemas-basics.ts')
    expect(out).toContain('created Lamp [LMP-1] at 19.99 (draft)')
    expect(out).toContain('invalid: name, price, sku')
    expect(out).toContain('json: Lamp [LMP-1] tags=light stock={"oslo":3,"bergen":2}')
  })

  it('populate resolves refs, nested and virtual populate', () => {
    const out = run('populate.ts')
    expect(out).toContain('Excession by Iain, mentored by Ursula; reviewed by Ursula & Iain')
    expect(out).toContain('Ursula wrote The Dispossessed')
    expect(out).toContain('populated() keeps the id: true')
  })

  it('middleware runs document, query and error-handling hooks', () => {
    const out = run('middleware.ts')
    expect(out).toContain('inserting hello-world; inserting second-note')
    expect(out).toContain('duplicate: a note with that title exists')
    expect(out).toContain('visible: hello-world')
  })
})
