export { calendarStarting, dayOfPeriodText, firstDayOf, formatDay, lastDayOf, parseDay, periodLabel, periodOfDay, type HistoryCalendar, type PeriodKind } from "./calendar.js";
export { NEVER, type ExternalIds, type History, type HistoryCategory, type HistoryCustomers, type HistoryFileSummary, type HistoryMembers, type HistoryOrders } from "./history.js";
export { CUSTOMER_COLUMNS, MEMBER_COLUMNS, ORDER_COLUMNS, type HistoryIssue, type HistoryOptions } from "./build.js";
export { importHistory, historyFromRecords, readCsvRows, textChunks, type HistoryChunk, type HistoryData, type HistoryFile, type HistoryInput, type HistoryRecord } from "./import.js";
export { importPaid, paidFromRecords, type PaidAmounts, type PaidOptions } from "./paid.js";
export { historySummary } from "./summary.js";
export { createHistoryWorld, historyScenarioProblems, type HistoryHandOver, type HistoryWorld } from "./world-from-history.js";
