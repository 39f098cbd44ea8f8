// Bundles src/ into dist/ with esbuild, for start-up speed (see "Performance" in the README):
// - dist/liq.cjs: the whole CLI in one file. Each command's module still runs only when the
//   command does (esbuild wraps lazily imported modules), but start-up reads, resolves and
//   links one file instead of a dozen ESM chunks.
// - dist/zod.cjs: zod and the modules that need it (config validation, `liq schema`, outlook scenarios),
//   loaded only for a config file or `liq schema`: zod alone costs about as much as the
//   rest of start-up.
// - dist/xlsx.cjs: src/io/xlsx.ts, loaded only when an input is an Excel workbook; it
//   requires exceljs, liq's one runtime dependency (larger than all the rest of liq).
// - dist/THIRD-PARTY-NOTICES.txt: the licence text of every package the bundles hold,
//   as the bundled libraries' licences ask of a copy that is passed on.
// The build goes to a fresh folder that then replaces dist/, so a liq started meanwhile
// never sees half a build.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildLibrary } from './build-lib.mjs';

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
const ZOD_MODULES = ['src/io/config-schema.ts', 'src/report/schema.ts', 'src/io/scenario-schema.ts'];
const zodApart = {
  name: 'zod-apart',
  setup(b) {
    b.onResolve({ filter: /schema\.ts$/ }, (args) =>
      ZOD_MODULES.some((m) => resolve(args.resolveDir, args.path) === resolve(root, m)) ? { path: './zod.cjs', external: true } : undefined,
    );
  },
};

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
};

/** src/io/xlsx.ts, as the main bundle reaches it: it comes from dist/xlsx.cjs. */
const xlsxApart = {
  name: 'xlsx-apart',
  setup(b) {
    b.onResolve({ filter: /xlsx\.ts$/ }, (args) => (resolve(args.resolveDir, args.path) === resolve(root, 'src/io/xlsx.ts') ? { path: './xlsx.cjs', external: true } : undefined));
  },
};

const main = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: `${fresh}/liq.cjs`,
  sourcemap: 'linked',
  plugins: [lazyChildProcess, zodApart, xlsxApart],
  metafile: true,
});
const excelInMain = Object.keys(main.metafile.inputs).filter((input) => /node_modules[\\/]exceljs[\\/]/.test(input));
if (excelInMain.length > 0) throw new Error(`exceljs is in the start-up bundle (via ${excelInMain[0]}): import it only from src/io/xlsx.ts`);
const zodInMain = Object.keys(main.metafile.inputs).filter((input) => /node_modules[\\/]zod[\\/]/.test(input));
if (zodInMain.length > 0) throw new Error(`zod is in the start-up bundle (via ${zodInMain[0]}): import it only from ${ZOD_MODULES.join(' or ')}`);

const zod = await build({
  ...common,
  metafile: true,
  stdin: {
    contents: "export { validateConfig } from './src/io/config-schema.ts';\nexport { checkJsonSchema } from './src/report/schema.ts';\nexport { validateScenarios } from './src/io/scenario-schema.ts';\n",
    resolveDir: root,
    sourcefile: 'zod-entry.ts',
    loader: 'ts',
  },
  outfile: `${fresh}/zod.cjs`,
});

// exceljs stays a real dependency, installed beside liq rather than bundled: a few of the
// small packages it pulls in (buffers@0.1.1) declare no licence at all, so their code must
// not be copied into liq's own files.
const xlsx = await build({ ...common, entryPoints: ['src/io/xlsx.ts'], outfile: `${fresh}/xlsx.cjs`, metafile: true, external: ['exceljs'] });

const library = await buildLibrary(root, fresh);
writeFileSync(`${fresh}/THIRD-PARTY-NOTICES.txt`, notices([main.metafile, zod.metafile, xlsx.metafile, library]));

try {
  renameSync(`${root}dist`, old);
} catch {
  // no previous build
}
renameSync(fresh, `${root}dist`);
rmSync(old, { recursive: true, force: true });

/**
 * A few small packages (exceljs's `binary`, say) declare MIT in package.json but ship no
 * licence file: the MIT text with the author the package names stands in for it, marked
 * as such. Any other licence without its text stops the build.
 */
function mitText(pkg, dir) {
  if (pkg.license !== 'MIT') throw new Error(`${pkg.name}@${pkg.version} is bundled but has no licence file in ${dir}: its licence must ship with liq`);
  const author = typeof pkg.author === 'string' ? pkg.author : (pkg.author?.name ?? `the authors of ${pkg.name}`);
  return [
    `(${pkg.name} ships no licence file; its package.json declares MIT. The MIT licence:)`,
    '',
    `Copyright (c) ${author}`,
    '',
    'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:',
    '',
    'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.',
    '',
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
  ].join('\n');
}

/**
 * The notices file: for every package under node_modules/ that a bundle took code from,
 * its name, version and licence, then its licence file(s) word for word.
 * @throws If a bundled package has no licence text, so that none is shipped without one.
 */
function notices(metafiles) {
  const packages = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
      if (match !== null) packages.add(match[1]);
    }
  }
  const sections = [...packages]
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
    .sort((a, b) => a.pkg.name.localeCompare(b.pkg.name))
    .map(({ dir, pkg }) => {
      const files = readdirSync(join(root, dir)).filter((f) => /^(licen[cs]e|copying|notice)([.\-_]|$)/i.test(f)).sort();
      const texts = files.length > 0 ? files.map((f) => readFileSync(join(root, dir, f), 'utf8').trim()) : [mitText(pkg, dir)];
      return [`${pkg.name}@${pkg.version} (${pkg.license ?? 'see below'})`, pkg.homepage ?? '', '', ...texts].join('\n').replace(/\n\n\n+/g, '\n\n');
    });
  const head =
    'liq bundles the following packages into dist/liq.cjs, dist/zod.cjs, dist/xlsx.cjs and dist/index.js. Each is used\n' +
    'under its own licence, whose text follows.\n';
  return `${[head, ...sections].join(`\n\n${'-'.repeat(78)}\n\n`)}\n`;
}
