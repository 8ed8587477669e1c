// Base of every piece of async work: runs on libuv's thread pool, settles a promise on the main
// thread with a coded error, and counts itself against the connection so close() waits for it.
#pragma once

#include <memory>
#include <napi.h>
#include <optional>
#include <string>

#include "errors.h"
#include "state.h"

namespace mgwt {

class Work : public Napi::AsyncWorker {
 public:
  /** `owner` (the JS wrapper) stays alive until the work settles. */
  Work(const Napi::Object& owner, std::shared_ptr<ConnectionState> connection, const char* name);

  /** Queues the work and returns its promise. */
  Napi::Promise Start();

  /** The promise, for work created now and queued later (a close waiting for other work). */
  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  /** Worker thread: do the WiredTiger calls; report problems with Fail(). */
  virtual void Run() = 0;
  /** Main thread: the resolved value. */
  virtual Napi::Value Result(Napi::Env env) { return env.Undefined(); }
  /** Main thread, before the promise settles, success or not (release the session, ...). */
  virtual void Settled() {}

  void Fail(int rc, Context context = Context::Operation) { failure_ = FromWiredTiger(rc, context); }
  void Fail(Failure failure) { failure_ = std::move(failure); }
  bool Failed() const { return failure_.has_value(); }

  std::shared_ptr<ConnectionState> connection_;
  // The JS wrapper stays reachable (not finalized) while its work is in flight.
  Napi::ObjectReference owner_;

 private:
  void Execute() final;
  void OnOK() final;
  void OnError(const Napi::Error& error) final;
  void Finish(Napi::Env env);
  void Release();

  Napi::Promise::Deferred deferred_;
  std::optional<Failure> failure_;
};

/**
 * A session opened on the worker thread for one piece of connection-level work (checkpoint, backup,
 * statistics) and closed when it goes out of scope, so the JS-visible sessions stay untouched.
 */
class ScopedSession {
 public:
  explicit ScopedSession(WT_CONNECTION* connection) {
    rc_ = connection->open_session(connection, EventHandler(), nullptr, &session_);
  }
  ~ScopedSession() {
    if (session_ != nullptr) session_->close(session_, nullptr);
  }
  ScopedSession(const ScopedSession&) = delete;
  ScopedSession& operator=(const ScopedSession&) = delete;

  int rc() const { return rc_; }
  WT_SESSION* get() const { return session_; }

 private:
  WT_SESSION* session_ = nullptr;
  int rc_ = 0;
};

/** A cursor closed when it goes out of scope. */
class ScopedCursor {
 public:
  ScopedCursor(WT_SESSION* session, const char* uri, const char* config) {
    rc_ = session->open_cursor(session, uri, nullptr, config, &cursor_);
  }
  ~ScopedCursor() {
    if (cursor_ != nullptr) cursor_->close(cursor_);
  }
  ScopedCursor(const ScopedCursor&) = delete;
  ScopedCursor& operator=(const ScopedCursor&) = delete;

  int rc() const { return rc_; }
  WT_CURSOR* get() const { return cursor_; }
  /** Closes now and reports the result (closing a backup cursor is what releases the backup). */
  int Close() {
    int rc = cursor_ != nullptr ? cursor_->close(cursor_) : 0;
    cursor_ = nullptr;
    return rc;
  }

 private:
  WT_CURSOR* cursor_ = nullptr;
  int rc_ = 0;
};

}  // namespace mgwt
