export { ledgerCsvPieces, ledgerToCsv } from "./ledger-csv.js";
export { periodsCsvPieces, periodsToCsv, type PeriodsOf } from "./period-csv.js";
export { membersCsvPieces } from "./member-csv.js";
export { periodsToJson } from "./period-json.js";
export { historyCsvPieces, type HistoryCsvOptions } from "./history-csv.js";
