/**
 * Issue 6 asks for the on-disk size per block compressor. Each compressor gets a fresh store holding
 * the N users, closed (so a final checkpoint is written) before its directory is measured.
 */
import { generateUsers } from '../data.js'
import { directoryBytes } from '../disk.js'
import type { BenchSystem } from '../systems/types.js'
import { formatValue, freshDir, type Context } from './context.js'

/** WiredTiger's block compressors, all built into the binding. */
export const COMPRESSORS = ['none', 'snappy', 'zlib', 'zstd', 'lz4'] as const

/** Records `disk` for `variant(compressor)` of every compressor, as systems `<name>:<compressor>`. */
export async function runCompressors(
  ctx: Context,
  variant: (compressor: string) => BenchSystem
): Promise<void> {
  const { n, seed } = ctx.settings
  for (const compressor of COMPRESSORS) {
    const system = variant(compressor)
    const dir = await freshDir(ctx, system.name, 'compressor')
    await system.open(dir)
    try {
      await system.insertMany(generateUsers(n, seed))
    } finally {
      await system.close()
    }
    const bytes = await directoryBytes(dir)
    ctx.results.add({
      op: 'diskByCompressor',
      system: `${system.name}:${compressor}`,
      value: bytes,
      unit: 'bytes',
    })
    ctx.log(
      `[${system.name}] ${compressor}: on-disk size of ${n} users ... ${formatValue(bytes, 'bytes')}`
    )
  }
}
