/**
 * Dates and periods of a history: how a date in a file becomes a period.
 *
 * A date is read as the calendar date written, `YYYY-MM-DD`; a time after it
 * (`2025-01-31T23:30:00-05:00`, `2025-01-31 23:30`) is ignored, offset
 * included: the date is the business's own date of the event, as the export
 * wrote it, and is never shifted to another time zone.
 *
 * Periods are counted from the history's first period (period 0):
 *
 * - **month**: a date belongs to its calendar month. 2025-01-31 is in
 *   2025-01; 2025-02-01 in 2025-02. With the history starting in 2024-11,
 *   2025-01-31 is period 2.
 * - **week**: ISO weeks, Monday to Sunday. A date belongs to the week of the
 *   Monday on or before it. 2024-12-30 (a Monday) starts ISO week 2025-W01,
 *   which ends on Sunday 2025-01-05; 2025-01-06 starts 2025-W02. So
 *   2024-12-31 is in 2025-W01, and 2024-12-29 (a Sunday) in 2024-W52.
 *
 * Day numbers count days from 1970-01-01 (day 0, a Thursday); they are plain
 * integers, so sorting and comparing dates is integer arithmetic and 5
 * million dates are read without a `Date` object.
 *
 * @module
 */

/** The length of a period: a calendar month or an ISO week. */
export type PeriodKind = "month" | "week";

/** Days from 1970-01-01 to year-month-day (proleptic Gregorian; Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number: [year, month (1–12), day (1–31)] (Hinnant's civil_from_days). */
export function civilDate(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function leap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Digit value of a character code, or -1. */
function digit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}

/**
 * The day number of a date written `YYYY-MM-DD` (years 1000–9999), optionally
 * followed by `T` or a space and a time, which is ignored; `NaN` for anything
 * else, or a date that does not exist (2025-02-29).
 *
 * @example
 * parseDay("1970-01-02") // => 1
 * parseDay("2025-01-31T23:30:00-05:00") === parseDay("2025-01-31") // => true
 * parseDay("2025-02-29") // => NaN
 */
export function parseDay(text: string): number {
  return parseDayAt(text, 0, text.length);
}

/** {@link parseDay} of `text[from .. to)`, without the substring. */
export function parseDayAt(text: string, from: number, to: number): number {
  const n = to - from;
  if (n < 10 || (n > 10 && text.charCodeAt(from + 10) !== 84 /* T */ && text.charCodeAt(from + 10) !== 32)) return NaN;
  if (text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45) return NaN;
  const y0 = digit(text.charCodeAt(from));
  const y1 = digit(text.charCodeAt(from + 1));
  const y2 = digit(text.charCodeAt(from + 2));
  const y3 = digit(text.charCodeAt(from + 3));
  const m0 = digit(text.charCodeAt(from + 5));
  const m1 = digit(text.charCodeAt(from + 6));
  const d0 = digit(text.charCodeAt(from + 8));
  const d1 = digit(text.charCodeAt(from + 9));
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || y0 === 0) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return NaN;
  const last = month === 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > last) return NaN;
  return dayNumber(year, month, day);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(days: number): string {
  const [y, m, d] = civilDate(days);
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * The absolute index of the period a day falls in: months since 1970-01
 * (year × 12 + month − 1 − 1970 × 12), or ISO weeks since the week of
 * Monday 1969-12-29.
 */
export function periodIndexOfDay(kind: PeriodKind, days: number): number {
  if (kind === "week") return Math.floor((days + 3) / 7);
  const [y, m] = civilDate(days);
  return (y - 1970) * 12 + m - 1;
}

/** The first day (a day number) of an absolute period index. */
export function firstDayOfIndex(kind: PeriodKind, index: number): number {
  if (kind === "week") return index * 7 - 3;
  const y = 1970 + Math.floor(index / 12);
  const m = index - (y - 1970) * 12 + 1;
  return dayNumber(y, m, 1);
}

/**
 * A history's calendar: the kind of period and the absolute index of period 0.
 * Period t of the history is absolute period `first + t`.
 */
export interface HistoryCalendar {
  readonly period: PeriodKind;
  /** The absolute index ({@link periodIndexOfDay}) of the history's period 0. */
  readonly first: number;
}

/**
 * The history period (0-based; negative before the start) a day falls in.
 *
 * @example
 * const cal = calendarStarting("month", parseDay("2024-11-01"));
 * periodOfDay(cal, parseDay("2025-01-31")) // => 2
 */
export function periodOfDay(calendar: HistoryCalendar, days: number): number {
  return periodIndexOfDay(calendar.period, days) - calendar.first;
}

/** The calendar whose period 0 is the period holding `day`. */
export function calendarStarting(period: PeriodKind, day: number): HistoryCalendar {
  return { period, first: periodIndexOfDay(period, day) };
}

/** The first day of history period t (a day number). */
export function firstDayOf(calendar: HistoryCalendar, t: number): number {
  return firstDayOfIndex(calendar.period, calendar.first + t);
}

/** The last day of history period t (a day number). */
export function lastDayOf(calendar: HistoryCalendar, t: number): number {
  return firstDayOfIndex(calendar.period, calendar.first + t + 1) - 1;
}

/**
 * The label of history period t: `2025-01` for a month, the ISO week
 * `2025-W01` for a week (its ISO year is that of its Thursday).
 *
 * @example
 * periodLabel(calendarStarting("week", parseDay("2024-12-31")), 0) // => "2025-W01"
 */
export function periodLabel(calendar: HistoryCalendar, t: number): string {
  const index = calendar.first + t;
  if (calendar.period === "month") {
    const y = 1970 + Math.floor(index / 12);
    const m = index - (y - 1970) * 12 + 1;
    return `${y}-${m < 10 ? "0" : ""}${m}`;
  }
  const thursday = firstDayOfIndex("week", index) + 3;
  const [y] = civilDate(thursday);
  const week = Math.floor((thursday - dayNumber(y, 1, 1)) / 7) + 1;
  return `${y}-W${week < 10 ? "0" : ""}${week}`;
}

const MONTH_LABEL = /^(\d{4})-(\d{2})$/;
const WEEK_LABEL = /^(\d{4})-W(\d{2})$/;

/**
 * The day a period is named by: a date (`2025-01-31`, any day of the period),
 * a month label (`2025-01`) or an ISO week label (`2025-W01`: its Monday);
 * `NaN` for anything else.
 *
 * @example
 * formatDay(dayOfPeriodText("2025-W01")) // => "2024-12-30"
 */
export function dayOfPeriodText(text: string): number {
  const day = parseDay(text);
  if (!Number.isNaN(day)) return day;
  const month = MONTH_LABEL.exec(text);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? dayNumber(Number(month[1]), m, 1) : NaN;
  }
  const week = WEEK_LABEL.exec(text);
  if (week) {
    const y = Number(week[1]);
    const w = Number(week[2]);
    // ISO week 1 holds January 4th.
    const jan4 = dayNumber(y, 1, 4);
    const monday1 = firstDayOfIndex("week", periodIndexOfDay("week", jan4));
    const day = monday1 + (w - 1) * 7;
    const label = periodLabel({ period: "week", first: periodIndexOfDay("week", day) }, 0);
    return w >= 1 && label === text ? day : NaN;
  }
  return NaN;
}
