// Per-environment data: constructors of the wrapped classes and the JS error class. Kept in the
// environment's instance data (not statics) so worker_threads each get their own.
#pragma once

#include <napi.h>

namespace mgwt {

struct AddonData {
  Napi::FunctionReference connection_class;
  Napi::FunctionReference session_class;
  Napi::FunctionReference cursor_class;
  Napi::FunctionReference error_class;
};

inline AddonData& Data(Napi::Env env) { return *env.GetInstanceData<AddonData>(); }

}  // namespace mgwt
