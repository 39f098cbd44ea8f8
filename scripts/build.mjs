// Bundles src/ into dist/ with esbuild, for start-up speed (SPEC §7):
// - dist/liq.cjs: the whole CLI in one file. Each command's module still runs only when the
//   command does (esbuild wraps lazily imported modules), but start-up reads, resolves and
//   links one file instead of a dozen ESM chunks.
// - dist/liq.<hash>.cache: V8's code cache for it, made here by running `liq check` on the
//   fixtures once, so bin/liq.cjs skips most parsing and compiling (what Node ≥ 22.1's
//   module.enableCompileCache would do; Node 20 has no such API for ES modules).
// - dist/zod.cjs: zod and the two modules that need it (config validation, `liq schema`),
//   loaded only for a config file or `liq schema`: zod alone costs about as much as the
//   rest of start-up.
// The build goes to a fresh folder that then replaces dist/, so a liq started meanwhile
// never sees half a build.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Module, { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { build } from 'esbuild';

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

/** The modules that import zod, as the main bundle reaches them: they come from dist/zod.cjs. */
const ZOD_MODULES = ['src/io/config-schema.ts', 'src/report/schema.ts'];
const zodApart = {
  name: 'zod-apart',
  setup(b) {
    b.onResolve({ filter: /schema\.ts$/ }, (args) =>
      ZOD_MODULES.some((m) => resolve(args.resolveDir, args.path) === resolve(root, m)) ? { path: './zod.cjs', external: true } : undefined,
    );
  },
};

/**
 * The build's identity: a hash of every source file and the locked dependencies. The parse
 * cache (src/io/parse-cache.ts) keys on it, so a build never reads what another parsed.
 */
function buildId() {
  const hash = createHash('sha256');
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
  for (const file of [...files(`${root}src`).sort(), `${root}package-lock.json`]) {
    hash.update(`${file.slice(root.length)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  // import() of a lazily run module becomes require(): one file, no ESM loader in it.
  supported: { 'dynamic-import': false },
  define: { __LIQ_BUILD__: JSON.stringify(buildId()) },
};

const main = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${fresh}/liq.cjs`,
  sourcemap: 'linked',
  plugins: [lazyChildProcess, zodApart],
  metafile: true,
});
const zodInMain = Object.keys(main.metafile.inputs).filter((input) => /node_modules[\\/]zod[\\/]/.test(input));
if (zodInMain.length > 0) throw new Error(`zod is in the start-up bundle (via ${zodInMain[0]}): import it only from ${ZOD_MODULES.join(' or ')}`);

await build({
  ...common,
  stdin: {
    contents: "export { validateConfig } from './src/io/config-schema.ts';\nexport { checkJsonSchema } from './src/report/schema.ts';\n",
    resolveDir: root,
    sourcefile: 'zod-entry.ts',
    loader: 'ts',
  },
  outfile: `${fresh}/zod.cjs`,
});

await writeCodeCache(`${fresh}/liq.cjs`);

try {
  renameSync(`${root}dist`, old);
} catch {
  // no previous build
}
renameSync(fresh, `${root}dist`);
rmSync(old, { recursive: true, force: true });

/**
 * Compiles the bundle as bin/liq.cjs does, runs `liq check` on the fixtures so the functions
 * a run needs are compiled too, and saves V8's code cache under a name holding a hash of
 * the bundle: bin/liq.cjs reads the hash from the bundle's last line, so a cache can only
 * ever be used with the very bundle it was made from.
 */
function writeCodeCache(bundle) {
  let source = readFileSync(bundle, 'utf8');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  source += `//# liq-code-cache ${hash}\n`;
  writeFileSync(bundle, source);
  const script = new Script(Module.wrap(source), { filename: bundle });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, fresh);
  const fixtures = `${root}fixtures/fred`;
  // Twice, with a parse cache of its own: the first run parses and keeps, the second reads
  // what was kept, so the code of both paths is compiled into the cache.
  const parsed = mkdtempSync(`${tmpdir()}/liq-build-`);
  const quiet = { stdout: () => {}, stderr: () => {}, env: { LIQ_CACHE_DIR: parsed }, isTTY: false };
  const check = () => module.exports.main(['check', fixtures], quiet);
  const warm = existsSync(fixtures) ? check().then(check) : Promise.resolve();
  return warm
    .then(() => writeFileSync(`${fresh}/liq.${hash}.cache`, script.createCachedData()))
    .finally(() => rmSync(parsed, { recursive: true, force: true }));
}
