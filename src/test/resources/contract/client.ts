// A ClaimBench client as a user writes one: the types are generated from the served contract by openapi-typescript
// (claimbench.d.ts, beside this file), the calls made by openapi-fetch. It starts a run with startRun, follows it with
// getRun and reads getRunResults; it fails to compile when the contract stops matching these calls.
// Usage: node client.js <base-url> <api-key> <eval-set> <candidate> <baseline>
import createClient from "openapi-fetch";
import type { components, operations, paths } from "./claimbench.js";

// Node's own globals, without @types/node.
declare const process: { argv: string[]; exit(code: number): never };

type RunView = operations["startRun"]["responses"][202]["content"]["application/json"];
type Results = operations["getRunResults"]["responses"][200]["content"]["application/json"];
type Problem = components["schemas"]["Problem"];

const [baseUrl, apiKey, evalSet, candidate, baseline] = process.argv.slice(2);
const client = createClient<paths>({ baseUrl, headers: { "X-API-Key": apiKey } });
const terminal = new Set(["COMPLETED", "FAILED", "CANCELLED", "STOPPED"]);

function fail(what: string, problem: Problem | undefined, status: number): never {
  console.error(`${what}: HTTP ${status} ${problem?.title ?? ""}: ${problem?.detail ?? ""}`);
  process.exit(1);
}

const started = await client.POST("/api/runs", { body: { evalSet, candidate, baseline, seed: 1 } });
if (!started.data) fail("startRun", started.error, started.response.status);
let run: RunView = started.data;
const location = started.response.headers.get("Location");

const deadline = Date.now() + 60_000;
while (!terminal.has(run.state ?? "")) {
  if (Date.now() > deadline) fail("getRun: the run did not end within 60 s", undefined, 0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const polled = await client.GET("/api/runs/{id}", { params: { path: { id: run.id! } } });
  if (!polled.data) fail("getRun", polled.error, polled.response.status);
  run = polled.data;
}

const read = await client.GET("/api/runs/{id}/results", { params: { path: { id: run.id! } } });
if (!read.data) fail("getRunResults", read.error, read.response.status);
const results: Results = read.data;

// A problem+json answer, typed as the contract's Problem.
const missing = await client.GET("/api/runs/{id}", { params: { path: { id: "no-such-run" } } });
const problem: Problem | undefined = missing.error;

console.log(JSON.stringify({
  startStatus: started.response.status,
  location,
  id: run.id,
  state: run.state,
  evalSet: results.run?.evalSet,
  verdict: results.overall?.verdict,
  n: results.overall?.winRate?.n,
  candidateScore: results.models?.candidate?.benchmarkScore?.mean,
  baselineScore: results.models?.baseline?.benchmarkScore?.mean,
  missingStatus: missing.response.status,
  missingTitle: problem?.title,
}));
