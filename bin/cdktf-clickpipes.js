#!/usr/bin/env node
// The `cdktf-clickpipes` command. Runs the compiled CLI (built by `npm ci` through `prepare`).
require("../dist/src/cli/main.js").main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`cdktf-clickpipes: internal error: ${e && e.message ? e.message : e}\n`);
    process.exit(3);
  },
);
