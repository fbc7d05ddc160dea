// The test page's bundle: the core and bucketguard/fetch (from src), and the scenarios using them.
import * as scenarios from "../scenarios.js";
import type { PageGlobals } from "./page-globals.js";

(globalThis as unknown as PageGlobals).scenarios = scenarios;
