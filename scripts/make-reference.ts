/**
 * Regenerates the bundled reference of the September 2019 repo spike from the
 * real FRED files in fixtures/fred/: the indicators on the eve (2019-09-16) and at the
 * spike (2019-09-17), exactly as `liq check --as-of` computes them. Never edit the JSON
 * by hand; run from the repository root: npx tsx scripts/make-reference.ts
 */
import { writeFileSync } from 'node:fs';
import { buildReference, REFERENCE_FILE } from './reference.ts';

const reference = await buildReference();
writeFileSync(REFERENCE_FILE, `${JSON.stringify(reference, null, 2)}\n`);
console.log(`eve ${reference.eve.date} ${reference.eve.status}, spike ${reference.spike.date} ${reference.spike.status}`);
