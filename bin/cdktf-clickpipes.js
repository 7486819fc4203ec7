#!/usr/bin/env node
// The `cdktf-clickpipes` command. Runs the compiled CLI (built by `npm ci` through `prepare`).
// It ends through exitWhenFlushed, never process.exit: piped output must not be cut at 64 KiB.
const { exitWhenFlushed } = require("../dist/src/util/exit.js");
require("../dist/src/cli/main.js")
  .main(process.argv.slice(2))
  .then(
    (code) => exitWhenFlushed(code),
    (e) => {
      process.stderr.write(`cdktf-clickpipes: internal error: ${e && e.message ? e.message : e}\n`);
      exitWhenFlushed(3);
    },
  );
