/**
 * Axes shared by the HTML charts and the terminal chart: round value ticks, month ticks
 * on a time axis, and a linear scale. Numbers in, numbers and labels out.
 */
import { civilFromDay, dayFromCivil } from '../domain/dates.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * Round tick values covering [min, max]: steps of 1, 2, 2.5 or 5 × 10^n, about `count`
 * of them. The first tick is at or below min and the last at or above max, so the axis
 * ends on labelled values. With `integer`, steps are whole numbers (a count of days has
 * no 2.5th day).
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`niceTicks: bounds must be finite, got ${min} and ${max}`);
  if (count < 1) throw new RangeError(`niceTicks: count "${count}" must be ≥ 1`);
  if (min > max) [min, max] = [max, min];
  // A span below double precision at this magnitude (or below 1e-12) is flat: steps would not move v.
  if (max - min <= Math.max(Math.abs(min), Math.abs(max), 1e-3) * 1e-9) {
    const pad = integer ? 1 : Math.abs(min) < 1e-6 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiples = integer && power < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = (multiples.find((m) => m * power >= rough) ?? 10) * power;
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 does not print as 0.30000000000000004.
  const digits = Math.min(20, Math.max(0, -Math.floor(Math.log10(step)) + 2));
  for (let v = first; v <= max + step * 1e-9 || ticks.length === 0; v += step) ticks.push(Number(v.toFixed(digits)));
  if ((ticks.at(-1) as number) < max - step * 1e-9) ticks.push(Number(((ticks.at(-1) as number) + step).toFixed(digits)));
  return ticks;
}

/** The first day of each month after `from` up to `to`, as day numbers, with short labels (January by its year). */
export function monthTicks(from: number, to: number): { x: number; label: string }[] {
  const ticks: { x: number; label: string }[] = [];
  let { y, m } = civilFromDay(from);
  for (;;) {
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    const day = dayFromCivil(y, m, 1);
    if (day > to) break;
    ticks.push({ x: day, label: m === 1 ? String(y) : (MONTHS[m - 1] as string) });
  }
  return ticks;
}
