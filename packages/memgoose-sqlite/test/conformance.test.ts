/**
 * The core's engine contract suite, run against the SQLite engine (with reopen, so the persistence
 * tests run too).
 */
import { runEngineConformance } from 'memgoose/testing'
import { SqliteEngine, createSqliteEngine } from '../src/index.js'
import { tempDir } from './helpers.js'

runEngineConformance('sqlite', () => createSqliteEngine({ dataPath: tempDir() }), {
  reopen: (closed) => createSqliteEngine({ dataPath: (closed as SqliteEngine).dataPath }),
})
