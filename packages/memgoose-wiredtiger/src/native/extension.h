// The addon loads itself into WiredTiger as an extension, so every compressor is registered inside
// wiredtiger_open, before recovery reads a single compressed page.
#pragma once

#include <string>
#include <wiredtiger.h>

namespace mgwt {

/** `extensions=[...]` configuration naming this very .node file and its entry point. */
std::string ExtensionConfig();

/** Adds the zstd and lz4 compressors (WiredTiger's Debian build ships neither). */
int AddCompressors(WT_CONNECTION* connection);

}  // namespace mgwt
