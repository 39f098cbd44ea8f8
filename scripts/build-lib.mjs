// The library build (import { load, assess, history, compare } from 'liq'), called by
// scripts/build.mjs into its fresh dist folder:
// - dist/index.js: src/index.ts as one ES module, with the packages it reaches (csv-parse)
//   bundled in, as in the CLI bundle (all but exceljs, a declared dependency), and the
//   bundled packages' licences go into dist/THIRD-PARTY-NOTICES.txt (the metafile is
//   returned for that).
// - dist/types/**/*.d.ts: tsc's declarations of src/index.ts and what it reaches, with
//   the sources' `.ts` import specifiers rewritten to `.js`, as a consumer resolves them.
// The CLI bundle (dist/liq.cjs) is untouched: its start-up does not depend on this.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

export async function buildLibrary(root, outDir) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/index.ts'],
    outfile: `${outDir}/index.js`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    metafile: true,
    // liq's one runtime dependency (scripts/build.mjs says why it is not bundled)
    external: ['exceljs'],
  });
  declarations(root, `${outDir}/types`);
  return result.metafile;
}

function declarations(root, outDir) {
  const { config, error } = ts.readConfigFile(`${root}tsconfig.json`, ts.sys.readFile);
  if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram([`${root}src/index.ts`], {
    ...options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir,
    rootDir: `${root}src`,
  });
  const write = (file, text) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text.replace(/(from\s+['"]\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1.js$2').replace(/(import\(['"]\.{1,2}\/[^'"]*?)\.ts(['"]\))/g, '$1.js$2'));
  };
  const emitted = program.emit(undefined, write, undefined, true);
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (problems.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
    throw new Error(`library declarations:\n${ts.formatDiagnostics(problems, host)}`);
  }
}
