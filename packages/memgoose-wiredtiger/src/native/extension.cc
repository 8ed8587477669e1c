#include "extension.h"

#include <dlfcn.h>

// From WiredTiger's extension archives; their `wiredtiger_extension_init` is localized at build time
// (scripts/deps.mjs) because both archives define it.
extern "C" int snappy_extension_init(WT_CONNECTION* connection, WT_CONFIG_ARG* config);
extern "C" int zlib_extension_init(WT_CONNECTION* connection, WT_CONFIG_ARG* config);

/** Extension entry point WiredTiger calls during wiredtiger_open (exported despite -fvisibility). */
extern "C" __attribute__((visibility("default"))) int memgoose_wt_extension_init(
    WT_CONNECTION* connection, WT_CONFIG_ARG* config) {
  int rc = snappy_extension_init(connection, config);
  if (rc == 0) rc = zlib_extension_init(connection, config);
  if (rc == 0) rc = mgwt::AddCompressors(connection);
  return rc;
}

namespace mgwt {

std::string ExtensionConfig() {
  // The path of the loaded .node, wherever it was installed: WiredTiger dlopens it again, which
  // returns the handle Node already holds, so the same statically linked copy of WiredTiger serves.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&memgoose_wt_extension_init), &info) == 0 ||
      info.dli_fname == nullptr) {
    return "";
  }
  return std::string("extensions=[\"") + info.dli_fname +
         "\"=(entry=memgoose_wt_extension_init)]";
}

}  // namespace mgwt
