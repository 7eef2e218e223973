export { createReferenceEngine } from "./reference.js";
export { REFERENCE_RULES, type ReferenceRule, type ReferenceMember, type ReferencePeriod, type ReferenceAccrual } from "./rules.js";
