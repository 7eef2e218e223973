/**
 * What every chart of downline is: a Vega-Lite specification, built as plain
 * data by a library function. Nothing here draws: a notebook (JupyterLab,
 * VS Code, Observable) or the command line's renderer (`downline … --chart
 * out.svg`, vega + vega-lite + resvg) turns the spec into a picture, so the
 * core library imports no renderer.
 *
 * Conventions shared by the charts: periods are numbered from 0 as
 * everywhere in downline (period 0 is the run's first month or week); money
 * is drawn in major units of the run's currency (minor units ÷ 10^digits),
 * named in the axis title; a figure that is not defined is `null` in the
 * data, never NaN.
 *
 * @module
 */

/**
 * The Vega-Lite version the charts are written for (their `$schema`).
 *
 * @example
 * VEGA_LITE_SCHEMA // => "https://vega.github.io/schema/vega-lite/v6.json"
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A Vega-Lite specification: JSON-serialisable data with its `$schema`. Give
 * it to any Vega-Lite renderer (`vegaEmbed(el, spec)`, `vl.compile(spec)`),
 * or write it to a `.vl.json` file.
 */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/** Options every chart takes. */
export interface ChartOptions {
  /** The chart's title (each chart has a default). */
  readonly title?: string;
  /** Plot width in pixels (default 560). */
  readonly width?: number;
  /** Plot height in pixels (default 280). */
  readonly height?: number;
}

/** A finite number, or null (JSON has no NaN, and a renderer draws null as a gap). */
export const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Minor units as major units for drawing: 123456 with 2 digits → 1234.56. */
export const major = (minor: number, digits: number): number | null => finite(minor / 10 ** digits);

/** The x-axis title of a chart over periods. */
export const PERIOD_AXIS = "Period (numbered from 0: 0 is the first)";

/** The spec's frame: schema, title, size, a readable font size, a white background. */
export function frame(options: ChartOptions, defaults: { title: string; description: string }): Record<string, unknown> & VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? defaults.title,
    description: defaults.description,
    width: options.width ?? 560,
    height: options.height ?? 280,
    background: "white",
    // Legend symbols as solid strokes: a band's low opacity would otherwise fade the legend too.
    config: { font: "DejaVu Sans, Helvetica, Arial, sans-serif", view: { stroke: null }, legend: { symbolOpacity: 1, symbolType: "stroke", symbolStrokeWidth: 3, labelLimit: 400 } },
  };
}

/** Labels made unique: a repeated label gets " (2)", " (3)" …, so that two series never merge. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

/** The one currency of the inputs, or an error naming them all (amounts in two currencies do not share an axis). */
export function oneCurrency(currencies: readonly string[], chart: string): string {
  const set = [...new Set(currencies)];
  if (set.length > 1) throw new RangeError(`downline/output: ${chart}: expected amounts in one currency, got ${set.join(", ")}`);
  return set[0] ?? "";
}

/**
 * A single-layer chart over its rows: drawn in the frame, or, for several
 * series, one panel per series (rows of a facet, each panel its own y scale,
 * 60% of the frame's height).
 */
export function singleOrPanels(f: Record<string, unknown> & VegaLiteSpec, values: readonly object[], layer: Record<string, unknown>, panels: boolean): VegaLiteSpec {
  if (!panels) return { ...f, data: { values }, ...layer };
  const { width, height, ...rest } = f;
  return { ...rest, data: { values }, facet: { row: { field: "series", type: "nominal", title: null } }, spec: { width, height: Math.round((height as number) * 0.6), ...layer }, resolve: { scale: { y: "independent" } } };
}
