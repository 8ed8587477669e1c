// JS class Session: transactions, tables and cursors. A WiredTiger session belongs to one thread at
// a time, so while async work of this session runs (bulk load, commit, checkpoint, a scan batch of
// one of its cursors) every synchronous call on it fails with SESSION_BUSY.
#pragma once

#include <memory>
#include <napi.h>

#include "state.h"
#include "work.h"

namespace mgwt {

class Session : public Napi::ObjectWrap<Session> {
 public:
  static Napi::Function Define(Napi::Env env);
  /** A new JS Session around an open WiredTiger session. */
  static Napi::Object Wrap(Napi::Env env, std::shared_ptr<SessionState> state);

  explicit Session(const Napi::CallbackInfo& info);
  ~Session() override;

 private:
  Napi::Value Begin(const Napi::CallbackInfo& info);
  Napi::Value Commit(const Napi::CallbackInfo& info);
  Napi::Value CommitAsync(const Napi::CallbackInfo& info);
  Napi::Value Rollback(const Napi::CallbackInfo& info);
  Napi::Value Create(const Napi::CallbackInfo& info);
  Napi::Value Drop(const Napi::CallbackInfo& info);
  Napi::Value OpenCursor(const Napi::CallbackInfo& info);
  Napi::Value PutMany(const Napi::CallbackInfo& info);
  Napi::Value Checkpoint(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsClosed(const Napi::CallbackInfo& info);
  Napi::Value InTransaction(const Napi::CallbackInfo& info);

  std::shared_ptr<SessionState> state_;
};

/** Throws CLOSED or SESSION_BUSY unless the session can be used on the main thread now. */
WT_SESSION* EnterSession(Napi::Env env, const std::shared_ptr<SessionState>& state);

/**
 * Async work that borrows a session: marks it busy until the work settles, so no other thread
 * touches it meanwhile.
 */
class SessionWork : public Work {
 public:
  SessionWork(const Napi::Object& owner, std::shared_ptr<SessionState> session, const char* name)
      : Work(owner, session->connection, name), session_(std::move(session)) {
    session_->busy = true;
  }

 protected:
  void Settled() override { session_->busy = false; }

  std::shared_ptr<SessionState> session_;
};

}  // namespace mgwt
