/**
 * Regenerates the bundled reference of the September 2019 repo spike (SPEC §5) from the
 * real FRED files in fixtures/fred/: the indicators on the eve (2019-09-16) and at the
 * spike (2019-09-17), exactly as `liq check --as-of` computes them. Never edit the JSON
 * by hand; run: npx tsx scripts/make-reference.ts
 */
import { writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { parseIsoDay } from '../src/domain/dates.ts';
import { snapshot, type EpisodeReference } from '../src/engine/compare.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { loadPaths } from '../src/io/load.ts';

const FILES = 'fixtures/fred';
const { series } = await loadPaths([FILES]);
const all = deriveSeries(series);
const reference: EpisodeReference = {
  name: '2019-09',
  eve: snapshot(all, parseIsoDay('2019-09-16') as number),
  spike: snapshot(all, parseIsoDay('2019-09-17') as number),
  source: `liq scripts/make-reference.ts from ${FILES}/ (${readdirSync(FILES).sort().join(', ')}); FRED downloads, see fixtures/SOURCES.md`,
};
writeFileSync('src/reference/episode-2019-09.json', `${JSON.stringify(reference, null, 2)}\n`);
console.log(`eve ${reference.eve.date} ${reference.eve.status}, spike ${reference.spike.date} ${reference.spike.status}`);
