/**
 * Charts drawn for the command line: a Vega-Lite spec compiled by vega-lite,
 * laid out by vega with no DOM (its headless `renderer: "none"` view), as
 * SVG text; resvg turns the SVG into a PNG. The three are optional
 * dependencies, loaded only when a chart is asked for (the library itself
 * never imports them): a platform where they did not install gets a
 * one-line error, before any work.
 *
 * @module
 */
import { DownlineInputError } from "../validate/errors.js";
import type { VegaLiteSpec } from "../output/charts/spec.js";

/** A chart file's format, from its name. */
export type ChartFormat = "svg" | "png";

/** Draws specs: what {@link loadChartRenderer} returns once its modules are loaded. */
export interface ChartRenderer {
  readonly format: ChartFormat;
  /** The chart as the file's bytes (SVG text as UTF-8, or a PNG). */
  render(spec: VegaLiteSpec): Promise<Uint8Array>;
}

/** The format a chart file's name asks for (`.svg` or `.png`), or an error naming `flag`. */
export function chartFormatOf(path: string, flag = "--chart"): ChartFormat {
  const m = /\.(svg|png)$/i.exec(path);
  if (!m) throw new DownlineInputError("options", [{ path: flag, message: `expected a file name ending in .svg or .png, got ${JSON.stringify(path.slice(-60))}` }]);
  return m[1]!.toLowerCase() as ChartFormat;
}

async function load<T>(name: string, importer: () => Promise<T>, flag: string): Promise<T> {
  try {
    return await importer();
  } catch (e) {
    throw new DownlineInputError("options", [
      { path: flag, message: `drawing a chart needs the optional dependency ${name}, which could not be loaded here (${String((e as Error)?.message ?? e).split("\n")[0]}); install it with npm install ${name}` },
    ]);
  }
}

/**
 * Loads the renderer for `format` (vega and vega-lite; resvg for PNG): call
 * it before any work, so that a missing module fails first.
 */
export async function loadChartRenderer(format: ChartFormat, flag = "--chart"): Promise<ChartRenderer> {
  const vega = await load("vega", () => import("vega"), flag);
  const vl = await load("vega-lite", () => import("vega-lite"), flag);
  const resvg = format === "png" ? await load("@resvg/resvg-js", () => import("@resvg/resvg-js"), flag) : undefined;
  const toSvg = async (spec: VegaLiteSpec): Promise<string> => {
    // Warnings (a dropped encoding, an empty extent) would be printed on stderr in the middle of the output: errors only.
    const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0], { logger: vega.logger(vega.Error) });
    const view = new vega.View(vega.parse(compiled.spec), { renderer: "none", logLevel: vega.Error });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };
  return {
    format,
    async render(spec) {
      const svg = await toSvg(spec);
      if (!resvg) return new TextEncoder().encode(svg);
      // Twice the SVG's size, so that the PNG stays sharp on high-density screens; system fonts for the text.
      const png = new resvg.Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" }, background: "white" }).render().asPng();
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    },
  };
}

/**
 * A spec as SVG text (vega + vega-lite, no DOM).
 *
 * @example
 * await chartSvg(payoutRatioChart(results)) // => "<svg xmlns=…"
 */
export async function chartSvg(spec: VegaLiteSpec): Promise<string> {
  const renderer = await loadChartRenderer("svg");
  return new TextDecoder().decode(await renderer.render(spec));
}
