/**
 * Calendar dates as whole days since 1970-01-01 (a "day number"). Plain integers: no
 * Date objects, so no time zone can ever shift a date, and date arithmetic is addition.
 */
export type Day = number;

/** Days from 1970-01-01 to the proleptic Gregorian y-m-d (m 1–12), by era arithmetic. */
export function dayFromCivil(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0, so the leap day ends the year
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(day: Day): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses a strict ISO calendar date (YYYY-MM-DD, a real day); null otherwise. Exactly
 * /^(\d{4})-(\d{2})-(\d{2})$/ and a real day, read by character codes because it runs
 * once per row: a regex match allocates an array and three strings each time.
 */
export function parseIsoDay(text: string): Day | null {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const y = digitsAt(text, 0, 4);
  const m = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return dayFromCivil(y, m, d);
}

const DASH = 0x2d;

/** The number written by `count` ASCII digits at `from`, or -1 if any is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function formatDay(day: Day): string {
  const { y, m, d } = civilFromDay(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** The first day of the month that contains `day`. */
export function monthStart(day: Day): Day {
  const { y, m } = civilFromDay(day);
  return dayFromCivil(y, m, 1);
}

/** Explains why a date cell is not accepted, for error messages; the bad part named as dateProblem names it. */
export function describeBadDate(text: string): string {
  if (text.trim() === '') return 'the date is empty';
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(text)) return `"${text}" is not an ISO date (expected YYYY-MM-DD, e.g. 2019-09-17; US-style M/D/Y dates are ambiguous)`;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const padded = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
    const problem = dateProblem(padded);
    if (problem === null) return `"${text}" must have two-digit month and day (expected YYYY-MM-DD, e.g. ${padded})`;
    return `"${text}" is not a calendar date: ${problem}`;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(text)) return `"${text}" has a time part; liq takes calendar dates only (YYYY-MM-DD) so that no time zone can shift them`;
  return `"${text}" is not an ISO date (expected YYYY-MM-DD)`;
}

/**
 * The days a US money-market date can be: none of liq's series starts before 1900, and a
 * year past 2199 is a typo. The loader and the config hold dates to the same range.
 */
export const FIRST_PLAUSIBLE_DAY: Day = dayFromCivil(1900, 1, 1);
export const LAST_PLAUSIBLE_DAY: Day = dayFromCivil(2199, 12, 31);

/**
 * What is wrong with a date a person typed, naming the bad part: "month 13 (months are
 * 01–12)", "day 30 (2019-02 has 28 days)", or the expected form. Null if it is a real
 * YYYY-MM-DD (or, with `monthOnly`, YYYY-MM) date.
 */
export function dateProblem(text: string, monthOnly = false): string | null {
  const match = (monthOnly ? /^(\d{4})-(\d{2})$/ : /^(\d{4})-(\d{2})-(\d{2})$/).exec(text);
  if (match === null) return `expected ${monthOnly ? 'YYYY-MM' : 'YYYY-MM-DD'}`;
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) return `month ${match[2]} (months are 01–12)`;
  if (monthOnly) return null;
  const d = Number(match[3]);
  const last = daysInMonth(y, m);
  if (d < 1 || d > last) return `day ${match[3]} (${match[1]}-${match[2]} has ${last} days)`;
  return null;
}
