/**
 * The US government securities market's calendar and the day types of the repo market.
 *
 * SOFR is published for the business days of the Treasury repo market, which closes on
 * the days SIFMA recommends a full close: the federal holidays (Columbus Day and
 * Veterans Day included, unlike the NYSE) and Good Friday (unlike the federal
 * calendar), with two weekend rules of its own: New Year's Day and Veterans Day on a
 * Saturday close nothing (the Friday before trades), while the other fixed holidays on a
 * Saturday close the Friday before. Juneteenth closes the market from 2022 on.
 *
 * No package fits this calendar: @18f/us-federal-holidays is the federal calendar (no
 * Good Friday, closes the Friday before a Saturday New Year's Day or Veterans Day, has
 * Juneteenth in 2021), nyse-holidays the stock exchange's (open on Columbus and Veterans
 * Day), date-holidays the public holidays; each differs from the bond market on several
 * days a year. So the rules are a table here, tested day by day against the real SOFR
 * file's holiday rows (2018-04 to 2026-07).
 *
 * Pure: day numbers in, answers out; everything follows from the date alone, so a day's
 * type never depends on data dated after it.
 */
import { civilFromDay, dayFromCivil, daysInMonth, type Day } from './dates.ts';

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromCivil(year, month, dayOfMonth);
}

/**
 * A fixed-date holiday on a Sunday closes the Monday after (every one here); on a Saturday,
 * the Friday before where `saturdayToFriday` (not New Year's Day, not Veterans Day).
 */
type Rule =
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number; readonly saturdayToFriday: boolean }
  | { readonly kind: 'nth'; readonly month: number; readonly weekday: number; readonly n: number }
  | { readonly kind: 'last'; readonly month: number; readonly weekday: number }
  | { readonly kind: 'easter'; readonly offset: number };

interface Holiday {
  readonly name: string;
  readonly rule: Rule;
  /** The first year the market closes for it. */
  readonly since?: number;
}

/** SIFMA's recommended full closes for the US bond market (the recurring ones). */
const HOLIDAYS: readonly Holiday[] = [
  { name: "New Year's Day", rule: { kind: 'fixed', month: 1, day: 1, saturdayToFriday: false } },
  { name: 'Martin Luther King Jr. Day', rule: { kind: 'nth', month: 1, weekday: MONDAY, n: 3 } },
  { name: "Washington's Birthday", rule: { kind: 'nth', month: 2, weekday: MONDAY, n: 3 } },
  { name: 'Good Friday', rule: { kind: 'easter', offset: -2 } },
  { name: 'Memorial Day', rule: { kind: 'last', month: 5, weekday: MONDAY } },
  { name: 'Juneteenth', rule: { kind: 'fixed', month: 6, day: 19, saturdayToFriday: true }, since: 2022 },
  { name: 'Independence Day', rule: { kind: 'fixed', month: 7, day: 4, saturdayToFriday: true } },
  { name: 'Labor Day', rule: { kind: 'nth', month: 9, weekday: MONDAY, n: 1 } },
  { name: 'Columbus Day', rule: { kind: 'nth', month: 10, weekday: MONDAY, n: 2 } },
  { name: 'Veterans Day', rule: { kind: 'fixed', month: 11, day: 11, saturdayToFriday: false } },
  { name: 'Thanksgiving Day', rule: { kind: 'nth', month: 11, weekday: THURSDAY, n: 4 } },
  { name: 'Christmas Day', rule: { kind: 'fixed', month: 12, day: 25, saturdayToFriday: true } },
];

/**
 * One-off closes in SOFR's history (it begins 2018-04-02). Days of mourning with only an
 * early close (2025-01-09, President Carter) are business days and are not listed.
 */
const SPECIAL_CLOSES: ReadonlyMap<Day, string> = new Map([
  [dayFromCivil(2018, 12, 5), 'National Day of Mourning for President George H. W. Bush'],
]);

