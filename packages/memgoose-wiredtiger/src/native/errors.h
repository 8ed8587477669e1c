// WiredTiger failures as JS errors with a stable `code`. The JS layer registers its WiredTigerError
// class at load time, so errors thrown here are already instances of it.
#pragma once

#include <napi.h>
#include <string>
#include <utility>
#include <wiredtiger.h>

namespace mgwt {

/** Where a call happened: EBUSY from wiredtiger_open means another process holds the home. */
enum class Context { Operation, Open };

/** A failure captured on any thread, turned into a JS error later on the main thread. */
struct Failure {
  Failure() = default;
  Failure(std::string code_, std::string message_)
      : code(std::move(code_)), message(std::move(message_)) {}

  std::string code;
  std::string message;
  int rc = 0;  // WiredTiger or errno return code; 0 for misuse detected by the binding
  long index = -1;  // position in a batch, when one entry of a bulk operation failed
  std::string file;  // the file WiredTiger named (damaged files), relative to the home
};

/** Event handler that keeps WiredTiger's error text for the failing thread instead of printing it. */
WT_EVENT_HANDLER* EventHandler();

/** Classifies a WiredTiger return code, consuming the message WiredTiger reported on this thread. */
Failure FromWiredTiger(int rc, Context context = Context::Operation);

/** Builds the JS error object for a failure. */
Napi::Error MakeError(Napi::Env env, const Failure& failure);

/** Throws a coded error for misuse detected by the binding (closed handle, bad argument, ...). */
[[noreturn]] void Throw(Napi::Env env, const char* code, const std::string& message);

/** Throws if a WiredTiger call failed. */
inline void Check(Napi::Env env, int rc) {
  if (rc != 0) throw MakeError(env, FromWiredTiger(rc));
}

/** Registers the JS class used for every error (called once by the JS loader). */
void SetErrorClass(const Napi::CallbackInfo& info);

}  // namespace mgwt
