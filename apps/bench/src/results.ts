/** What a run measured, collected by the operations and read by the report. */

/** The unit of a measurement: a duration or an amount of memory/disk. */
export type Unit = 'ms' | 'bytes'

/** One number for one operation on one system. */
export interface Measurement {
  op: string
  system: string
  value: number
  unit: Unit
  /** Every sample when the value is a median. */
  samples?: number[]
  /** Anything worth knowing beside the number (e.g. how many documents a query returned). */
  note?: string
}

/** The measurements of a run, in the order they were taken. */
export class Results {
  readonly measurements: Measurement[] = []

  /** Records a measurement. */
  add(measurement: Measurement): void {
    this.measurements.push(measurement)
  }

  /** The measurement of `op` on `system`, if any. */
  get(op: string, system: string): Measurement | undefined {
    return this.measurements.find((m) => m.op === op && m.system === system)
  }

  /** The systems measured for `op`, in measurement order. */
  systemsOf(op: string): string[] {
    return this.measurements.filter((m) => m.op === op).map((m) => m.system)
  }
}
