#include "session.h"

#include <string>
#include <utility>
#include <vector>

#include "addon_data.h"
#include "bytes.h"
#include "cursor.h"
#include "errors.h"

namespace mgwt {
namespace {

const char* ConfigOrNull(const std::string& config) { return config.empty() ? nullptr : config.c_str(); }

// A commit that waits for the log to reach the disk takes milliseconds: off the main thread.
class CommitWork : public SessionWork {
 public:
  CommitWork(const Napi::Object& owner, std::shared_ptr<SessionState> session, std::string config)
      : SessionWork(owner, std::move(session), "memgoose-wt:commit"), config_(std::move(config)) {}

 protected:
  void Run() override {
    WT_SESSION* s = session_->handle;
    int rc = s->commit_transaction(s, ConfigOrNull(config_));
    if (rc != 0) Fail(rc);
  }
  // Commit ends the transaction even when it fails (WiredTiger rolls it back).
  void Settled() override {
    session_->in_transaction = false;
    SessionWork::Settled();
  }

 private:
  std::string config_;
};

class CheckpointWork : public SessionWork {
 public:
  CheckpointWork(const Napi::Object& owner, std::shared_ptr<SessionState> session,
                 std::string config)
      : SessionWork(owner, std::move(session), "memgoose-wt:checkpoint"),
        config_(std::move(config)) {}

 protected:
  void Run() override {
    WT_SESSION* s = session_->handle;
    int rc = s->checkpoint(s, ConfigOrNull(config_));
    if (rc != 0) Fail(rc);
  }

 private:
  std::string config_;
};

// Many key/value pairs in one call: inside the session's open transaction if there is one,
// otherwise in a transaction of its own that commits or rolls back as a whole.
class PutManyWork : public SessionWork {
 public:
  PutManyWork(const Napi::Object& owner, std::shared_ptr<SessionState> session, std::string uri,
              std::string data, std::vector<uint32_t> sizes, bool overwrite)
      : SessionWork(owner, std::move(session), "memgoose-wt:put-many"), uri_(std::move(uri)),
        data_(std::move(data)), sizes_(std::move(sizes)), overwrite_(overwrite),
        own_transaction_(!session_->in_transaction) {}

 protected:
  void Run() override {
    WT_SESSION* s = session_->handle;
    if (own_transaction_) {
      int rc = s->begin_transaction(s, nullptr);
      if (rc != 0) return Fail(rc);
    }
    int rc = Insert(s);
    if (own_transaction_) {
      if (rc == 0) rc = s->commit_transaction(s, nullptr);
      else s->rollback_transaction(s, nullptr);
    }
    if (rc != 0 && !Failed()) Fail(rc);
  }

 private:
  int Insert(WT_SESSION* s) {
    ScopedCursor cursor(s, uri_.c_str(), overwrite_ ? nullptr : "overwrite=false");
    if (cursor.rc() != 0) return cursor.rc();
    WT_CURSOR* c = cursor.get();
    size_t offset = 0;
    for (size_t i = 0; i + 1 < sizes_.size(); i += 2) {
      WT_ITEM key{}, value{};
      key.data = data_.data() + offset;
      key.size = sizes_[i];
      value.data = data_.data() + offset + key.size;
      value.size = sizes_[i + 1];
      offset += key.size + value.size;
      c->set_key(c, &key);
      c->set_value(c, &value);
      int rc = c->insert(c);
      if (rc != 0) {
        Failure failure = FromWiredTiger(rc);
        failure.index = static_cast<long>(i / 2);
        Fail(std::move(failure));
        return rc;
      }
    }
    return 0;
  }

