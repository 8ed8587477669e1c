// JS class Cursor over a `key_format=u,value_format=u` table. Point operations are synchronous (a few
// microseconds: cheaper than a thread hop); batched range scans also run on the thread pool.
// Every operation leaves the cursor reset, so an idle cursor never pins pages.
#pragma once

#include <memory>
#include <napi.h>
#include <string>

#include "state.h"

namespace mgwt {

/** The WiredTiger cursors behind one JS Cursor; shared with scan work in flight. */
struct CursorState {
  explicit CursorState(std::shared_ptr<SessionState> owner) : session(std::move(owner)) {}

  std::shared_ptr<SessionState> session;
  std::string uri;
  WT_CURSOR* main = nullptr;    // overwrite=true: put() upserts
  WT_CURSOR* strict = nullptr;  // overwrite=false, opened on first use: insert() and remove() report
  bool closed = false;

  // Closing a session closes its cursors, so a cursor is only as alive as its session.
  bool Usable() const { return !closed && session->Usable(); }
};

class Cursor : public Napi::ObjectWrap<Cursor> {
 public:
  static Napi::Function Define(Napi::Env env);
  /** A new JS Cursor around an open WiredTiger cursor of `session`. */
  static Napi::Object Wrap(Napi::Env env, std::shared_ptr<SessionState> session, WT_CURSOR* cursor,
                           std::string uri);

  explicit Cursor(const Napi::CallbackInfo& info);
  ~Cursor() override;

 private:
  Napi::Value Get(const Napi::CallbackInfo& info);
  Napi::Value Put(const Napi::CallbackInfo& info);
  Napi::Value Insert(const Napi::CallbackInfo& info);
  Napi::Value Remove(const Napi::CallbackInfo& info);
  Napi::Value SearchNear(const Napi::CallbackInfo& info);
  Napi::Value Scan(const Napi::CallbackInfo& info);
  Napi::Value ScanAsync(const Napi::CallbackInfo& info);
  Napi::Value Reset(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsClosed(const Napi::CallbackInfo& info);

  /** Throws CLOSED or SESSION_BUSY unless the cursor can be used on the main thread now. */
  WT_CURSOR* Enter(Napi::Env env) const;
  /** The overwrite=false twin, opened on first use. */
  WT_CURSOR* Strict(Napi::Env env);

  std::shared_ptr<CursorState> state_;
};

}  // namespace mgwt
