/** The core's engine contract suite, run against the WiredTiger engine (with reopen: persistence too). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runEngineConformance } from 'memgoose/testing'
import { createWiredTigerEngine, type WiredTigerEngine } from '../../src/engine/index.js'

const home = () => mkdtempSync(join(tmpdir(), 'memgoose-wt-'))

runEngineConformance(
  'wiredtiger',
  () => createWiredTigerEngine({ dataPath: home(), durability: 'none', checkpointInterval: 0 }),
  {
    reopen: (closed) => createWiredTigerEngine({ ...(closed as WiredTigerEngine).options }),
  }
)
