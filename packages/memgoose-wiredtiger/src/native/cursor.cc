#include "cursor.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "addon_data.h"
#include "bytes.h"
#include "errors.h"
#include "scan.h"
#include "session.h"

namespace mgwt {
namespace {

// Resets on scope exit: after a lookup the cursor would otherwise stay positioned and pin pages.
class ResetGuard {
 public:
  explicit ResetGuard(WT_CURSOR* cursor) : cursor_(cursor) {}
  ~ResetGuard() { cursor_->reset(cursor_); }
  ResetGuard(const ResetGuard&) = delete;
  ResetGuard& operator=(const ResetGuard&) = delete;

 private:
  WT_CURSOR* cursor_;
};

Napi::Value CopyItem(Napi::Env env, const WT_ITEM& item) {
  return Napi::Buffer<char>::Copy(env, static_cast<const char*>(item.data), item.size);
}

class ScanWork : public SessionWork {
 public:
  ScanWork(const Napi::Object& owner, std::shared_ptr<CursorState> cursor, Range range)
      : SessionWork(owner, cursor->session, "memgoose-wt:scan"), cursor_(std::move(cursor)),
        range_(std::move(range)) {}

 protected:
  void Run() override {
    int rc = ScanBatch(cursor_->main, range_, &batch_);
    if (rc != 0) Fail(rc);
  }
  Napi::Value Result(Napi::Env env) override { return BatchToJs(env, std::move(batch_)); }

