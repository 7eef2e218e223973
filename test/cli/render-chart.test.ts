/**
 * The command line's renderer: a Vega-Lite spec drawn with no DOM as SVG
 * (vega + vega-lite) and as PNG (resvg, at twice the SVG's size).
 */
import { describe, expect, it } from "vitest";
import { chartFormatOf, chartSvg, loadChartRenderer } from "../../src/cli/render-chart.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "../../src/output/charts/spec.js";

const SPEC: VegaLiteSpec = {
  $schema: VEGA_LITE_SCHEMA,
  width: 200,
  height: 100,
  data: { values: [0, 1, 2, 3].map((period) => ({ period, ratio: 0.2 + period / 100 })) },
  mark: "line",
  encoding: { x: { field: "period", type: "quantitative" }, y: { field: "ratio", type: "quantitative", axis: { format: ".0%" } } },
};

describe("the chart renderer", () => {
  it("draws an SVG, and the same chart as a PNG twice its size", async () => {
    const svg = await chartSvg(SPEC);
    const [, width, height] = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    expect(svg).toContain(">20%<");
    expect(svg).toContain('aria-label="period: 0; ratio: 20%"');
    const png = await (await loadChartRenderer("png")).render(SPEC);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([2 * width!, 2 * height!]);
  });

  it("the format comes from the file's name", () => {
    expect(chartFormatOf("out/a.SVG")).toBe("svg");
    expect(chartFormatOf("a.png")).toBe("png");
    expect(() => chartFormatOf("a.pdf")).toThrow(/--chart: expected a file name ending in \.svg or \.png, got "a\.pdf"/);
  });
});
