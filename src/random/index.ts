export { stream, poisson, normal, type Uniform, type StreamName } from "./stream.js";
export { concernKey, keyedUniform, keyedDraws, deriveKey, originKey, textKey, type ConcernKey, type KeyedDraws } from "./keyed.js";
