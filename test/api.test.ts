/**
 * The public API is deliberate: the package's entry exports exactly these
 * values, and every export, value or type, carries TSDoc at its declaration.
 * Adding or removing a name means editing this list (and the CHANGELOG).
 */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import * as api from "../src/index.js";

/** The values the package exports (types are checked below, by the compiler). */
const PUBLIC_VALUES = [
  // the runner
  "simulate",
  "simulatePlans",
  "stopEffort",
  // histories: import, replay, reconcile, write
  "replay",
  "importHistory",
  "historyFromRecords",
  "periodLabel",
  "historySummary",
  "importPaid",
  "paidFromRecords",
  "reconcile",
  "historyCollector",
  "historyCsvPieces",
  // collectors and results
  "reporter",
  "memberRowsOf",
  "ledgerLines",
  // per-member, per-period results
  "MEMBER_PERIOD_COLUMNS",
  "DEFAULT_MEMBER_PERIOD_COLUMNS",
  "INCOME_COLUMNS",
  "memberSeries",
  "memberPeriodRows",
  "sliceValues",
  // analysis
  "resolveWindow",
  "windowTotals",
  "distributions",
  "describeDistribution",
  "incomeDisclosure",
  "companyMetrics",
  "rankCountRows",
  "incomeDecomposition",
  "calibrationFigures",
  "REFERENCE_RANGES",
  "stopReport",
  "PLAN_METRICS",
  "planMetrics",
  "quantileSorted",
  "giniSorted",
  "topShareSorted",
  "meanInterval",
  "pairedInterval",
  "studentTQuantile",
  // comparisons and sweeps
  "comparePlans",
  "sweepParameters",
  // writers
  "periodsCsvPieces",
  "periodsToCsv",
  "periodsToJson",
  "membersCsvPieces",
  "ledgerCsvPieces",
  "ledgerToCsv",
  "disclosureMarkdown",
  "comparisonMarkdown",
  // charts (Vega-Lite specifications)
  "VEGA_LITE_SCHEMA",
  "payoutRatioChart",
  "incomeDistributionChart",
  "incomeByComponentChart",
  "incomeDecompositionChart",
  "stopChart",
  "sweepChart",
  // engines
  "createFastEngine",
  "createReferenceEngine",
  "DEFAULT_PLAN",
  // plans
  "compilePlan",
  "PRESETS",
  "PRESET_SCENARIOS",
  "planJsonSchema",
  "ComponentFieldError",
  "defineComponent",
  // rate tables and volume kinds, for custom components
  "basisField",
  "rateTableField",
  "rateTableTexts",
  "compileRateTable",
  "rateRow",
  "scaledRate",
  "exactRate",
  "referenceRate",
  "columnValues",
  // the world
  "resolveScenario",
  "DEFAULT_SCENARIO",
  "createWorld",
  "stepWorld",
  "networkFromRecords",
  "orderColumns",
  "ROLES",
  // money
  "formatMinor",
  "toMinor",
  "minorDigits",
  "ExactDecimal",
  // input errors and custom-component fields
  "DownlineInputError",
  "componentName",
  "rateField",
  "decimalField",
  "amountField",
];

/** The values `downline/parallel` exports (src/parallel/index.ts). */
const PARALLEL_VALUES = ["comparePlans", "sweepParameters", "simulateTwoThreads"];

/** Exported names whose declarations have no TSDoc: none. */
const UNDOCUMENTED_TYPES: string[] = [];

/** Exported values whose TSDoc has no @example: the ones that predate the rule. */
const VALUES_WITHOUT_EXAMPLE = ["ComponentFieldError", "DEFAULT_SCENARIO", "PRESETS", "PRESET_SCENARIOS", "createReferenceEngine", "defineComponent"];

/** Every export of an entry, by name: value or type, its TSDoc and whether the TSDoc has an @example. */
function exportsOf(entryPath: string) {
  const file = fileURLToPath(new URL(entryPath, import.meta.url));
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const entry = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker.getExportsOfModule(entry).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return {
      name: symbol.name,
      value: (target.flags & ts.SymbolFlags.Value) !== 0,
      documented: ts.displayPartsToString(target.getDocumentationComment(checker)).trim() !== "",
      example: target.getJsDocTags(checker).some((t) => t.name === "example"),
    };
  });
}

describe("the public API", () => {
  it("exports exactly the listed values", () => {
    expect(Object.keys(api).sort()).toEqual([...PUBLIC_VALUES].sort());
  });

  it("documents every export at its declaration (TSDoc), values with an @example", () => {
    const exported = exportsOf("../src/index.ts");
    expect(exported.filter((e) => e.value).map((e) => e.name).sort()).toEqual([...PUBLIC_VALUES].sort());
    expect(exported.filter((e) => !e.documented).map((e) => e.name).sort()).toEqual([...UNDOCUMENTED_TYPES].sort());
    expect(exported.filter((e) => e.value && !e.example).map((e) => e.name).sort()).toEqual([...VALUES_WITHOUT_EXAMPLE].sort());
  });

  it("downline/parallel: exactly its listed values, each documented with an @example", async () => {
    const parallel = await import("../src/parallel/index.js");
    expect(Object.keys(parallel).sort()).toEqual([...PARALLEL_VALUES].sort());
    const exported = exportsOf("../src/parallel/index.ts");
    expect(exported.filter((e) => !e.documented).map((e) => e.name)).toEqual([]);
    expect(exported.filter((e) => e.value && !e.example).map((e) => e.name)).toEqual([]);
  });
});
