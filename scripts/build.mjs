// Bundles src/ into dist/ with esbuild. One entry, ESM code splitting: the commands and
// zod land in chunks that are loaded only when a command needs them, so start-up reads
// one small file instead of resolving hundreds of modules (SPEC §7).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { liq: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  // cli-table3 and commander are CommonJS: give the ESM bundle a require() for them.
  banner: { js: "import { createRequire as __liqRequire } from 'node:module'; const require = __liqRequire(import.meta.url);" },
});
