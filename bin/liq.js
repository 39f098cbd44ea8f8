#!/usr/bin/env node
// Tiny on purpose: everything else is dist/liq.cjs, the bundled build (npm run build).
// It is compiled with the V8 code cache the build made for it, which spares most of the
// parsing and compiling of a run (SPEC §7: start-up): Node 20 has no compile cache of its
// own. The cache's name holds a hash of the bundle, so it can only meet the bundle it was
// made from; V8 itself rejects a cache from another Node version, and then simply compiles.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/liq.cjs', import.meta.url));
const source = readFileSync(bundle, 'utf8');
const hash = /\/\/# liq-code-cache ([0-9a-f]+)\n$/.exec(source.slice(-64))?.[1];
let cachedData;
try {
  if (hash !== undefined) cachedData = readFileSync(new URL(`../dist/liq.${hash}.cache`, import.meta.url));
} catch {
  // no cache (a build without fixtures, or one in progress): compile as usual
}
const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, fileURLToPath(new URL('../dist/', import.meta.url)));
process.exitCode = await module.exports.main(process.argv.slice(2));
