/**
 * Dates and periods. Day numbers are checked against an independent source,
 * `Date.UTC` (days since 1970-01-01 are `Date.UTC(y, m − 1, d) / 86 400 000`);
 * ISO weeks against the ISO 8601 calendar (week 1 holds January 4th, weeks
 * start on Monday): 2020 has 53 weeks, 2024-12-30 starts 2025-W01.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  calendarStarting,
  civilDate,
  dayNumber,
  dayOfPeriodText,
  firstDayOf,
  formatDay,
  lastDayOf,
  parseDay,
  periodLabel,
  periodOfDay,
} from "../../src/history/calendar.js";

const DAY_MS = 86_400_000;

describe("day numbers", () => {
  it("agree with Date.UTC over years 1000–9999, both ways", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const days = dayNumber(y, m, d);
        expect(days).toBe(Date.UTC(y, m - 1, d) / DAY_MS);
        expect(civilDate(days)).toEqual([y, m, d]);
      }),
    );
  });

  it("parse YYYY-MM-DD, ignore a time and its offset, refuse what is not a date", () => {
    expect(parseDay("1970-01-01")).toBe(0);
    expect(parseDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29) / DAY_MS);
    expect(parseDay("2025-01-31T23:30:00-05:00")).toBe(parseDay("2025-01-31"));
    expect(parseDay("2025-01-31 23:30")).toBe(parseDay("2025-01-31"));
    for (const bad of ["2025-02-29", "2100-02-29", "2025-13-01", "2025-00-10", "2025-01-32", "2025-1-31", "31/01/2025", "", "2025-01-31Z", "0999-01-01", "２０２５-01-01"]) {
      expect(parseDay(bad), bad).toBeNaN();
    }
    expect(formatDay(parseDay("2025-03-09"))).toBe("2025-03-09");
  });
});

describe("months", () => {
  const cal = calendarStarting("month", parseDay("2024-11-15"));
  it("a date is in its calendar month: 2025-01-31 in 2025-01, 2025-02-01 in 2025-02", () => {
    expect(periodOfDay(cal, parseDay("2024-11-01"))).toBe(0);
    expect(periodOfDay(cal, parseDay("2025-01-31"))).toBe(2);
    expect(periodOfDay(cal, parseDay("2025-02-01"))).toBe(3);
    expect(periodOfDay(cal, parseDay("2024-10-31"))).toBe(-1);
    expect(periodLabel(cal, 2)).toBe("2025-01");
    expect(formatDay(firstDayOf(cal, 3))).toBe("2025-02-01");
    expect(formatDay(lastDayOf(cal, 3))).toBe("2025-02-28");
    expect(formatDay(lastDayOf(cal, 15))).toBe("2026-02-28");
  });
});

describe("ISO weeks", () => {
  const cal = calendarStarting("week", parseDay("2024-12-30"));
  it("Monday to Sunday; week 1 holds January 4th", () => {
    expect(periodLabel(cal, 0)).toBe("2025-W01");
    expect(periodOfDay(cal, parseDay("2024-12-31"))).toBe(0);
    expect(periodOfDay(cal, parseDay("2025-01-05"))).toBe(0); // a Sunday
    expect(periodOfDay(cal, parseDay("2025-01-06"))).toBe(1); // a Monday
    expect(periodOfDay(cal, parseDay("2024-12-29"))).toBe(-1);
    expect(periodLabel(cal, -1)).toBe("2024-W52");
    expect(formatDay(firstDayOf(cal, 1))).toBe("2025-01-06");
    expect(formatDay(lastDayOf(cal, 1))).toBe("2025-01-12");
  });

  it("2020 has 53 weeks: 2020-12-31 and 2021-01-03 are in 2020-W53", () => {
    const w53 = calendarStarting("week", parseDay("2020-12-31"));
    expect(periodLabel(w53, 0)).toBe("2020-W53");
    expect(periodOfDay(w53, parseDay("2021-01-03"))).toBe(0);
    expect(periodLabel(w53, 1)).toBe("2021-W01");
    expect(formatDay(dayOfPeriodText("2020-W53"))).toBe("2020-12-28");
    expect(dayOfPeriodText("2021-W53")).toBeNaN();
  });

  it("labels agree with the ISO week of any day's Thursday (against Date)", () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDay("1990-01-01"), max: parseDay("2090-12-31") }), (day) => {
        const label = periodLabel(calendarStarting("week", day), 0);
        // ISO 8601: the week's year is its Thursday's; its number counts Thursdays in that year.
        const thursday = new Date((day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 3) * DAY_MS);
        const year = thursday.getUTCFullYear();
        const week = Math.floor((thursday.getTime() / DAY_MS - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
        expect(label).toBe(`${year}-W${String(week).padStart(2, "0")}`);
        expect(periodOfDay(calendarStarting("week", dayOfPeriodText(label)), day)).toBe(0);
      }),
    );
  });
});

describe("period texts", () => {
  it("a date, a month or an ISO week", () => {
    expect(formatDay(dayOfPeriodText("2025-01"))).toBe("2025-01-01");
    expect(formatDay(dayOfPeriodText("2025-01-17"))).toBe("2025-01-17");
    expect(formatDay(dayOfPeriodText("2025-W01"))).toBe("2024-12-30");
    for (const bad of ["2025-13", "2025-W00", "2025-W54", "January", ""]) expect(dayOfPeriodText(bad), bad).toBeNaN();
  });
});
