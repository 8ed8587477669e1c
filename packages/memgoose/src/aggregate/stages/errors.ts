/** Coded errors for malformed stages; messages always name the stage. */
import { QueryError } from '../../errors/index.js'

/** A malformed stage specification (`BAD_STAGE`). */
export function badStage(stage: string, message: string): QueryError {
  return new QueryError('BAD_STAGE', `${stage}: ${message}`)
}
