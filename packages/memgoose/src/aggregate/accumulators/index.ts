/** The accumulator registry for `$group`, `$bucket`, `$bucketAuto` and `$setWindowFields`. */
import { addToSet } from './add-to-set.js'
import { avg } from './avg.js'
import { bottom } from './bottom.js'
import { bottomN } from './bottom-n.js'
import { count } from './count.js'
import { first } from './first.js'
import { firstN } from './first-n.js'
import { last } from './last.js'
import { lastN } from './last-n.js'
import { max } from './max.js'
import { maxN } from './max-n.js'
import { mergeObjects } from './merge-objects.js'
import { min } from './min.js'
import { minN } from './min-n.js'
import { push } from './push.js'
import { stdDevPop } from './std-dev-pop.js'
import { stdDevSamp } from './std-dev-samp.js'
import { sum } from './sum.js'
import { top } from './top.js'
import { topN } from './top-n.js'
import type { AccumulatorOperator } from './types.js'

/** Every accumulator by name. */
export const accumulators: Readonly<Record<string, AccumulatorOperator>> = Object.freeze({
  $addToSet: addToSet,
  $avg: avg,
  $bottom: bottom,
  $bottomN: bottomN,
  $count: count,
  $first: first,
  $firstN: firstN,
  $last: last,
  $lastN: lastN,
  $max: max,
  $maxN: maxN,
  $mergeObjects: mergeObjects,
  $min: min,
  $minN: minN,
  $push: push,
  $stdDevPop: stdDevPop,
  $stdDevSamp: stdDevSamp,
  $sum: sum,
  $top: top,
  $topN: topN,
})
