// The baseline of the scale benchmark: what csv-parse alone costs on the same file, in the
// same kind of process (node start-up, read, sync parse with default options). Plain .mjs
// so that no TypeScript loader is timed.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const records = parse(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(`${records.length}\n`);
