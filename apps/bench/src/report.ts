/**
 * The report: a table per operation (each system's number, its ratio to the reference the issue
 * names, the target and ✓/✗), a summary of every target, and the JSON file of the whole run.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { formatValue } from './operations/context.js'
import type { Settings } from './operations/context.js'
import type { Measurement, Results } from './results.js'
import { SYSTEM_NAMES } from './systems/index.js'
import type { SkippedSystem } from './systems/types.js'
import { COMPARISONS, OPERATIONS, type Comparison } from './targets.js'

/** A comparison evaluated on this run's numbers. */
export interface Verdict extends Comparison {
  ratio?: number
  value: number
  /** True/false when there is a target; undefined for context-only rows. */
  ok?: boolean
}

function evaluate(results: Results): Verdict[] {
  const out: Verdict[] = []
  for (const c of COMPARISONS) {
    const m = results.get(c.op, c.system)
    if (m === undefined || !Number.isFinite(m.value)) continue
    if (c.reference === undefined) {
      out.push({
        ...c,
        value: m.value,
        ok: c.maxValue === undefined ? undefined : m.value <= c.maxValue,
      })
      continue
    }
    const ref = results.get(c.referenceOp ?? c.op, c.reference)
    if (ref === undefined || !(ref.value > 0)) continue
    const ratio = m.value / ref.value
    out.push({
      ...c,
      value: m.value,
      ratio,
      ok: c.maxRatio === undefined ? undefined : ratio <= c.maxRatio,
    })
  }
  return out
}

function title(op: string, settings: Settings): string {
  const template = OPERATIONS[op] ?? op
  return template.replace(
    /\{(\w+)\}/g,
    (_, key: string) =>
      (settings as unknown as Record<string, number>)[key]?.toLocaleString('en-US') ?? key
  )
}

function mark(ok: boolean | undefined): string {
  return ok === undefined ? '' : ok ? ' ✓' : ' ✗'
}

function describeVerdict(v: Verdict): string {
  if (v.ratio === undefined) return `target ≤ ${v.maxValue} ms${mark(v.ok)}`
  const target = v.maxRatio === undefined ? '' : ` (target ≤ ${v.maxRatio}×${mark(v.ok)})`
  const lean = v.referenceOp === undefined ? '' : ' lean'
  return `${v.ratio.toFixed(2)}× ${v.reference}${lean}${target}`
}

// References first, then the systems in roster order; `name:variant` rows stay with their system.
const ORDER = ['plain-objects', 'plain-js', 'mingo', ...SYSTEM_NAMES]
function rank(m: Measurement): number {
  const at = ORDER.indexOf(m.system.split(':')[0])
  return at === -1 ? ORDER.length : at
}

function row(m: Measurement, verdicts: Verdict[], width: number): string {
  const cells = verdicts.filter((v) => v.op === m.op && v.system === m.system).map(describeVerdict)
  const note = m.note === undefined ? '' : `  [${m.note}]`
  const value = formatValue(m.value, m.unit).padStart(11)
  return `  ${m.system.padEnd(width)}${value}   ${cells.join(' · ')}${note}`.trimEnd()
}

/** The printable report of a run. */
export function renderReport(
  results: Results,
  settings: Settings,
  skipped: readonly SkippedSystem[]
): string {
  const verdicts = evaluate(results)
  const lines: string[] = []
  const ops = Object.keys(OPERATIONS).filter((op) => results.systemsOf(op).length > 0)
  const width = Math.max(16, ...results.measurements.map((m) => m.system.length + 2))
  for (const op of ops) {
    lines.push('', title(op, settings))
    const rows = results.measurements.filter((x) => x.op === op).sort((a, b) => rank(a) - rank(b))
    for (const m of rows) lines.push(row(m, verdicts, width))
  }
  const targets = verdicts.filter((v) => v.ok !== undefined)
  if (targets.length > 0) {
    lines.push('', 'Targets')
    for (const v of targets) {
      const what = `${v.system} ${v.op}`.padEnd(28)
      lines.push(
        `  ${v.ok ? '✓' : '✗'} ${what} ${describeVerdict(v)}${v.issue ? `  (issue ${v.issue})` : ''}`
      )
    }
    const passed = targets.filter((v) => v.ok).length
    lines.push(`  ${passed}/${targets.length} targets met`)
  }
  if (skipped.length > 0) {
    lines.push('', 'Skipped')
    for (const s of skipped) lines.push(`  ${s.name}: ${s.reason.replace(/\s*\n\s*/g, ' ')}`)
  }
  return lines.join('\n')
}

/** Writes the run as JSON to `<dir>/<timestamp>.json`; returns the file's path. */
export async function writeJson(
  dir: string,
  results: Results,
  settings: Settings,
  skipped: readonly SkippedSystem[],
  startedAt: Date,
  extra: Record<string, unknown>
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  const body = {
    startedAt: startedAt.toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    settings,
    ...extra,
    measurements: results.measurements,
    verdicts: evaluate(results),
    skipped,
  }
  await writeFile(file, JSON.stringify(body, null, 2) + '\n')
  return file
}
