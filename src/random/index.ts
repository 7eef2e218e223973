export { stream, poisson, normal, type Uniform, type StreamName } from "./stream.js";