  std::string uri_;
  std::string data_;
  std::vector<uint32_t> sizes_;
  bool overwrite_;
  bool own_transaction_;
};

}  // namespace

WT_SESSION* EnterSession(Napi::Env env, const std::shared_ptr<SessionState>& state) {
  if (!state || !state->Usable()) Throw(env, "CLOSED", "the session is closed");
  if (state->busy) {
    Throw(env, "SESSION_BUSY",
          "the session is in use by async work; await it, or use another session");
  }
  return state->handle;
}

Napi::Function Session::Define(Napi::Env env) {
  return DefineClass(env, "Session",
                     {
                         InstanceMethod<&Session::Begin>("begin"),
                         InstanceMethod<&Session::Commit>("commit"),
                         InstanceMethod<&Session::CommitAsync>("commitAsync"),
                         InstanceMethod<&Session::Rollback>("rollback"),
                         InstanceMethod<&Session::Create>("create"),
                         InstanceMethod<&Session::Drop>("drop"),
                         InstanceMethod<&Session::OpenCursor>("openCursor"),
                         InstanceMethod<&Session::PutMany>("putMany"),
                         InstanceMethod<&Session::Checkpoint>("checkpoint"),
                         InstanceMethod<&Session::Close>("close"),
                         InstanceAccessor<&Session::IsClosed>("closed"),
                         InstanceAccessor<&Session::InTransaction>("inTransaction"),
                     });
}

Napi::Object Session::Wrap(Napi::Env env, std::shared_ptr<SessionState> state) {
  Napi::Object object = Data(env).session_class.New({});
  Unwrap(object)->state_ = std::move(state);
  return object;
}

Session::Session(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Session>(info) {}

// Dropped without close(): release the WiredTiger session unless another thread holds it or the
// connection already closed it.
Session::~Session() {
  if (state_ && state_->Usable() && !state_->busy) {
    state_->handle->close(state_->handle, nullptr);
    state_->closed = true;
  }
}

Napi::Value Session::Begin(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_SESSION* s = EnterSession(env, state_);
  std::string config = OptionalString(info, 0);
  Check(env, s->begin_transaction(s, ConfigOrNull(config)));
  state_->in_transaction = true;
  return env.Undefined();
}

Napi::Value Session::Commit(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_SESSION* s = EnterSession(env, state_);
  std::string config = OptionalString(info, 0);
  state_->in_transaction = false;
  Check(env, s->commit_transaction(s, ConfigOrNull(config)));
  return env.Undefined();
}

Napi::Value Session::CommitAsync(const Napi::CallbackInfo& info) {
  EnterSession(info.Env(), state_);
  return (new CommitWork(Value(), state_, OptionalString(info, 0)))->Start();
}

Napi::Value Session::Rollback(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_SESSION* s = EnterSession(env, state_);
  std::string config = OptionalString(info, 0);
  state_->in_transaction = false;
  Check(env, s->rollback_transaction(s, ConfigOrNull(config)));
  return env.Undefined();
}

Napi::Value Session::Create(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_SESSION* s = EnterSession(env, state_);
  std::string uri = StringArg(info, 0, "uri");
  std::string config = OptionalString(info, 1);
  Check(env, s->create(s, uri.c_str(), ConfigOrNull(config)));
  return env.Undefined();
}

Napi::Value Session::Drop(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_SESSION* s = EnterSession(env, state_);
  std::string uri = StringArg(info, 0, "uri");
  std::string config = OptionalString(info, 1);
  Check(env, s->drop(s, uri.c_str(), ConfigOrNull(config)));
  return env.Undefined();
}

Napi::Value Session::OpenCursor(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_SESSION* s = EnterSession(env, state_);
  std::string uri = StringArg(info, 0, "uri");
  std::string config = OptionalString(info, 1);
  WT_CURSOR* cursor = nullptr;
  Check(env, s->open_cursor(s, uri.c_str(), nullptr, ConfigOrNull(config), &cursor));
  return Cursor::Wrap(env, state_, cursor, std::move(uri));
}

Napi::Value Session::PutMany(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  EnterSession(env, state_);
  std::string uri = StringArg(info, 0, "uri");
  // The JS side packs the entries (one Buffer of key and value bytes back to back, their sizes
  // interleaved): one copy here instead of a property lookup per entry.
  std::string data = CopyOf(env, info[1], "entry data");
  if (!info[2].IsTypedArray() || info[2].As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array)
    Throw(env, "INVALID_ARGUMENT", "entry sizes must be a Uint32Array");
  Napi::Uint32Array packed = info[2].As<Napi::Uint32Array>();
  std::vector<uint32_t> sizes(packed.Data(), packed.Data() + packed.ElementLength());
  uint64_t total = 0;
  for (uint32_t size : sizes) total += size;
  if (sizes.size() % 2 != 0 || total != data.size())
    Throw(env, "INVALID_ARGUMENT", "entry sizes do not match the entry data");
  bool overwrite = !info[3].IsBoolean() || info[3].As<Napi::Boolean>().Value();
  return (new PutManyWork(Value(), state_, std::move(uri), std::move(data), std::move(sizes),
                          overwrite))
      ->Start();
}

Napi::Value Session::Checkpoint(const Napi::CallbackInfo& info) {
  EnterSession(info.Env(), state_);
  return (new CheckpointWork(Value(), state_, OptionalString(info, 0)))->Start();
}

Napi::Value Session::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (state_ && state_->closed) Throw(env, "CLOSED", "the session is already closed");
  WT_SESSION* s = EnterSession(env, state_);
  // Closing the session closes its cursors too; their wrappers see `closed` and never touch them.
  state_->closed = true;
  Check(env, s->close(s, nullptr));
  return env.Undefined();
}

Napi::Value Session::IsClosed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), !state_ || !state_->Usable());
}

Napi::Value Session::InTransaction(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), state_ && state_->Usable() && state_->in_transaction);
}

}  // namespace mgwt
