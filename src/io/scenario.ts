/** Reading a `liq outlook --scenario` file: JSON, then zod (loaded only here), then the engine's Scenario. */
import { readFileSync } from 'node:fs';
import { parseIsoDay, type Day } from '../domain/dates.ts';
import type { Scenario } from '../engine/outlook.ts';
import { inputError, usageError } from '../errors.ts';

/** The scenarios of a file, by name, in the file's order. */
export async function loadScenarios(path: string): Promise<Record<string, Scenario>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(`cannot read the scenario file ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw usageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const { validateScenarios } = await import('./scenario-schema.ts');
  const checked = validateScenarios(data);
  if (!checked.ok) throw usageError(checked.problems.map((p) => `${path}: ${p}`));
  const day = (s: string): Day => parseIsoDay(s) as Day; // validated above
  const out: Record<string, Scenario> = {};
  for (const [name, s] of Object.entries(checked.file.scenarios)) {
    out[name] = {
      ...(s.assets === undefined ? {} : { assets: s.assets.map((a) => ({ from: day(a.from), perMonth: a.perMonth })) }),
      ...(s.tga === undefined ? {} : { tga: { target: s.tga.target, by: day(s.tga.by) } }),
      ...(s.rrp === undefined ? {} : { rrp: { ...(s.rrp.floor === undefined ? {} : { floor: s.rrp.floor }), ...(s.rrp.perMonth === undefined ? {} : { perMonth: s.rrp.perMonth }) } }),
    };
  }
  return out;
}
