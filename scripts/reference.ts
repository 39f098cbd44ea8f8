/** Builds the September 2019 reference from FRED files; shared by the script and its test. */
import { readdirSync } from 'node:fs';
import { parseIsoDay } from '../src/domain/dates.ts';
import { snapshot, type EpisodeReference } from '../src/engine/compare.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { loadPaths } from '../src/io/load.ts';

export const REFERENCE_FILE = 'src/reference/episode-2019-09.json';

/** `dir` is relative to the repository root, which is the working directory. */
export async function buildReference(dir = 'fixtures/fred'): Promise<EpisodeReference> {
  const { series } = await loadPaths([dir]);
  const all = deriveSeries(series);
  return {
    name: '2019-09',
    eve: snapshot(all, parseIsoDay('2019-09-16') as number),
    spike: snapshot(all, parseIsoDay('2019-09-17') as number),
    source: `liq scripts/make-reference.ts from ${dir}/ (${readdirSync(dir).sort().join(', ')}); FRED downloads, see fixtures/SOURCES.md`,
  };
}
