export { collectPeriod, createMemberTotals, memberRows, type PeriodRow, type MemberRow, type MemberTotals } from "./collect.js";
