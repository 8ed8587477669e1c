// Module entry: the three wrapped classes and the hook for the JS error class.
#include <napi.h>

#include "addon_data.h"
#include "connection.h"
#include "cursor.h"
#include "errors.h"
#include "session.h"

namespace mgwt {
namespace {

Napi::Value SetErrorClassJs(const Napi::CallbackInfo& info) {
  SetErrorClass(info);
  return info.Env().Undefined();
}

Napi::Value Version(const Napi::CallbackInfo& info) {
  int major = 0, minor = 0, patch = 0;
  wiredtiger_version(&major, &minor, &patch);
  return Napi::String::New(info.Env(), std::to_string(major) + "." + std::to_string(minor) + "." +
                                           std::to_string(patch));
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  auto* data = new AddonData();
  env.SetInstanceData(data);
  Napi::Function connection = Connection::Define(env);
  Napi::Function session = Session::Define(env);
  Napi::Function cursor = Cursor::Define(env);
  data->connection_class = Napi::Persistent(connection);
  data->session_class = Napi::Persistent(session);
  data->cursor_class = Napi::Persistent(cursor);
  exports.Set("Connection", connection);
  exports.Set("Session", session);
  exports.Set("Cursor", cursor);
  exports.Set("setErrorClass", Napi::Function::New(env, SetErrorClassJs, "setErrorClass"));
  exports.Set("wiredtigerVersion", Napi::Function::New(env, Version, "wiredtigerVersion"));
  return exports;
}

}  // namespace mgwt

static Napi::Object InitModule(Napi::Env env, Napi::Object exports) { return mgwt::Init(env, exports); }

NODE_API_MODULE(memgoose_wiredtiger, InitModule)
