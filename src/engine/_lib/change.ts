import type { SeriesName } from '../../domain/catalog.ts';
import type { Computed } from '../indicator.ts';
import type { Context, Point } from './context.ts';
import { decimalDifference } from './numbers.ts';

/**
 * "Change over W weeks" (docs/indicators.md, Conventions): the level on the as-of date minus the level on
 * (as-of − 7·W days), each the latest observation on or before that day.
 */
export function changeOverWeeks(ctx: Context, name: SeriesName, weeks: number): { now: Point | null; change: number | null } {
  const now = ctx.at(name, ctx.asOf);
  const past = ctx.at(name, ctx.asOf - 7 * weeks);
  return { now, change: now === null || past === null ? null : decimalDifference(now.value, past.value) };
}

/** A level series' indicator: its latest value and its change over `weeks` (reserves, TGA). */
export function levelAndChange(ctx: Context, name: SeriesName, weeks: number, changeKey: string): Computed {
  const { now, change } = changeOverWeeks(ctx, name, weeks);
  return { metrics: { level: now?.value ?? null, [changeKey]: change }, used: now === null ? [] : [now] };
}
