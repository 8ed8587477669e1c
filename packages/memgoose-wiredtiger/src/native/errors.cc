#include "errors.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "addon_data.h"

namespace mgwt {
namespace {

// Error texts WiredTiger reported on this thread since the last failure was turned into an error.
// A panic reports the cause first ("read checksum error ...") and then "the process must exit", so
// all of them are kept (a few) and classified together. Consumed by FromWiredTiger so a later,
// unrelated failure never shows a stale message.
constexpr size_t kKeptMessages = 8;
thread_local std::vector<std::string> messages;

// "[1700000000:123][pid:0xthread], file:t.wt, WT_SESSION.open_cursor: __desc_read, 350: text"
// loses its timestamp and thread prefix, which only make the text unstable.
std::string Tidy(const char* message) {
  std::string text = message ? message : "";
  for (int i = 0; i < 2 && !text.empty() && text[0] == '['; i++) {
    size_t end = text.find(']');
    if (end == std::string::npos) break;
    text.erase(0, end + 1);
  }
  if (text.rfind(", ", 0) == 0) text.erase(0, 2);
  return text;
}

bool Verbose() {
  static const bool verbose = std::getenv("MEMGOOSE_WT_VERBOSE") != nullptr;
  return verbose;
}

int OnError(WT_EVENT_HANDLER*, WT_SESSION*, int, const char* message) {
  if (Verbose()) std::fprintf(stderr, "[wiredtiger] %s\n", message);
  // Hex dumps of a damaged block: kilobytes of noise in an error message.
  if (message != nullptr && std::strstr(message, "corrupt_dump") != nullptr) return 0;
  if (messages.size() < kKeptMessages) messages.push_back(Tidy(message));
  else messages.back() = Tidy(message);
  return 0;
}

// Informational messages go to stdout by default, which would corrupt a program's output.
int OnMessage(WT_EVENT_HANDLER*, WT_SESSION*, const char* message) {
  if (Verbose()) std::fprintf(stderr, "[wiredtiger] %s\n", message);
  return 0;
}

WT_EVENT_HANDLER handler = {OnError, OnMessage, nullptr, nullptr};

bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

// WiredTiger 3.2.1 reports damaged files as WT_ERROR, WT_PANIC or WT_TRY_SALVAGE with one of these
// texts; the text is the only way to tell corruption from other generic errors.
bool LooksCorrupt(const std::string& message) {
  static const char* const markers[] = {
      "does not appear to be a WiredTiger file",
      "checksum",
      "corrupt",
      "salvage",
      "magic number",
      "read error",
      "unable to read root page",
      "block header",
      "smaller than the minimum",
      "file size",
      "unexpected file",
      "encountered an illegal",
  };
  for (const char* marker : markers)
    if (Contains(message, marker)) return true;
  return false;
}

const char* ErrnoCode(int rc) {
  switch (rc) {
    case EINVAL: return "EINVAL";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case ENOSPC: return "ENOSPC";
    case ENOMEM: return "ENOMEM";
    case ENOTSUP: return "ENOTSUP";
    case EIO: return "EIO";
    default: return "WT_ERROR";
  }
}

std::string Code(int rc, Context context, const std::string& detail) {
  switch (rc) {
    case WT_ROLLBACK: return "WT_ROLLBACK";
    case WT_DUPLICATE_KEY: return "WT_DUPLICATE_KEY";
    case WT_NOTFOUND: return "WT_NOTFOUND";
    case WT_CACHE_FULL: return "WT_CACHE_FULL";
    case WT_PREPARE_CONFLICT: return "WT_PREPARE_CONFLICT";
    case WT_TRY_SALVAGE: return "CORRUPTION";
    case WT_RUN_RECOVERY: return "WT_RUN_RECOVERY";
    case WT_PANIC: return LooksCorrupt(detail) ? "CORRUPTION" : "WT_PANIC";
    case WT_ERROR: return LooksCorrupt(detail) ? "CORRUPTION" : "WT_ERROR";
    case EBUSY: return context == Context::Open ? "LOCKED" : "WT_BUSY";
    default: return ErrnoCode(rc);
  }
}

// WiredTiger prefixes messages about a data source with "file:<name>, "; corruption errors carry it.
std::string FileOf(const std::string& messages) {
  size_t start = messages.find("file:");
  if (start == std::string::npos) return "";
  start += 5;
  size_t end = messages.find_first_of(", \n", start);
  return messages.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

WT_EVENT_HANDLER* EventHandler() { return &handler; }

Failure FromWiredTiger(int rc, Context context) {
  // Classified on every message; shown as the first (the cause) and the last (the outcome).
  std::string all;
  for (const std::string& message : messages) all += message + "\n";
  std::string detail = messages.empty() ? "" : messages.front();
  if (messages.size() > 1) detail += "; " + messages.back();
  messages.clear();
  Failure failure;
  failure.rc = rc;
  failure.code = Code(rc, context, all);
  if (failure.code == "CORRUPTION") failure.file = FileOf(all);
  failure.message = wiredtiger_strerror(rc);
  if (!detail.empty()) failure.message += ": " + detail;
  return failure;
}

Napi::Error MakeError(Napi::Env env, const Failure& failure) {
  Napi::Object error;
  const Napi::FunctionReference& cls = Data(env).error_class;
  if (!cls.IsEmpty()) {
    error = cls.New({Napi::String::New(env, failure.message), Napi::String::New(env, failure.code)});
  } else {
    error = Napi::Error::New(env, failure.message).Value();
    error.Set("code", failure.code);
  }
  if (failure.rc != 0) error.Set("wtCode", failure.rc);
  if (failure.index >= 0) error.Set("index", static_cast<double>(failure.index));
  if (!failure.file.empty()) error.Set("file", failure.file);
  return Napi::Error(env, error);
}

void Throw(Napi::Env env, const char* code, const std::string& message) {
  throw MakeError(env, Failure{code, message});
}

void SetErrorClass(const Napi::CallbackInfo& info) {
  if (!info[0].IsFunction()) Throw(info.Env(), "INVALID_ARGUMENT", "error class must be a function");
  Data(info.Env()).error_class = Napi::Persistent(info[0].As<Napi::Function>());
}

}  // namespace mgwt
