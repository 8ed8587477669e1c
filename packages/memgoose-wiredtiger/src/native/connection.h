// JS class Connection: one WiredTiger connection (one home directory). Opening and closing run off
// the main thread (recovery and the final checkpoint take time), as do checkpoints, hot backups and
// statistics, each on a session of its own.
#pragma once

#include <memory>
#include <napi.h>

#include "state.h"

namespace mgwt {

class Connection : public Napi::ObjectWrap<Connection> {
 public:
  static Napi::Function Define(Napi::Env env);

  explicit Connection(const Napi::CallbackInfo& info);
  ~Connection() override;

 private:
  /** open(home, config) → Promise<Connection> (static). */
  static Napi::Value Open(const Napi::CallbackInfo& info);
  /** openSession(config) → Session. */
  Napi::Value OpenSession(const Napi::CallbackInfo& info);
  /** reconfigure(config). */
  Napi::Value Reconfigure(const Napi::CallbackInfo& info);
  /** checkpoint(config) → Promise<void>. */
  Napi::Value Checkpoint(const Napi::CallbackInfo& info);
  /** backup(targetDir) → Promise<string[]>: the files copied. */
  Napi::Value Backup(const Napi::CallbackInfo& info);
  /** stats(uri) → Promise<Record<string, number>>. */
  Napi::Value Stats(const Napi::CallbackInfo& info);
  /** close(config) → Promise<void>; waits for async work in flight. */
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsClosed(const Napi::CallbackInfo& info);

  /** Throws CLOSED unless the connection is open. */
  WT_CONNECTION* Enter(Napi::Env env) const;

  std::shared_ptr<ConnectionState> state_ = std::make_shared<ConnectionState>();
};

}  // namespace mgwt
