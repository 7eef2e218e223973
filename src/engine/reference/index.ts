export { createReferenceEngine } from "./reference.js";
