{
  # WiredTiger and the compression libraries are linked statically from Debian's archives, found
  # (or fetched into deps/) by scripts/deps.mjs: the addon then needs only libc, libm, libstdc++
  # and libgcc_s at run time.
  "targets": [
    {
      "target_name": "memgoose_wiredtiger",
      "sources": [
        "src/native/addon.cc",
        "src/native/compressors.cc",
        "src/native/connection.cc",
        "src/native/cursor.cc",
        "src/native/errors.cc",
        "src/native/extension.cc",
        "src/native/scan.cc",
        "src/native/session.cc",
        "src/native/work.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<!@(node scripts/deps.mjs --gyp-include)"
      ],
      "defines": [
        "NAPI_VERSION=8",
        "NAPI_CPP_EXCEPTIONS",
        "NODE_ADDON_API_DISABLE_DEPRECATED"
      ],
      # Hidden by default: only the Node-API registration and the WiredTiger extension entry point
      # (marked visibility("default")) are exported.
      "cflags": ["-fvisibility=hidden"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-fvisibility=hidden", "-fvisibility-inlines-hidden", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "libraries": [
        "-Wl,--start-group",
        "<!@(node scripts/deps.mjs --gyp-libs)",
        "-Wl,--end-group"
      ],
      "ldflags": [
        # Keeps the archives' symbols local: their non-PIC objects link, and Node's own exported
        # zlib symbols cannot override the bundled ones.
        "-Wl,--exclude-libs,ALL"
      ],
      "conditions": [
        ["OS != 'linux'", { "type": "none" }]
      ]
    }
  ]
}