 private:
  std::shared_ptr<CursorState> cursor_;
  Range range_;
  Batch batch_;
};

}  // namespace

Napi::Function Cursor::Define(Napi::Env env) {
  return DefineClass(env, "Cursor",
                     {
                         InstanceMethod<&Cursor::Get>("get"),
                         InstanceMethod<&Cursor::Put>("put"),
                         InstanceMethod<&Cursor::Insert>("insert"),
                         InstanceMethod<&Cursor::Remove>("remove"),
                         InstanceMethod<&Cursor::SearchNear>("searchNear"),
                         InstanceMethod<&Cursor::Scan>("scan"),
                         InstanceMethod<&Cursor::ScanAsync>("scanAsync"),
                         InstanceMethod<&Cursor::Reset>("reset"),
                         InstanceMethod<&Cursor::Close>("close"),
                         InstanceAccessor<&Cursor::IsClosed>("closed"),
                     });
}

Napi::Object Cursor::Wrap(Napi::Env env, std::shared_ptr<SessionState> session, WT_CURSOR* cursor,
                          std::string uri) {
  auto state = std::make_shared<CursorState>(std::move(session));
  state->main = cursor;
  state->uri = std::move(uri);
  // Keys and values cross as raw bytes; any other format would be misread.
  if (std::strcmp(cursor->key_format, "u") != 0 || std::strcmp(cursor->value_format, "u") != 0) {
    cursor->close(cursor);
    Throw(env, "INVALID_ARGUMENT",
          "cursors need a table created with key_format=u,value_format=u: " + state->uri);
  }
  Napi::Object object = Data(env).cursor_class.New({});
  Unwrap(object)->state_ = std::move(state);
  return object;
}

Cursor::Cursor(const Napi::CallbackInfo& info) : Napi::ObjectWrap<Cursor>(info) {}

Cursor::~Cursor() {
  if (state_ && state_->Usable() && !state_->session->busy) {
    state_->main->close(state_->main);
    if (state_->strict != nullptr) state_->strict->close(state_->strict);
    state_->closed = true;
  }
}

WT_CURSOR* Cursor::Enter(Napi::Env env) const {
  if (!state_ || !state_->Usable()) Throw(env, "CLOSED", "the cursor is closed");
  EnterSession(env, state_->session);
  return state_->main;
}

WT_CURSOR* Cursor::Strict(Napi::Env env) {
  if (state_->strict == nullptr) {
    WT_SESSION* s = state_->session->handle;
    Check(env, s->open_cursor(s, state_->uri.c_str(), nullptr, "overwrite=false", &state_->strict));
  }
  return state_->strict;
}

Napi::Value Cursor::Get(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_CURSOR* c = Enter(env);
  WT_ITEM key = ItemOf(env, info[0], "key");
  ResetGuard reset(c);
  c->set_key(c, &key);
  int rc = c->search(c);
  if (rc == WT_NOTFOUND) return env.Undefined();
  Check(env, rc);
  WT_ITEM value{};
  Check(env, c->get_value(c, &value));
  return CopyItem(env, value);
}

Napi::Value Cursor::Put(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_CURSOR* c = Enter(env);
  WT_ITEM key = ItemOf(env, info[0], "key");
  WT_ITEM value = ItemOf(env, info[1], "value");
  ResetGuard reset(c);
  c->set_key(c, &key);
  c->set_value(c, &value);
  Check(env, c->insert(c));
  return env.Undefined();
}

Napi::Value Cursor::Insert(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Enter(env);
  WT_CURSOR* c = Strict(env);
  WT_ITEM key = ItemOf(env, info[0], "key");
  WT_ITEM value = ItemOf(env, info[1], "value");
  ResetGuard reset(c);
  c->set_key(c, &key);
  c->set_value(c, &value);
  Check(env, c->insert(c));
  return env.Undefined();
}

Napi::Value Cursor::Remove(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Enter(env);
  WT_CURSOR* c = Strict(env);
  WT_ITEM key = ItemOf(env, info[0], "key");
  ResetGuard reset(c);
  c->set_key(c, &key);
  // With overwrite=false a missing key is WT_NOTFOUND, which tells the caller nothing was removed.
  int rc = c->remove(c);
  if (rc == WT_NOTFOUND) return Napi::Boolean::New(env, false);
  Check(env, rc);
  return Napi::Boolean::New(env, true);
}

Napi::Value Cursor::SearchNear(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_CURSOR* c = Enter(env);
  WT_ITEM key = ItemOf(env, info[0], "key");
  ResetGuard reset(c);
  c->set_key(c, &key);
  int exact = 0;
  int rc = c->search_near(c, &exact);
  if (rc == WT_NOTFOUND) return env.Undefined();
  Check(env, rc);
  WT_ITEM found{}, value{};
  Check(env, c->get_key(c, &found));
  Check(env, c->get_value(c, &value));
  Napi::Array result = Napi::Array::New(env, 3);
  result.Set(0u, Napi::Number::New(env, exact < 0 ? -1 : exact > 0 ? 1 : 0));
  result.Set(1u, CopyItem(env, found));
  result.Set(2u, CopyItem(env, value));
  return result;
}

Napi::Value Cursor::Scan(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_CURSOR* c = Enter(env);
  if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array)
    Throw(env, "INVALID_ARGUMENT", "scan metadata must be a Uint32Array");
  Napi::Uint32Array meta = info[0].As<Napi::Uint32Array>();
  Range range = RangeFromArgs(info, 1);
  // Never collect more entries than the caller has room for.
  range.limit = std::min(range.limit, (meta.ElementLength() - std::min<size_t>(meta.ElementLength(), 3)) / 2);
  if (range.limit == 0) Throw(env, "INVALID_ARGUMENT", "scan metadata array is too small");
  Batch batch;
  Check(env, ScanBatch(c, range, &batch));
  return BatchInto(env, std::move(batch), meta);
}

Napi::Value Cursor::ScanAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Enter(env);
  Range range = RangeFromArgs(info, 0);
  return (new ScanWork(Value(), state_, std::move(range)))->Start();
}

Napi::Value Cursor::Reset(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  WT_CURSOR* c = Enter(env);
  Check(env, c->reset(c));
  return env.Undefined();
}

Napi::Value Cursor::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (state_ && state_->closed) Throw(env, "CLOSED", "the cursor is already closed");
  WT_CURSOR* c = Enter(env);
  state_->closed = true;
  int rc = c->close(c);
  if (state_->strict != nullptr) {
    int strict = state_->strict->close(state_->strict);
    if (rc == 0) rc = strict;
  }
  Check(env, rc);
  return env.Undefined();
}

Napi::Value Cursor::IsClosed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), !state_ || !state_->Usable());
}

}  // namespace mgwt
