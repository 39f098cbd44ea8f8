// Bundles src/ into dist/ with esbuild. One entry, ESM code splitting: the commands and
// zod land in chunks that are loaded only when a command needs them, so start-up reads
// one small file instead of resolving hundreds of modules (SPEC §7).
// The build goes to a fresh folder that then replaces dist/, so a liq started meanwhile
// never sees half a build.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fresh = `${root}dist.build-${process.pid}`;
const old = `${root}dist.old-${process.pid}`;

/**
 * commander requires node:child_process at load time, only to run git-style executable
 * subcommands, which liq does not have; loading it (with net, stream, dgram) costs every
 * run 5–20 ms. Inside commander it becomes a stand-in that requires it on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let cp; module.exports = new Proxy({}, { get: (_, key) => (cp ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { liq: 'src/cli/main.ts' },
  outdir: fresh,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  plugins: [lazyChildProcess],
  // cli-table3 and commander are CommonJS: give the ESM bundle a require() for them.
  banner: { js: "import { createRequire as __liqRequire } from 'node:module'; const require = __liqRequire(import.meta.url);" },
});
try {
  renameSync(`${root}dist`, old);
} catch {
  // no previous build
}
renameSync(fresh, `${root}dist`);
rmSync(old, { recursive: true, force: true });
