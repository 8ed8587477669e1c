// Binary arguments: keys and values are Uint8Arrays (Buffers included), read in place for the
// duration of a synchronous call and copied when work moves to another thread.
#pragma once

#include <napi.h>
#include <string>
#include <wiredtiger.h>

#include "errors.h"

namespace mgwt {

/** A view of a JS Uint8Array's bytes, valid until control returns to JS. */
inline WT_ITEM ItemOf(Napi::Env env, const Napi::Value& value, const char* what) {
  if (!value.IsTypedArray() ||
      value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    Throw(env, "INVALID_ARGUMENT", std::string(what) + " must be a Buffer or Uint8Array");
  }
  Napi::Uint8Array array = value.As<Napi::Uint8Array>();
  WT_ITEM item{};
  item.data = array.Data();
  item.size = array.ByteLength();
  return item;
}

/** A copy of a JS Uint8Array's bytes, for work that runs on another thread. */
inline std::string CopyOf(Napi::Env env, const Napi::Value& value, const char* what) {
  WT_ITEM item = ItemOf(env, value, what);
  return std::string(static_cast<const char*>(item.data), item.size);
}

/** A required string argument. */
inline std::string StringArg(const Napi::CallbackInfo& info, size_t index, const char* what) {
  if (!info[index].IsString()) Throw(info.Env(), "INVALID_ARGUMENT", std::string(what) + " must be a string");
  return info[index].As<Napi::String>().Utf8Value();
}

/** An optional string argument (undefined gives the fallback). */
inline std::string OptionalString(const Napi::CallbackInfo& info, size_t index, const char* fallback = "") {
  if (info.Length() <= index || info[index].IsUndefined() || info[index].IsNull()) return fallback;
  return StringArg(info, index, "config");
}

}  // namespace mgwt
