#!/usr/bin/env node
// Tiny on purpose: everything else is dist/liq.cjs, the bundled build (npm run build).
// CommonJS, not an ES module: starting Node's ESM loader for this one file would cost
// every run about 10 ms (see "Performance" in the README).
// No compile cache: Node 22's module.enableCompileCache() would write one to disk on every
// first run, and a read-only command writes no file; NODE_COMPILE_CACHE=dir opts in.
'use strict';
require('../dist/liq.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
