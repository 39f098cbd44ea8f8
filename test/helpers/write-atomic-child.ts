/**
 * Run by src/io/write-atomic.test.ts in a child process: starts an atomic write and stops
 * once the temporary file exists, before renaming it, saying "ready" with the temp path,
 * so the test can send a signal exactly mid-write. argv: target path, text, times to repeat it.
 */
import { writeFileAtomic } from '../../src/io/write-atomic.ts';

const [target, text, times] = process.argv.slice(2) as [string, string, string];
await writeFileAtomic(target, text.repeat(Number(times)), {
  afterTempCreated: (temp) =>
    new Promise<void>(() => {
      process.stdout.write(`ready ${temp}\n`);
      setInterval(() => {}, 1000); // wait here until the test's signal arrives
    }),
});
