// Starts a TypeScript worker in development and tests. Node 20 worker threads do not
// inherit loader hooks registered with --import, so the worker registers tsx itself
// before importing its entry (workerData.entry). Production runs the compiled .js directly.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
