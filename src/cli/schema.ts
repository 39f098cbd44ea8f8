/** `liq schema`: the JSON Schema of `liq check --json`, generated from the zod schema. */
import { checkJsonSchema } from '../report/schema.ts';
import { toJson } from '../report/json.ts';
import type { RunContext } from './main.ts';

export function runSchema(ctx: RunContext): number {
  ctx.stdout(toJson(checkJsonSchema()));
  return 0;
}
