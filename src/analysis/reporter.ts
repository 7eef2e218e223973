/**
 * A collector from one function: Mesa's named reporters.
 *
 * @module
 */
import type { CollectorFactory, CollectorSetup, PeriodView } from "./collector.js";

/**
 * A collector that keeps one value per period: `report`'s result on each
 * period, in period order. The value must not hold on to the period's arrays
 * (they are reused): return numbers, or copies.
 *
 * @example
 * const active = reporter(({ payout }) => payout.activeCount);
 * simulate({ scenario: { months: 12 }, collectors: { active } }).collected.active.length // => 12
 */
export function reporter<T>(report: (view: PeriodView, setup: CollectorSetup) => T): CollectorFactory<T[]> {
  return (setup) => {
    const values: T[] = [];
    return {
      period(view) {
        values.push(report(view, setup));
      },
      result: () => values,
    };
  };
}
