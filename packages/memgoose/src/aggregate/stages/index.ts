/** The stage registry: `$name` to its compiler, one stage per file. */
import { addFields } from './add-fields.js'
import { count } from './count.js'
import { facet } from './facet.js'
import { group } from './group.js'
import { limit } from './limit.js'
import { lookup } from './lookup.js'
import { match } from './match.js'
import { project } from './project.js'
import { replaceRoot } from './replace-root.js'
import { sample } from './sample.js'
import { skip } from './skip.js'
import { sort } from './sort.js'
import { sortByCount } from './sort-by-count.js'
import { unionWith } from './union-with.js'
import { unset } from './unset.js'
import { unwind } from './unwind.js'
import { bucket } from './bucket.js'
import { bucketAuto } from './bucket-auto.js'
import { densify } from './densify.js'
import { fill } from './fill.js'
import { graphLookup } from './graph-lookup.js'
import { redact } from './redact.js'
import { setWindowFields } from './set-window-fields.js'
import { writeOut } from './write-out.js'
import type { StageCompiler } from './types.js'

/** Every supported stage by name. */
export const stageCompilers: Readonly<Record<string, StageCompiler>> = Object.freeze({
  $addFields: addFields,
  $count: count,
  $facet: facet,
  $group: group,
  $limit: limit,
  $lookup: lookup,
  $match: match,
  $project: project,
  $replaceRoot: replaceRoot,
  $replaceWith: replaceRoot,
  $sample: sample,
  $set: addFields,
  $skip: skip,
  $sort: sort,
  $sortByCount: sortByCount,
  $unionWith: unionWith,
  $unset: unset,
  $unwind: unwind,
  $bucket: bucket,
  $bucketAuto: bucketAuto,
  $densify: densify,
  $fill: fill,
  $graphLookup: graphLookup,
  $redact: redact,
  $setWindowFields: setWindowFields,
  $out: writeOut,
  $merge: writeOut,
})
