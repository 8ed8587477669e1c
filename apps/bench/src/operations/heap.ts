/**
 * The heap reference of issue 3: what the same N users take as plain JS objects, measured the way
 * the stores are (settled heap before generating, settled heap while they are held).
 */
import { generateUsers } from '../data.js'
import { canMeasureHeap, settledHeap } from '../timing.js'
import { formatValue, type Context } from './context.js'

/** Records the heap of N plain user objects as the `plain-objects` system. */
export async function measurePlainHeap(ctx: Context): Promise<void> {
  if (!canMeasureHeap()) {
    ctx.log('[plain-objects] heap not measured: run node with --expose-gc (npm run bench does)')
    return
  }
  const before = await settledHeap()
  const users = generateUsers(ctx.settings.n, ctx.settings.seed)
  const held = (await settledHeap()) - before
  // Keeps the users reachable until after the second measurement.
  if (users.length !== ctx.settings.n) throw new Error('generator returned the wrong count')
  ctx.results.add({ op: 'heap', system: 'plain-objects', value: held, unit: 'bytes' })
  ctx.log(`[plain-objects] heap held by ${ctx.settings.n} users ... ${formatValue(held, 'bytes')}`)
}
