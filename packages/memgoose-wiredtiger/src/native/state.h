// Lifetime state shared by the wrappers. JS objects are finalized in any order (at environment
// teardown, all at once), so a wrapper never points at another wrapper: it holds a shared_ptr to
// the state of its owner and asks that state whether the WiredTiger handle is still valid.
// Every field is read and written on the main thread only; worker threads touch only the handles.
#pragma once

#include <functional>
#include <memory>
#include <wiredtiger.h>

namespace mgwt {

/** A WiredTiger connection and where it is in its life. */
struct ConnectionState {
  enum class Phase { Opening, Open, Closing, Closed };

  WT_CONNECTION* handle = nullptr;
  Phase phase = Phase::Opening;
  // Async works in flight. close() waits for zero: WT_CONNECTION::close under a running worker
  // would free the session that worker is using.
  int pending = 0;
  // Set by close() while work is in flight; run (once) when the last work settles.
  std::function<void()> on_drained;

  bool Usable() const { return phase == Phase::Open; }
};

/** A WiredTiger session: belongs to one thread at a time, so `busy` guards it while a worker has it. */
struct SessionState {
  explicit SessionState(std::shared_ptr<ConnectionState> owner) : connection(std::move(owner)) {}

  std::shared_ptr<ConnectionState> connection;
  WT_SESSION* handle = nullptr;
  bool closed = false;
  bool busy = false;
  bool in_transaction = false;

  // Closing the connection closes every session, so a session is only as alive as its connection.
  bool Usable() const { return !closed && connection->Usable(); }
};

}  // namespace mgwt
