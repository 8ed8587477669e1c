#include "connection.h"

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include "addon_data.h"
#include "bytes.h"
#include "errors.h"
#include "extension.h"
#include "session.h"
#include "work.h"

namespace mgwt {
namespace {

class OpenWork : public Work {
 public:
  OpenWork(const Napi::Object& owner, std::shared_ptr<ConnectionState> state, std::string home,
           std::string config)
      : Work(owner, std::move(state), "memgoose-wt:open"), home_(std::move(home)),
        config_(std::move(config)) {}

 protected:
  void Run() override {
    int rc = wiredtiger_open(home_.c_str(), EventHandler(), config_.c_str(), &handle_);
    if (rc != 0) Fail(rc, Context::Open);
  }
  void Settled() override {
    connection_->handle = Failed() ? nullptr : handle_;
    connection_->phase = Failed() ? ConnectionState::Phase::Closed : ConnectionState::Phase::Open;
  }
  Napi::Value Result(Napi::Env) override { return owner_.Value(); }

 private:
  std::string home_, config_;
  WT_CONNECTION* handle_ = nullptr;
};

class CloseWork : public Work {
 public:
  CloseWork(const Napi::Object& owner, std::shared_ptr<ConnectionState> state, std::string config)
      : Work(owner, std::move(state), "memgoose-wt:close"), config_(std::move(config)),
        handle_(connection_->handle) {}

 protected:
  void Run() override {
    int rc = handle_->close(handle_, config_.empty() ? nullptr : config_.c_str());
    if (rc != 0) Fail(rc);
  }
  // The handle is gone whatever close() returned.
  void Settled() override {
    connection_->handle = nullptr;
    connection_->phase = ConnectionState::Phase::Closed;
  }

 private:
  std::string config_;
  WT_CONNECTION* handle_;
};

class CheckpointWork : public Work {
 public:
  CheckpointWork(const Napi::Object& owner, std::shared_ptr<ConnectionState> state,
                 std::string config)
      : Work(owner, std::move(state), "memgoose-wt:checkpoint"), config_(std::move(config)),
        handle_(connection_->handle) {}

 protected:
  void Run() override {
    ScopedSession session(handle_);
    if (session.rc() != 0) return Fail(session.rc());
    WT_SESSION* s = session.get();
    int rc = s->checkpoint(s, config_.empty() ? nullptr : config_.c_str());
    if (rc != 0) Fail(rc);
  }

 private:
  std::string config_;
  WT_CONNECTION* handle_;
};

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Copies one file and fsyncs the copy; returns 0 or an errno.
int CopyFile(const std::string& from, const std::string& to) {
  Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) return errno;
  Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (out.get() < 0) return errno;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) break;
    for (ssize_t written = 0; written < n;) {
      ssize_t w = ::write(out.get(), buffer.data() + written, static_cast<size_t>(n - written));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) return errno;
      written += w;
    }
  }
  return ::fsync(out.get()) == 0 ? 0 : errno;
}

// Hot backup: while a `backup:` cursor is open WiredTiger keeps every file it lists consistent,
// so plain copies of those files form a database that opens (and recovers) on its own.
class BackupWork : public Work {
 public:
  BackupWork(const Napi::Object& owner, std::shared_ptr<ConnectionState> state, std::string target)
      : Work(owner, std::move(state), "memgoose-wt:backup"), target_(std::move(target)),
        handle_(connection_->handle), home_(handle_->get_home(handle_)) {}

 protected:
  void Run() override {
    std::error_code error;
    std::filesystem::create_directories(target_, error);
    if (error) return Fail(FromWiredTiger(error.value()));
    ScopedSession session(handle_);
    if (session.rc() != 0) return Fail(session.rc());
    ScopedCursor backup(session.get(), "backup:", nullptr);
    if (backup.rc() != 0) return Fail(backup.rc());
    WT_CURSOR* cursor = backup.get();
    int rc;
    while ((rc = cursor->next(cursor)) == 0) {
      const char* name = nullptr;
      if ((rc = cursor->get_key(cursor, &name)) != 0) break;
      int copied = CopyFile(home_ + "/" + name, target_ + "/" + name);
      if (copied != 0) {
        Failure failure = FromWiredTiger(copied);
        failure.message = std::string("backup of ") + name + ": " + failure.message;
        return Fail(std::move(failure));
      }
      files_.emplace_back(name);
    }
    if (rc != WT_NOTFOUND) return Fail(rc);
    if ((rc = backup.Close()) != 0) return Fail(rc);
    Fd dir(::open(target_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) ::fsync(dir.get());
  }
  Napi::Value Result(Napi::Env env) override {
    Napi::Array files = Napi::Array::New(env, files_.size());
    for (size_t i = 0; i < files_.size(); i++) files.Set(i, files_[i]);
    return files;
  }

 private:
  std::string target_;
  WT_CONNECTION* handle_;
  std::string home_;
  std::vector<std::string> files_;
};

class StatsWork : public Work {
 public:
  StatsWork(const Napi::Object& owner, std::shared_ptr<ConnectionState> state, std::string uri)
      : Work(owner, std::move(state), "memgoose-wt:stats"), uri_(std::move(uri)),
        handle_(connection_->handle) {}

