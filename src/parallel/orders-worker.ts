/**
 * The orders thread of `downline/node` (see orders-thread.ts): reads an
 * orders file (CSV) from disk into columns (`parseOrders`) and posts them to
 * the thread that started it, the columns' buffers transferred (no copy).
 *
 * @module
 */
import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { parseOrders, parsedOrdersBuffers } from "../history/parsed-orders.js";
import { fileText } from "./file-text.js";
import type { OrdersThreadData } from "./orders-thread.js";

const { path, options } = workerData as OrdersThreadData;
void parseOrders(fileText(path), options, statSync(path).size).then((parsed) => parentPort!.postMessage(parsed, parsedOrdersBuffers(parsed)));
