/** Builds the September 2019 reference from FRED files; shared by the script and its test. */
import { readdirSync } from 'node:fs';
import { parseIsoDay } from '../src/domain/dates.ts';
import { snapshot, type EpisodeReference } from '../src/engine/compare.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { loadPaths } from '../src/io/load.ts';

export const REFERENCE_FILE = 'src/reference/episode-2019-09.json';

/**
 * `dirs` are relative to the repository root, which is the working directory: the FRED
 * downloads and the bundled New York Fed series (scripts/make-bundled.ts: SRF take-up,
 * SOFR and EFFR percentiles, volumes, tri-party rates), so the SOFR tail of the eve and
 * spike is in the reference.
 */
export async function buildReference(dirs: readonly string[] = ['fixtures/fred', 'fixtures/bundled']): Promise<EpisodeReference> {
  const { series } = await loadPaths(dirs);
  const all = deriveSeries(series);
  return {
    name: '2019-09',
    eve: snapshot(all, parseIsoDay('2019-09-16') as number),
    spike: snapshot(all, parseIsoDay('2019-09-17') as number),
    source: `liq scripts/make-reference.ts from ${dirs.map((dir) => `${dir}/ (${readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().join(', ')})`).join(' and ')}; FRED and New York Fed data, see fixtures/SOURCES.md`,
  };
}
