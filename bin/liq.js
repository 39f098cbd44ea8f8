#!/usr/bin/env node
// Tiny on purpose: everything else is in the bundled dist/ build (npm run build).
import module from 'node:module';

// Caches V8 bytecode between runs (Node ≥ 22.1 and 20.x backports); absent elsewhere.
module.enableCompileCache?.();
const { main } = await import('../dist/liq.js');
process.exitCode = await main(process.argv.slice(2));
