// Range scans over a `u`/`u` table. WiredTiger 3.2.1 has no cursor bounds, so a scan positions with
// search_near and stops at the far bound itself. A scan runs in batches: each batch ends with the
// cursor reset (a positioned cursor pins pages) and the next one resumes after the last key.
#pragma once

#include <cstdint>
#include <napi.h>
#include <string>
#include <vector>
#include <wiredtiger.h>

namespace mgwt {

/** Bounds and limits of one batch, copied out of JS so it can run on any thread. */
struct Range {
  std::string lower, upper, after;
  bool has_lower = false, has_upper = false, has_after = false;
  bool lower_inclusive = true, upper_inclusive = true;
  bool reverse = false;
  bool keys = true, values = true;
  size_t limit = 1000;           // entries in this batch
  size_t max_bytes = 4u << 20;   // soft cap on the batch's payload
};

/** One batch: key and value bytes back to back, with their sizes interleaved in `sizes`. */
struct Batch {
  std::string data;
  std::vector<uint32_t> sizes;
  std::string last;  // key of the last entry, to resume from when not done
  size_t count = 0;
  bool done = false;
};

/** Bits of the `flags` argument. */
enum RangeFlags : uint32_t {
  kLowerInclusive = 1,
  kUpperInclusive = 2,
  kReverse = 4,
  kKeys = 8,
  kValues = 16,
};

/**
 * Reads a Range from positional arguments `lower, upper, after, flags, limit, maxBytes` starting at
 * `first` (positional: a property lookup per option would cost more than a short scan itself).
 */
Range RangeFromArgs(const Napi::CallbackInfo& info, size_t first);

/** Fills `batch` from `cursor`; returns a WiredTiger code (0 when fine). Leaves the cursor reset. */
int ScanBatch(WT_CURSOR* cursor, const Range& range, Batch* batch);

/** `{ data: Buffer, sizes: Uint32Array, count, done, last? }` without copying the payload again. */
Napi::Object BatchToJs(Napi::Env env, Batch&& batch);

/**
 * The synchronous form: writes `count, done, lastKeySize, sizes...` into `meta` and returns the
 * payload, followed by the last key when not done. No object is built per batch.
 */
Napi::Buffer<char> BatchInto(Napi::Env env, Batch&& batch, Napi::Uint32Array meta);

}  // namespace mgwt
