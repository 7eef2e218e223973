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
  // writers
  "periodsCsvPieces",
  "periodsToCsv",
  "periodsToJson",
  "membersCsvPieces",
  "ledgerCsvPieces",
  "ledgerToCsv",
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

/** Exported names whose declarations have no TSDoc: none. */
const UNDOCUMENTED_TYPES: string[] = [];

describe("the public API", () => {
  it("exports exactly the listed values", () => {
    expect(Object.keys(api).sort()).toEqual([...PUBLIC_VALUES].sort());
  });

  it("documents every export at its declaration (TSDoc)", () => {
    const index = fileURLToPath(new URL("../src/index.ts", import.meta.url));
    const program = ts.createProgram([index], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const checker = program.getTypeChecker();
    const entry = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
    const exported = checker.getExportsOfModule(entry);
    const undocumented: string[] = [];
    const values: string[] = [];
    for (const symbol of exported) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (target.flags & ts.SymbolFlags.Value) values.push(symbol.name);
      if (ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === "") undocumented.push(symbol.name);
    }
    expect(values.sort()).toEqual([...PUBLIC_VALUES].sort());
    expect(undocumented.sort()).toEqual([...UNDOCUMENTED_TYPES].sort());
  });
});
