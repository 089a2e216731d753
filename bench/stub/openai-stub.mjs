// A fake OpenAI-compatible chat endpoint for the benchmarks: Node's own HTTP server, no dependency.
//
// It answers POST <route>/v1/chat/completions after a fixed delay with a chat.completion whose content is the
// route's, with its first "{unique}" replaced by a fresh 12-character value (so that no answer is served from a cache), and
// keeps a journal of what it answered. It costs a few tens of microseconds of CPU per call where WireMock costs a
// few milliseconds; on a 2-core machine the stub shares the cores with the harness it measures, so a heavy stub
// measures itself (docs/performance.md).
//
// Usage: node openai-stub.mjs ROUTES.json PORT DELAY_MS
//   ROUTES.json: [{"path": "^/(cbs|cbc)/judge/v1/chat/completions$", "content": "..."}, ...], the first match answers.
// Admin: GET /__journal -> {"requests": [{"path", "status", "received", "done"}]} (epoch ms), DELETE /__journal
// empties it; GET /__health -> 200. Anything else: 404 with a JSON error, journalled.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";

const [routesFile, portArg, delayArg] = process.argv.slice(2);
if (!routesFile || !/^\d+$/.test(portArg ?? "") || !/^\d+$/.test(delayArg ?? "")) {
  console.error("usage: node openai-stub.mjs ROUTES.json PORT DELAY_MS");
  process.exit(2);
}
const delay = Number(delayArg);
const routes = JSON.parse(readFileSync(routesFile, "utf8")).map((r, i) => {
  if (typeof r.path !== "string" || typeof r.content !== "string" || Object.keys(r).length !== 2) {
    console.error(`${routesFile}: route ${i + 1} needs exactly "path" (a regular expression) and "content"`);
    process.exit(2);
  }
  const [head, tail] = splitBody(r.content);
  return { path: new RegExp(r.path), head, tail, varies: r.content.includes("{unique}") };
});

// The response body around the content, serialised once; only the unique value is written per call.
function splitBody(content) {
  const marker = "\u0000UNIQUE\u0000";
  const body = JSON.stringify({
    id: "chatcmpl-stub", object: "chat.completion", created: 1, model: "stub",
    choices: [{ index: 0, message: { role: "assistant", content: content.replace("{unique}", marker) },
      finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  });
  const at = body.indexOf(JSON.stringify(marker).slice(1, -1));
  return at < 0 ? [body, ""] : [body.slice(0, at), body.slice(at + JSON.stringify(marker).length - 2)];
}

// Unique values from a pool of random bytes, refilled in blocks (one crypto call per 4,096 answers).
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
let pool = randomBytes(0), at = 0;
function unique() {
  if (at + 12 > pool.length) { pool = randomBytes(12 * 4096); at = 0; }
  let s = "";
  for (let i = 0; i < 12; i++) s += ALPHABET[pool[at++] % ALPHABET.length];
  return s;
}

let journal = [];
const json = { "Content-Type": "application/json" };

const server = createServer((req, res) => {
  const received = Date.now();
  const path = req.url.split("?", 1)[0];
  if (path === "/__journal") {
    if (req.method === "DELETE") journal = [];
    res.writeHead(200, json).end(req.method === "DELETE" ? "{}" : JSON.stringify({ requests: journal }));
    return;
  }
  if (path === "/__health") { res.writeHead(200, json).end("{}"); return; }
  req.resume(); // the request body is read and dropped
  req.on("end", () => {
    const route = req.method === "POST" ? routes.find(r => r.path.test(path)) : undefined;
    setTimeout(() => {
      let status = 200, body;
      if (route) {
        body = route.varies ? route.head + unique() + route.tail : route.head;
      } else {
        status = 404;
        body = JSON.stringify({ error: { message: `no stub route for ${req.method} ${path.slice(0, 80)}` } });
      }
      res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }).end(body);
      journal.push({ path, status, received, done: Date.now() });
    }, delay);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.maxRequestsPerSocket = 0;
server.listen(Number(portArg), "127.0.0.1", () => console.log(`openai-stub on 127.0.0.1:${portArg}, delay ${delay} ms`));
process.on("SIGTERM", () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 1000).unref());
