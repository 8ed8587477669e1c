#include "scan.h"

#include <algorithm>
#include <cstring>

#include "bytes.h"
#include "errors.h"

namespace mgwt {
namespace {

// WiredTiger's default collation for `u` keys: bytewise, a prefix sorts first (as Buffer.compare).
int Compare(const WT_ITEM& key, const std::string& bound) {
  size_t n = std::min(key.size, bound.size());
  int c = n == 0 ? 0 : std::memcmp(key.data, bound.data(), n);
  if (c != 0) return c;
  return key.size < bound.size() ? -1 : key.size > bound.size() ? 1 : 0;
}

bool OptionalBytes(Napi::Env env, const Napi::Value& value, const char* name, std::string* out) {
  if (value.IsUndefined() || value.IsNull()) return false;
  *out = CopyOf(env, value, name);
  return true;
}

size_t Count(const Napi::Value& value, size_t fallback) {
  if (!value.IsNumber()) return fallback;
  double n = value.As<Napi::Number>().DoubleValue();
  return n >= 1 ? static_cast<size_t>(n) : 1;
}

// Small payloads are copied (cheaper than an external buffer and its finalizer); large ones are
// adopted by the Buffer, whose finalizer frees them.
Napi::Buffer<char> DataBuffer(Napi::Env env, std::string&& data) {
  if (data.size() < (64u << 10)) return Napi::Buffer<char>::Copy(env, data.data(), data.size());
  auto* owned = new std::string(std::move(data));
  return Napi::Buffer<char>::New(env, owned->data(), owned->size(),
                                 [](Napi::Env, char*, std::string* s) { delete s; }, owned);
}

// Moves the cursor onto the first entry of the batch, or reports WT_NOTFOUND when there is none.
int Position(WT_CURSOR* cursor, const Range& range) {
  const bool forward = !range.reverse;
  const std::string* start = nullptr;
  bool inclusive = true;
  if (range.has_after) {
    start = &range.after;
    inclusive = false;
  } else if (forward && range.has_lower) {
    start = &range.lower;
    inclusive = range.lower_inclusive;
  } else if (!forward && range.has_upper) {
    start = &range.upper;
    inclusive = range.upper_inclusive;
  }
  if (start == nullptr) return forward ? cursor->next(cursor) : cursor->prev(cursor);

  WT_ITEM key{};
  key.data = start->data();
  key.size = start->size();
  cursor->set_key(cursor, &key);
  int exact = 0;
  int rc = cursor->search_near(cursor, &exact);
  if (rc != 0) return rc;
  // search_near lands on a neighbour on either side; step once if it is behind the start.
  bool behind = forward ? exact < 0 : exact > 0;
  if (behind || (exact == 0 && !inclusive)) rc = forward ? cursor->next(cursor) : cursor->prev(cursor);
  return rc;
}

bool PastEnd(const WT_ITEM& key, const Range& range) {
  if (!range.reverse && range.has_upper) {
    int c = Compare(key, range.upper);
    return c > 0 || (c == 0 && !range.upper_inclusive);
  }
  if (range.reverse && range.has_lower) {
    int c = Compare(key, range.lower);
    return c < 0 || (c == 0 && !range.lower_inclusive);
  }
  return false;
}

void Append(Batch* batch, const WT_ITEM& item) {
  batch->data.append(static_cast<const char*>(item.data), item.size);
  batch->sizes.push_back(static_cast<uint32_t>(item.size));
}

int Collect(WT_CURSOR* cursor, const Range& range, Batch* batch) {
  int rc = Position(cursor, range);
  while (rc == 0) {
    WT_ITEM key{}, value{};
    if ((rc = cursor->get_key(cursor, &key)) != 0) return rc;
    if (PastEnd(key, range)) {
      batch->done = true;
      return 0;
    }
    if (range.keys) Append(batch, key);
    if (range.values) {
      if ((rc = cursor->get_value(cursor, &value)) != 0) return rc;
      Append(batch, value);
    }
    batch->count++;
    if (batch->count >= range.limit || batch->data.size() >= range.max_bytes) {
      // The next batch resumes after this key, which the caller may not have asked for.
      batch->last.assign(static_cast<const char*>(key.data), key.size);
      // Peek one step so a scan that ends exactly at the limit reports done without another trip.
      rc = range.reverse ? cursor->prev(cursor) : cursor->next(cursor);
      if (rc == WT_NOTFOUND) batch->done = true;
      else if (rc == 0) {
        WT_ITEM next{};
        if ((rc = cursor->get_key(cursor, &next)) != 0) return rc;
        batch->done = PastEnd(next, range);
      }
      return rc == WT_NOTFOUND ? 0 : rc;
    }
    rc = range.reverse ? cursor->prev(cursor) : cursor->next(cursor);
  }
  if (rc == WT_NOTFOUND) {
    batch->done = true;
    return 0;
  }
  return rc;
}

}  // namespace

Range RangeFromArgs(const Napi::CallbackInfo& info, size_t first) {
  Napi::Env env = info.Env();
  Range range;
  range.has_lower = OptionalBytes(env, info[first], "lower bound", &range.lower);
  range.has_upper = OptionalBytes(env, info[first + 1], "upper bound", &range.upper);
  range.has_after = OptionalBytes(env, info[first + 2], "resume key", &range.after);
  uint32_t flags = info[first + 3].IsNumber() ? info[first + 3].As<Napi::Number>().Uint32Value()
                                              : (kLowerInclusive | kUpperInclusive | kKeys | kValues);
  range.lower_inclusive = (flags & kLowerInclusive) != 0;
  range.upper_inclusive = (flags & kUpperInclusive) != 0;
  range.reverse = (flags & kReverse) != 0;
  range.keys = (flags & kKeys) != 0;
  range.values = (flags & kValues) != 0;
  range.limit = Count(info[first + 4], range.limit);
  range.max_bytes = Count(info[first + 5], range.max_bytes);
  return range;
}

int ScanBatch(WT_CURSOR* cursor, const Range& range, Batch* batch) {
  int rc = Collect(cursor, range, batch);
  int reset = cursor->reset(cursor);
  return rc != 0 ? rc : reset;
}

Napi::Object BatchToJs(Napi::Env env, Batch&& batch) {
  Napi::Object result = Napi::Object::New(env);
  Napi::Uint32Array sizes = Napi::Uint32Array::New(env, batch.sizes.size());
  if (!batch.sizes.empty())
    std::memcpy(sizes.Data(), batch.sizes.data(), batch.sizes.size() * sizeof(uint32_t));
  result.Set("data", DataBuffer(env, std::move(batch.data)));
  result.Set("sizes", sizes);
  result.Set("count", static_cast<double>(batch.count));
  result.Set("done", batch.done);
  if (!batch.done) result.Set("last", Napi::Buffer<char>::Copy(env, batch.last.data(), batch.last.size()));
  return result;
}

Napi::Buffer<char> BatchInto(Napi::Env env, Batch&& batch, Napi::Uint32Array meta) {
  if (meta.ElementLength() < 3 + batch.sizes.size())
    Throw(env, "INVALID_ARGUMENT", "scan metadata array is too small for the batch");
  uint32_t* out = meta.Data();
  out[0] = static_cast<uint32_t>(batch.count);
  out[1] = batch.done ? 1 : 0;
  out[2] = batch.done ? 0 : static_cast<uint32_t>(batch.last.size());
  if (!batch.sizes.empty())
    std::memcpy(out + 3, batch.sizes.data(), batch.sizes.size() * sizeof(uint32_t));
  if (!batch.done) batch.data += batch.last;
  return DataBuffer(env, std::move(batch.data));
}

}  // namespace mgwt
