/**
 * The expression operator registry: `$name` to its compiler, one operator per file by family.
 */
import { avg } from './accumulator/avg.js'
import { max } from './accumulator/max.js'
import { min } from './accumulator/min.js'
import { stdDevPop } from './accumulator/std-dev-pop.js'
import { stdDevSamp } from './accumulator/std-dev-samp.js'
import { sum } from './accumulator/sum.js'
import { abs } from './arithmetic/abs.js'
import { add } from './arithmetic/add.js'
import { ceil } from './arithmetic/ceil.js'
import { divide } from './arithmetic/divide.js'
import { exp } from './arithmetic/exp.js'
import { floor } from './arithmetic/floor.js'
import { ln } from './arithmetic/ln.js'
import { log } from './arithmetic/log.js'
import { log10 } from './arithmetic/log10.js'
import { mod } from './arithmetic/mod.js'
import { multiply } from './arithmetic/multiply.js'
import { pow } from './arithmetic/pow.js'
import { round } from './arithmetic/round.js'
import { sqrt } from './arithmetic/sqrt.js'
import { subtract } from './arithmetic/subtract.js'
import { trunc } from './arithmetic/trunc.js'
import { cmp } from './comparison/cmp.js'
import { eq } from './comparison/eq.js'
import { gt } from './comparison/gt.js'
import { gte } from './comparison/gte.js'
import { lt } from './comparison/lt.js'
import { lte } from './comparison/lte.js'
import { ne } from './comparison/ne.js'
import { and } from './boolean/and.js'
import { not } from './boolean/not.js'
import { or } from './boolean/or.js'
import { cond } from './conditional/cond.js'
import { ifNull } from './conditional/if-null.js'
import { switchOp } from './conditional/switch.js'
import { concat } from './string/concat.js'
import { indexOfCP } from './string/index-of-cp.js'
import { ltrim } from './string/ltrim.js'
import { regexFindAll } from './string/regex-find-all.js'
import { regexFind } from './string/regex-find.js'
import { regexMatch } from './string/regex-match.js'
import { replaceAll } from './string/replace-all.js'
import { replaceOne } from './string/replace-one.js'
import { rtrim } from './string/rtrim.js'
import { split } from './string/split.js'
import { strLenBytes } from './string/str-len-bytes.js'
import { strLenCP } from './string/str-len-cp.js'
import { strcasecmp } from './string/strcasecmp.js'
import { substrBytes } from './string/substr-bytes.js'
import { substrCP } from './string/substr-cp.js'
import { toLower } from './string/to-lower.js'
import { toUpper } from './string/to-upper.js'
import { trim } from './string/trim.js'
import { dateAdd } from './date/date-add.js'
import { dateDiff } from './date/date-diff.js'
import { dateFromParts } from './date/date-from-parts.js'
import { dateFromString } from './date/date-from-string.js'
import { dateSubtract } from './date/date-subtract.js'
import { dateToParts } from './date/date-to-parts.js'
import { dateToString } from './date/date-to-string.js'
import { dateTrunc } from './date/date-trunc.js'
import { dayOfMonth } from './date/day-of-month.js'
import { dayOfWeek } from './date/day-of-week.js'
import { dayOfYear } from './date/day-of-year.js'
import { hour } from './date/hour.js'
import { isoDayOfWeek } from './date/iso-day-of-week.js'
import { isoWeekYear } from './date/iso-week-year.js'
import { isoWeek } from './date/iso-week.js'
import { millisecond } from './date/millisecond.js'
import { minute } from './date/minute.js'
import { month } from './date/month.js'
import { second } from './date/second.js'
import { week } from './date/week.js'
import { year } from './date/year.js'
import { arrayElemAt } from './array/array-elem-at.js'
import { concatArrays } from './array/concat-arrays.js'
import { filter } from './array/filter.js'
import { firstN as firstNOfArray } from './array/first-n.js'
import { first as firstOfArray } from './array/first.js'
import { inOp } from './array/in.js'
import { indexOfArray } from './array/index-of-array.js'
import { isArray } from './array/is-array.js'
import { lastN as lastNOfArray } from './array/last-n.js'
import { last as lastOfArray } from './array/last.js'
import { map } from './array/map.js'
import { maxN as maxNOfArray } from './array/max-n.js'
import { minN as minNOfArray } from './array/min-n.js'
import { range } from './array/range.js'
import { reduce } from './array/reduce.js'
import { reverseArray } from './array/reverse-array.js'
import { size } from './array/size.js'
import { slice } from './array/slice.js'
import { sortArray } from './array/sort-array.js'
import { zip } from './array/zip.js'
import { allElementsTrue } from './set/all-elements-true.js'
import { anyElementTrue } from './set/any-element-true.js'
import { setDifference } from './set/set-difference.js'
import { setEquals } from './set/set-equals.js'
import { setIntersection } from './set/set-intersection.js'
import { setIsSubset } from './set/set-is-subset.js'
import { setUnion } from './set/set-union.js'
import { convert } from './type/convert.js'
import { isNumber } from './type/is-number.js'
import { toBool } from './type/to-bool.js'
import { toDate } from './type/to-date.js'
import { toDecimal } from './type/to-decimal.js'
import { toDouble } from './type/to-double.js'
import { toInt } from './type/to-int.js'
import { toLong } from './type/to-long.js'
import { toObjectId } from './type/to-object-id.js'
import { toString } from './type/to-string.js'
import { type } from './type/type.js'
import { arrayToObject } from './object/array-to-object.js'
import { getField } from './object/get-field.js'
import { mergeObjects } from './object/merge-objects.js'
import { objectToArray } from './object/object-to-array.js'
import { setField } from './object/set-field.js'
import { letOp } from './variable/let.js'
import { literal } from './variable/literal.js'
import { rand } from './variable/rand.js'
import type { ExpressionOperator } from './types.js'

