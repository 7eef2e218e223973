export {
  collectPeriod,
  createMemberTotals,
  memberColumns,
  memberRowsOf,
  type PeriodRow,
  type MemberRow,
  type MemberColumns,
  type MemberTotals,
} from "./collect.js";