function isOn(day: Day, month: number, dayOfMonth: number): boolean {
  const c = civilFromDay(day);
  return c.m === month && c.d === dayOfMonth;
}

function matches(rule: Rule, day: Day): boolean {
  const { y, m, d } = civilFromDay(day);
  const dow = weekday(day);
  switch (rule.kind) {
    case 'fixed':
      if (dow !== SUNDAY && dow !== SATURDAY && m === rule.month && d === rule.day) return true;
      if (dow === MONDAY && isOn(day - 1, rule.month, rule.day)) return true; // the holiday was a Sunday
      return rule.saturdayToFriday && dow === SATURDAY - 1 && isOn(day + 1, rule.month, rule.day);
    case 'nth':
      return m === rule.month && dow === rule.weekday && Math.ceil(d / 7) === rule.n;
    case 'last':
      return m === rule.month && dow === rule.weekday && d + 7 > daysInMonth(y, m);
    case 'easter':
      return day === easterSunday(y) + rule.offset;
  }
}

/** The holiday a rule of the table closes the market for on a weekday, or null (the slow path). */
function ruleHoliday(day: Day): string | null {
  const special = SPECIAL_CLOSES.get(day);
  if (special !== undefined) return special;
  const { y } = civilFromDay(day);
  for (const holiday of HOLIDAYS) {
    if (holiday.since !== undefined && y < holiday.since) continue;
    if (matches(holiday.rule, day)) return holiday.name;
  }
  return null;
}

/**
 * The closes of each year asked for, worked out once: history types every business day
 * of eight years, and each type looks at the days around it. A memo of a pure function
 * of the year, so it can never hold anything but the same answer.
 */
const closesByYear = new Map<number, ReadonlyMap<Day, string>>();

function closesOf(year: number): ReadonlyMap<Day, string> {
  let closes = closesByYear.get(year);
  if (closes === undefined) {
    const found = new Map<Day, string>();
    for (let day = dayFromCivil(year, 1, 1); day <= dayFromCivil(year, 12, 31); day++) {
      if (weekday(day) === SUNDAY || weekday(day) === SATURDAY) continue;
      const name = ruleHoliday(day);
      if (name !== null) found.set(day, name);
    }
    closes = found;
    closesByYear.set(year, closes);
  }
  return closes;
}

/** The name of the holiday that closes the bond market on a weekday, or null (weekends: null). */
export function marketHoliday(day: Day): string | null {
  return closesOf(civilFromDay(day).y).get(day) ?? null;
}

/** Whether the US Treasury repo market trades (and SOFR is published for) a day. */
export function isBusinessDay(day: Day): boolean {
  const dow = weekday(day);
  return dow !== SUNDAY && dow !== SATURDAY && marketHoliday(day) === null;
}

/** Every weekday of a year on which the bond market is closed, with the holiday's name, in date order. */
export function marketHolidays(year: number): { day: Day; name: string }[] {
  return [...closesOf(year)].map(([day, name]) => ({ day, name }));
}

export function nextBusinessDay(day: Day): Day {
  let next = day + 1;
  while (!isBusinessDay(next)) next++;
  return next;
}

export function previousBusinessDay(day: Day): Day {
  let previous = day - 1;
  while (!isBusinessDay(previous)) previous--;
  return previous;
}

/**
 * The calendar types of a day (SPEC: days when SOFR routinely pops): the turn of a month,
 * quarter or year, the first business day of a month, and mid-month (Treasury coupon
 * settlement and corporate tax dates on the 15th). Listed from the strongest.
 */
export const DAY_TYPES = ['year_end', 'quarter_end', 'month_end', 'mid_month', 'month_start', 'plain'] as const;
export type DayType = (typeof DAY_TYPES)[number];
export type CalendarDayType = Exclude<DayType, 'plain'>;
/** The calendar types alone, strongest first. */
export const CALENDAR_DAY_TYPES: readonly CalendarDayType[] = DAY_TYPES.filter((t): t is CalendarDayType => t !== 'plain');

