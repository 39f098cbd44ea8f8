#!/usr/bin/env node
// Tiny on purpose: everything else is dist/liq.cjs, the bundled build (npm run build).
// CommonJS, not an ES module: starting Node's ESM loader for this one file would cost
// every run about 10 ms (SPEC §7: start-up).
// The bundle is compiled with the V8 code cache the build made for it, which spares most
// of the parsing and compiling of a run: Node 20 has no compile cache of its own. The
// cache's name holds a hash of the bundle, so it can only meet the bundle it was made
// from; V8 itself rejects a cache from another Node version, and then simply compiles.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'liq.cjs');
const source = readFileSync(bundle, 'utf8');
const hash = /\/\/# liq-code-cache ([0-9a-f]+)\n$/.exec(source.slice(-64))?.[1];
let cachedData;
try {
  if (hash !== undefined) cachedData = readFileSync(join(dist, `liq.${hash}.cache`));
} catch {
  // no cache (a build without fixtures, or one in progress): compile as usual
}
const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
const bundled = { exports: {} };
script.runInThisContext().call(bundled.exports, bundled.exports, Module.createRequire(bundle), bundled, bundle, dist);
bundled.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