 protected:
  void Run() override {
    ScopedSession session(handle_);
    if (session.rc() != 0) return Fail(session.rc());
    ScopedCursor stats(session.get(), uri_.c_str(), nullptr);
    if (stats.rc() != 0) return Fail(stats.rc());
    WT_CURSOR* cursor = stats.get();
    int rc;
    while ((rc = cursor->next(cursor)) == 0) {
      const char* description = nullptr;
      const char* printable = nullptr;
      int64_t value = 0;
      if ((rc = cursor->get_value(cursor, &description, &printable, &value)) != 0) break;
      values_.emplace_back(description, value);
    }
    if (rc != WT_NOTFOUND) Fail(rc);
  }
  Napi::Value Result(Napi::Env env) override {
    Napi::Object result = Napi::Object::New(env);
    for (const auto& [name, value] : values_) result.Set(name, static_cast<double>(value));
    return result;
  }

 private:
  std::string uri_;
  WT_CONNECTION* handle_;
  std::vector<std::pair<std::string, int64_t>> values_;
};

}  // namespace

Napi::Function Connection::Define(Napi::Env env) {
  return DefineClass(env, "Connection",
                     {
                         StaticMethod<&Connection::Open>("open"),
                         InstanceMethod<&Connection::OpenSession>("openSession"),
                         InstanceMethod<&Connection::Reconfigure>("reconfigure"),
                         InstanceMethod<&Connection::Checkpoint>("checkpoint"),
                         InstanceMethod<&Connection::Backup>("backup"),
                         InstanceMethod<&Connection::Stats>("stats"),
                         InstanceMethod<&Connection::Close>("close"),
                         InstanceAccessor<&Connection::IsClosed>("closed"),
                     });
}

Connection::Connection(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Connection>(info) {}

// A connection dropped without close() (or alive at process exit) is closed here, unless work is
// still using it; anything left unclosed is recovered from the log on the next open.
Connection::~Connection() {
  if (state_->phase == ConnectionState::Phase::Open && state_->pending == 0) {
    state_->handle->close(state_->handle, nullptr);
    state_->handle = nullptr;
    state_->phase = ConnectionState::Phase::Closed;
  }
}

WT_CONNECTION* Connection::Enter(Napi::Env env) const {
  if (!state_->Usable()) Throw(env, "CLOSED", "the connection is closed");
  return state_->handle;
}

Napi::Value Connection::Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string home = StringArg(info, 0, "home");
  std::string config = OptionalString(info, 1);
  std::string extension = ExtensionConfig();
  if (extension.empty()) Throw(env, "NATIVE_ERROR", "cannot find the path of the addon (dladdr)");
  // Appended last so they win over anything the caller passed: the compressors must load inside
  // wiredtiger_open, and a base config file would pin this install's absolute path.
  config += (config.empty() ? "" : ",") + extension + ",config_base=false";
  Napi::Object object = Data(env).connection_class.New({});
  Connection* connection = Unwrap(object);
  auto* work = new OpenWork(object, connection->state_, std::move(home), std::move(config));
  return work->Start();
}

Napi::Value Connection::OpenSession(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_CONNECTION* handle = Enter(env);
  std::string config = OptionalString(info, 0);
  auto session = std::make_shared<SessionState>(state_);
  Check(env, handle->open_session(handle, EventHandler(), config.empty() ? nullptr : config.c_str(),
                                  &session->handle));
  return Session::Wrap(env, std::move(session));
}

Napi::Value Connection::Reconfigure(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_CONNECTION* handle = Enter(env);
  std::string config = StringArg(info, 0, "config");
  Check(env, handle->reconfigure(handle, config.c_str()));
  return env.Undefined();
}

Napi::Value Connection::Checkpoint(const Napi::CallbackInfo& info) {
  Enter(info.Env());
  return (new CheckpointWork(Value(), state_, OptionalString(info, 0)))->Start();
}

Napi::Value Connection::Backup(const Napi::CallbackInfo& info) {
  Enter(info.Env());
  return (new BackupWork(Value(), state_, StringArg(info, 0, "target directory")))->Start();
}

Napi::Value Connection::Stats(const Napi::CallbackInfo& info) {
  Enter(info.Env());
  return (new StatsWork(Value(), state_, OptionalString(info, 0, "statistics:")))->Start();
}

Napi::Value Connection::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (state_->phase == ConnectionState::Phase::Closing ||
      state_->phase == ConnectionState::Phase::Closed) {
    Throw(env, "CLOSED", "the connection is already closed");
  }
  Enter(env);
  auto* work = new CloseWork(Value(), state_, OptionalString(info, 0));
  // From here every new operation fails with CLOSED; work in flight finishes first.
  state_->phase = ConnectionState::Phase::Closing;
  Napi::Promise promise = work->Promise();
  if (state_->pending == 0) work->Start();
  else state_->on_drained = [work]() { work->Start(); };
  return promise;
}

Napi::Value Connection::IsClosed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), !state_->Usable());
}

}  // namespace mgwt
