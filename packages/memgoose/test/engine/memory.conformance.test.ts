import { createMemoryEngine } from '../../src/engine/memory/index.js'
import { runEngineConformance } from '../../src/testing/index.js'

runEngineConformance('memory', () => createMemoryEngine())
