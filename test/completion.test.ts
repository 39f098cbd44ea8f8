/**
 * `liq completion bash|zsh|fish`: the bash script is sourced in a real bash and its
 * function driven the way readline drives it (COMP_WORDS, COMP_CWORD, then COMPREPLY).
 * zsh and fish, where installed, check their scripts' syntax and (fish) complete for real.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../src/engine/types.ts';
import { FORMATS } from '../src/cli/options.ts';
import { liq, ROOT } from './helpers/run-liq.ts';

const onPath = (name: string): string | undefined => (process.env.PATH ?? '').split(delimiter).map((d) => join(d, name)).find((p) => existsSync(p));
const BASH = onPath('bash');
const dir = mkdtempSync(join(tmpdir(), 'liq-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (shell: string): string => {
  const run = liq(['completion', shell]);
  expect(run.code, run.stderr).toBe(0);
  const file = join(dir, `liq.${shell}`);
  writeFileSync(file, run.stdout);
  return file;
};

/** What bash completes for the words typed so far (the last one is being completed). */
function complete(file: string, words: readonly string[]): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const program = `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _liq_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync(BASH ?? 'bash', ['--norc', '--noprofile', '-c', program], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter((l) => l !== '');
}

describe.skipIf(BASH === undefined)('liq completion bash, in bash', () => {
  const file = script('bash');

  it('completes liq check --fo to --format', () => {
    expect(complete(file, ['liq', 'check', '--fo'])).toEqual(['--format']);
  });

  it("completes --format's values from each command's formats, also after --format=", () => {
    expect(complete(file, ['liq', 'check', '--format', ''])).toEqual([...FORMATS.check]);
    expect(complete(file, ['liq', 'report', '-f', 'pro'])).toEqual(['prometheus']);
    expect(complete(file, ['liq', 'report', '--format', '=', 'h'])).toEqual(['html']);
  });

  it('completes the commands, the indicator ids, the shells and file names', () => {
    expect(complete(file, ['liq', 'c'])).toEqual(['check', 'compare', 'config', 'completion']);
    expect(complete(file, ['liq', 'history', '-i', ''])).toEqual([...INDICATOR_IDS]);
    expect(complete(file, ['liq', 'history', '--indicator', 'sofr_a'])).toEqual(['sofr_above_ceiling']);
    expect(complete(file, ['liq', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(file, ['liq', 'check', 'fixtures/fr'])).toEqual(['fixtures/fred']);
    expect(complete(file, ['liq', 'report', 'fixtures/fred/', '--st'])).toEqual(['--state']);
  });

  it('is generated from the command tree: every command of liq --help is there', () => {
    const help = liq(['--help']).stdout;
    const block = /\nCommands:\n([^]*?)\n\n/.exec(help)?.[1] ?? '';
    const commands = [...block.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(5);
    expect(complete(file, ['liq', '']).sort()).toEqual([...commands, 'help'].sort());
  });
});

describe('liq completion zsh and fish', () => {
  it.skipIf(onPath('zsh') === undefined)('zsh: the script parses (zsh -n)', () => {
    const run = spawnSync('zsh', ['-n', script('zsh')], { encoding: 'utf8', timeout: 10_000 });
    expect(run.status, run.stderr).toBe(0);
  });

  it.skipIf(onPath('fish') === undefined)('fish: the script parses, and completes liq check --fo to --format', () => {
    const file = script('fish');
    const run = spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C 'liq check --fo'`], { encoding: 'utf8', timeout: 10_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^--format\t/);
  });

  it('names the shells on a wrong one (usage, 64)', () => {
    const run = liq(['completion', 'tcsh']);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/bash, zsh, fish/);
  });
});