/** Every expression operator by name (`$add` ...). Frozen: operators are looked up with hasOwn. */
export const operators: Readonly<Record<string, ExpressionOperator>> = Object.freeze({
  $avg: avg,
  $max: max,
  $min: min,
  $stdDevPop: stdDevPop,
  $stdDevSamp: stdDevSamp,
  $sum: sum,
  $abs: abs,
  $add: add,
  $ceil: ceil,
  $divide: divide,
  $exp: exp,
  $floor: floor,
  $ln: ln,
  $log: log,
  $log10: log10,
  $mod: mod,
  $multiply: multiply,
  $pow: pow,
  $round: round,
  $sqrt: sqrt,
  $subtract: subtract,
  $trunc: trunc,
  $cmp: cmp,
  $eq: eq,
  $gt: gt,
  $gte: gte,
  $lt: lt,
  $lte: lte,
  $ne: ne,
  $and: and,
  $not: not,
  $or: or,
  $cond: cond,
  $ifNull: ifNull,
  $switch: switchOp,
  $concat: concat,
  $indexOfCP: indexOfCP,
  $ltrim: ltrim,
  $regexFindAll: regexFindAll,
  $regexFind: regexFind,
  $regexMatch: regexMatch,
  $replaceAll: replaceAll,
  $replaceOne: replaceOne,
  $rtrim: rtrim,
  $split: split,
  $strLenBytes: strLenBytes,
  $strLenCP: strLenCP,
  $strcasecmp: strcasecmp,
  $substrBytes: substrBytes,
  $substr: substrBytes,
  $substrCP: substrCP,
  $toLower: toLower,
  $toUpper: toUpper,
  $trim: trim,
  $dateAdd: dateAdd,
  $dateDiff: dateDiff,
  $dateFromParts: dateFromParts,
  $dateFromString: dateFromString,
  $dateSubtract: dateSubtract,
  $dateToParts: dateToParts,
  $dateToString: dateToString,
  $dateTrunc: dateTrunc,
  $dayOfMonth: dayOfMonth,
  $dayOfWeek: dayOfWeek,
  $dayOfYear: dayOfYear,
  $hour: hour,
  $isoDayOfWeek: isoDayOfWeek,
  $isoWeekYear: isoWeekYear,
  $isoWeek: isoWeek,
  $millisecond: millisecond,
  $minute: minute,
  $month: month,
  $second: second,
  $week: week,
  $year: year,
  $arrayElemAt: arrayElemAt,
  $concatArrays: concatArrays,
  $filter: filter,
  $firstN: firstNOfArray,
  $first: firstOfArray,
  $in: inOp,
  $indexOfArray: indexOfArray,
  $isArray: isArray,
  $lastN: lastNOfArray,
  $last: lastOfArray,
  $map: map,
  $maxN: maxNOfArray,
  $minN: minNOfArray,
  $range: range,
  $reduce: reduce,
  $reverseArray: reverseArray,
  $size: size,
  $slice: slice,
  $sortArray: sortArray,
  $zip: zip,
  $allElementsTrue: allElementsTrue,
  $anyElementTrue: anyElementTrue,
  $setDifference: setDifference,
  $setEquals: setEquals,
  $setIntersection: setIntersection,
  $setIsSubset: setIsSubset,
  $setUnion: setUnion,
  $convert: convert,
  $isNumber: isNumber,
  $toBool: toBool,
  $toDate: toDate,
  $toDecimal: toDecimal,
  $toDouble: toDouble,
  $toInt: toInt,
  $toLong: toLong,
  $toObjectId: toObjectId,
  $toString: toString,
  $type: type,
  $arrayToObject: arrayToObject,
  $getField: getField,
  $mergeObjects: mergeObjects,
  $objectToArray: objectToArray,
  $setField: setField,
  $let: letOp,
  $literal: literal,
  $rand: rand,
})
