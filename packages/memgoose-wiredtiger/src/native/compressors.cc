// zstd and lz4 as WT_COMPRESSORs. WiredTiger hands decompress() a source buffer that may be longer
// than the compressed bytes, and neither library tolerates trailing bytes, so each block starts
// with an 8-byte little-endian length of the compressed payload (WiredTiger's own extensions do
// the same).
#include <cstdint>
#include <cstring>
#include <lz4.h>
#include <zstd.h>

#include "extension.h"

namespace mgwt {
namespace {

constexpr size_t kHeader = 8;
constexpr int kZstdLevel = 3;

void PutLength(uint8_t* dst, uint64_t length) {
  for (size_t i = 0; i < kHeader; i++) dst[i] = static_cast<uint8_t>(length >> (8 * i));
}

uint64_t GetLength(const uint8_t* src) {
  uint64_t length = 0;
  for (size_t i = 0; i < kHeader; i++) length |= static_cast<uint64_t>(src[i]) << (8 * i);
  return length;
}

// Shared tail of compress(): a result that is not smaller is "compression failed", which makes
// WiredTiger store the block uncompressed rather than treat it as an error.
int Finish(size_t compressed, size_t src_len, uint8_t* dst, size_t* result_lenp, int* failed) {
  if (compressed == 0 || compressed + kHeader >= src_len) {
    *failed = 1;
    return 0;
  }
  PutLength(dst, compressed);
  *result_lenp = compressed + kHeader;
  *failed = 0;
  return 0;
}

int ZstdCompress(WT_COMPRESSOR*, WT_SESSION*, uint8_t* src, size_t src_len, uint8_t* dst,
                 size_t dst_len, size_t* result_lenp, int* failed) {
  if (dst_len <= kHeader) return Finish(0, src_len, dst, result_lenp, failed);
  size_t n = ZSTD_compress(dst + kHeader, dst_len - kHeader, src, src_len, kZstdLevel);
  return Finish(ZSTD_isError(n) ? 0 : n, src_len, dst, result_lenp, failed);
}

int ZstdDecompress(WT_COMPRESSOR*, WT_SESSION*, uint8_t* src, size_t src_len, uint8_t* dst,
                   size_t dst_len, size_t* result_lenp) {
  if (src_len < kHeader) return WT_ERROR;
  uint64_t length = GetLength(src);
  if (length > src_len - kHeader) return WT_ERROR;
  size_t n = ZSTD_decompress(dst, dst_len, src + kHeader, length);
  if (ZSTD_isError(n)) return WT_ERROR;
  *result_lenp = n;
  return 0;
}

int ZstdPreSize(WT_COMPRESSOR*, WT_SESSION*, uint8_t*, size_t src_len, size_t* result_lenp) {
  *result_lenp = ZSTD_compressBound(src_len) + kHeader;
  return 0;
}

int Lz4Compress(WT_COMPRESSOR*, WT_SESSION*, uint8_t* src, size_t src_len, uint8_t* dst,
                size_t dst_len, size_t* result_lenp, int* failed) {
  if (dst_len <= kHeader || src_len > LZ4_MAX_INPUT_SIZE)
    return Finish(0, src_len, dst, result_lenp, failed);
  int n = LZ4_compress_default(reinterpret_cast<const char*>(src),
                               reinterpret_cast<char*>(dst + kHeader), static_cast<int>(src_len),
                               static_cast<int>(dst_len - kHeader));
  return Finish(n > 0 ? static_cast<size_t>(n) : 0, src_len, dst, result_lenp, failed);
}

int Lz4Decompress(WT_COMPRESSOR*, WT_SESSION*, uint8_t* src, size_t src_len, uint8_t* dst,
                  size_t dst_len, size_t* result_lenp) {
  if (src_len < kHeader) return WT_ERROR;
  uint64_t length = GetLength(src);
  if (length > src_len - kHeader) return WT_ERROR;
  int n = LZ4_decompress_safe(reinterpret_cast<const char*>(src + kHeader),
                              reinterpret_cast<char*>(dst), static_cast<int>(length),
                              static_cast<int>(dst_len));
  if (n < 0) return WT_ERROR;
  *result_lenp = static_cast<size_t>(n);
  return 0;
}

int Lz4PreSize(WT_COMPRESSOR*, WT_SESSION*, uint8_t*, size_t src_len, size_t* result_lenp) {
  *result_lenp = static_cast<size_t>(LZ4_compressBound(static_cast<int>(src_len))) + kHeader;
  return 0;
}

// Stateless, so one static instance serves every connection; no terminate() needed.
WT_COMPRESSOR zstd = {ZstdCompress, ZstdDecompress, ZstdPreSize, nullptr};
WT_COMPRESSOR lz4 = {Lz4Compress, Lz4Decompress, Lz4PreSize, nullptr};

}  // namespace

int AddCompressors(WT_CONNECTION* connection) {
  int rc = connection->add_compressor(connection, "zstd", &zstd, nullptr);
  if (rc == 0) rc = connection->add_compressor(connection, "lz4", &lz4, nullptr);
  return rc;
}

}  // namespace mgwt
