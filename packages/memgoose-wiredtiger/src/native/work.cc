#include "work.h"

#include <exception>

namespace mgwt {

Work::Work(const Napi::Object& owner, std::shared_ptr<ConnectionState> connection, const char* name)
    : Napi::AsyncWorker(owner.Env(), name),
      connection_(std::move(connection)),
      owner_(Napi::Persistent(owner)),
      deferred_(Napi::Promise::Deferred::New(owner.Env())) {}

Napi::Promise Work::Start() {
  connection_->pending++;
  Napi::Promise promise = deferred_.Promise();
  Queue();
  return promise;
}

void Work::Execute() {
  try {
    Run();
  } catch (const std::exception& error) {
    // Only allocation or filesystem errors get here; report them instead of terminating.
    Fail(Failure{"NATIVE_ERROR", error.what()});
  }
}

void Work::OnOK() { Finish(Env()); }

// Not reached in practice (Execute never calls SetError), but a rejection beats a hung promise.
void Work::OnError(const Napi::Error& error) {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  Settled();
  Release();
  deferred_.Reject(error.Value());
}

void Work::Finish(Napi::Env env) {
  Napi::HandleScope scope(env);
  Settled();
  Napi::Value result;
  std::optional<Napi::Error> error;
  if (failure_) {
    error = MakeError(env, *failure_);
  } else {
    try {
      result = Result(env);
    } catch (const Napi::Error& thrown) {
      error = thrown;
    }
  }
  // Account for this work before settling, so a close() awaiting it sees the count drop first.
  Release();
  if (error) deferred_.Reject(error->Value());
  else deferred_.Resolve(result);
}

void Work::Release() {
  if (--connection_->pending == 0 && connection_->on_drained) {
    std::function<void()> drained = std::move(connection_->on_drained);
    connection_->on_drained = nullptr;
    drained();
  }
}

}  // namespace mgwt