/** A day's types as bits, in DAY_TYPES order (plain: none set). */
const BIT: Readonly<Record<CalendarDayType, number>> = { year_end: 1, quarter_end: 2, month_end: 4, mid_month: 8, month_start: 16 };

/** Every combination of bits as its list of types, built once and shared (callers never mutate them). */
const TYPES_OF_BITS: readonly (readonly DayType[])[] = Array.from({ length: 32 }, (_, bits) => {
  const types = CALENDAR_DAY_TYPES.filter((t) => (bits & BIT[t]) !== 0);
  return Object.freeze(types.length === 0 ? ['plain' as const] : types);
});

/**
 * The types of each day of a year, from one sweep over its business days (and the last
 * one before it, the first one after it): a day's types depend only on its neighbours.
 * A day the market is closed is typed as if it traded, between the same neighbours.
 */
function yearTypeBits(y: number): Uint8Array {
  const first = dayFromCivil(y, 1, 1);
  const bits = new Uint8Array(dayFromCivil(y + 1, 1, 1) - first);
  let previous = previousBusinessDay(first); // the last business day before `day`
  let next = nextBusinessDay(first - 1); // the first business day after `day`, once advanced
  for (let i = 0; i < bits.length; i++) {
    const day = first + i;
    if (next <= day) next = nextBusinessDay(day);
    bits[i] = typeBitsBetween(day, previous, next);
    if (isBusinessDay(day)) previous = day;
  }
  return bits;
}

function typeBitsBetween(day: Day, previousDay: Day, nextDay: Day): number {
  const { y, m, d } = civilFromDay(day);
  const next = civilFromDay(nextDay);
  const previous = civilFromDay(previousDay);
  let bits = 0;
  if (next.m !== m || next.y !== y) {
    bits |= BIT.month_end;
    if (m % 3 === 0) bits |= BIT.quarter_end;
    if (m === 12) bits |= BIT.year_end;
  }
  if (d >= 15 && (previous.m !== m || previous.d < 15)) bits |= BIT.mid_month;
  if (previous.m !== m || previous.y !== y) bits |= BIT.month_start;
  return bits;
}

/** Each year's day types, worked out once (a memo of a pure function, like closesByYear). */
interface YearBits { readonly first: Day; readonly bits: Uint8Array }
const typeBitsByYear = new Map<number, YearBits>();
/** The year asked for last: history asks for the days of one year after another. */
let lastYear: YearBits = { first: 0, bits: new Uint8Array(0) };

function bitsOf(day: Day): number {
  if (day < lastYear.first || day >= lastYear.first + lastYear.bits.length) {
    const { y } = civilFromDay(day);
    let year = typeBitsByYear.get(y);
    if (year === undefined) {
      year = { first: dayFromCivil(y, 1, 1), bits: yearTypeBits(y) };
      typeBitsByYear.set(y, year);
    }
    lastYear = year;
  }
  return lastYear.bits[day - lastYear.first] as number;
}

/**
 * The types of a day, strongest first: `['plain']` when it is none of the calendar types.
 * Each is decided by the market calendar around the day, never by what data exist, so
 * the last day of a data set has its type (a Friday 31st is a month-end before Monday's
 * print is out). A day the market is closed is typed as if it traded.
 */
export function dayTypes(day: Day): readonly DayType[] {
  return TYPES_OF_BITS[bitsOf(day)] as readonly DayType[];
}

/** Whether a day is plain: none of the calendar types. */
export function isPlainDay(day: Day): boolean {
  return bitsOf(day) === 0;
}

/** The strongest type of a day (year_end > quarter_end > month_end > mid_month > month_start > plain). */
export function mainDayType(day: Day): DayType {
  return dayTypes(day)[0] as DayType;
}
