#!/usr/bin/env python3
"""Helpers of bench/compare-promptfoo.sh (standard library only), one subcommand each:

  files WORK PLAIN_PROMPTS JUDGED_PROMPTS STUB_PORT   eval sets, promptfoo configs, the stub's routes
  measure OUT.json LOG -- COMMAND...    runs COMMAND; wall, CPU (user+sys of it and its descendants), peak RSS
  journal STUB_PORT PREFIX              counts the calls the stub answered since the last reset, then resets it
  scored TOOL RESULTS.json              what the tool's own report scored and left unscored (or errored)
  table MEASUREMENTS.jsonl DELAY_MS CONCURRENCY   medians over rounds per tool and workload, and every round
"""
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

GEN_MODELS = ("cand", "base")
TOOLS = ("cbs", "cbc", "pf")  # ClaimBench server (REST), ClaimBench CLI (in-process, embedded H2), promptfoo
TOOL_NAMES = {"cbs": "ClaimBench server", "cbc": "ClaimBench CLI", "pf": "promptfoo 0.121.20"}


def prompt_text(i):
    return f"Benchmark prompt number {i}: give one tip for a tidy desk."


def write_eval_sets(folder, plain, judged):
    os.makedirs(folder, exist_ok=True)
    head = ('claim:\n  quote: "fast"\n  source: "bench"\n'
            'hypothesis:\n  metric: win-rate\n  comparator: ">"\n  threshold: 0.5\ncategories: [bench]\n')
    with open(os.path.join(folder, "bench-plain.yaml"), "w") as f:
        # A programmatic scorer: no judge, so 2 calls per prompt.
        f.write('id: bench-plain\ntitle: "Plain generation benchmark"\n' + head + 'scorer: exact-match\nprompts:\n')
        for i in range(1, plain + 1):
            f.write(f'  - id: plain-{i:05d}\n    category: bench\n    text: "{prompt_text(i)}"\n    reference: "answer"\n')
    with open(os.path.join(folder, "bench-judged.yaml"), "w") as f:
        # The pairwise judge in both orders (the default swap): 2 answers and 2 judge calls per prompt.
        f.write('id: bench-judged\ntitle: "Judged benchmark"\n' + head
                + 'scorer: pairwise-judge\njudge-template: everyday\nprompts:\n')
        for i in range(1, judged + 1):
            f.write(f'  - id: judged-{i:05d}\n    category: bench\n    text: "{prompt_text(i)}"\n')


def provider(base, model, label=None):
    p = {"id": f"openai:chat:{model}-model", "config": {"apiBaseUrl": f"{base}/{model}/v1", "apiKey": "sk-bench"}}
    if label:
        p["label"] = label
    return p


def write_promptfoo(folder, plain, judged, base):
    os.makedirs(folder, exist_ok=True)
    providers = [provider(base, m, m) for m in GEN_MODELS]
    # The same programmatic check as ClaimBench's exact-match against "answer": no LLM assertion.
    plain_cfg = {"description": "bench-plain", "prompts": ["{{text}}"], "providers": providers,
                 "defaultTest": {"assert": [{"type": "icontains", "value": "answer"}]},
                 "tests": [{"vars": {"text": prompt_text(i)}} for i in range(1, plain + 1)]}
    # llm-rubric grades each output: 1 judge call per answer, as many as ClaimBench's two orders per pair.
    judged_cfg = {"description": "bench-judged", "prompts": ["{{text}}"], "providers": providers,
                  "defaultTest": {"options": {"provider": provider(base, "judge")},
                                  "assert": [{"type": "llm-rubric", "value": "The answer gives one practical tip."}]},
                  "tests": [{"vars": {"text": prompt_text(i)}} for i in range(1, judged + 1)]}
    for name, cfg in (("plain", plain_cfg), ("judged", judged_cfg)):
        with open(os.path.join(folder, f"{name}.yaml"), "w") as f:
            json.dump(cfg, f, indent=1)  # JSON is YAML


def files(work, plain, judged, port):
    write_eval_sets(os.path.join(work, "eval-sets"), int(plain), int(judged))
    write_promptfoo(os.path.join(work, "promptfoo"), int(plain), int(judged), f"http://127.0.0.1:{port}/pf")
    # The stub's routes (bench/stub/openai-stub.mjs): "{unique}" is a fresh value per call, so that no answer is
    # served from a cache.
    routes = [{"path": "^/(cbs|cbc|pf)/(cand|base)/v1/chat/completions$", "content": "Stub answer {unique}"},
              # ClaimBench's pairwise verdict, after a line of prose as judges write it.
              {"path": "^/(cbs|cbc)/judge/v1/chat/completions$",
               "content": 'Fine.\n{"rationale": "stub", "verdict": "A>B"}'},
              # promptfoo's llm-rubric grading format.
              {"path": "^/pf/judge/v1/chat/completions$",
               "content": '{"reason": "stub {unique}", "pass": true, "score": 1}'}]
    with open(os.path.join(work, "routes.json"), "w") as f:
        json.dump(routes, f)


def measure(out, log, command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.time()
    with open(log, "w") as f:
        child = subprocess.Popen(command, stdout=f, stderr=subprocess.STDOUT)
        stopped = []
        # Stopped (by the script's exit trap), it stops its command by PID and leaves no measurement.
        signal.signal(signal.SIGTERM, lambda *_: (stopped.append(True), child.terminate()))
        code = child.wait()
        if stopped:
            sys.exit(143)
    wall = time.time() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of the children: the largest process of the tree (KiB on Linux).
    with open(out, "w") as f:
        json.dump({"start": start, "wall": wall, "cpu": cpu, "rss_kib": after.ru_maxrss, "exit": code}, f)


def journal(port, prefix):
    base = f"http://127.0.0.1:{port}/__journal"
    with urllib.request.urlopen(base, timeout=60) as r:
        entries = json.load(r)["requests"]
    calls = {"gen": 0, "judge": 0, "other": 0, "failed": 0}
    for e in entries:
        parts = e["path"].strip("/").split("/")
        if parts[0] != prefix or e["status"] != 200:
            calls["other" if parts[0] != prefix else "failed"] += 1
        else:
            calls["judge" if parts[1] == "judge" else "gen"] += 1
    urllib.request.urlopen(urllib.request.Request(base, method="DELETE"), timeout=60).close()
    first = min((e["received"] for e in entries), default=0) / 1000
    last = max((e["done"] for e in entries), default=0) / 1000
    calls["span"] = (last - first) if entries else 0.0
    calls["first"], calls["last"] = first, last
    print(json.dumps(calls))


def scored(tool, path):
    try:
        r = json.load(open(path))
    except (OSError, ValueError):
        print(json.dumps({"scored": 0, "unscored": -1, "unit": "none"}))  # no report: counted as a failure below
        return
    if tool == "pf":  # one test result per output: passed or failed (graded), or an error
        s = r["results"]["stats"]
        print(json.dumps({"scored": s["successes"] + s["failures"], "unscored": s["errors"], "unit": "outputs"}))
    else:  # one comparison per prompt
        c = r["overall"]["counts"]
        print(json.dumps({"scored": c["wins"] + c["ties"] + c["losses"], "unscored": c["unscored"] + c["errors"],
                          "unit": "pairs"}))


def table(path, delay, concurrency):
    delay, c = int(delay), int(concurrency)
    rows = [json.loads(line) for line in open(path) if line.strip()]
    for r in rows:
        r["ideal"] = r["calls"] * delay / 1000 / c
        r["eff"] = r["ideal"] / r["wall"]
        r["eff_span"] = r["ideal"] / r["span"] if r["span"] else 0.0
        r["lead"] = r["first"] - r["start"] if r["first"] else 0.0
        r["tail"] = r["start"] + r["wall"] - r["last"] if r["last"] else 0.0
        r["cpu_ms"] = 1000 * r["cpu"] / max(r["calls"], 1)
        r["rss_mib"] = r["rss_kib"] / 1024
    print("wall: ClaimBench server from POST /api/runs to the run's finishedAt; CLI and promptfoo the whole command")
    print("(JVM or Node start included). span: first call received to last answer sent (the stub's journal); before:")
    print("wall start to the first call; after: last answer to the end. ideal = calls x delay / concurrency; eff =")
    print("ideal / wall. CPU per call: user+sys of the server JVM during the run, of the CLI JVM or the node process")
    print("tree for the whole command. Peak RSS: the server's VmHWM, the largest process of the CLI's or promptfoo's tree.")
    print(f"\nMedians over rounds (delay {delay} ms, concurrency {c})")
    print(HEAD)
    for w in ("plain", "judged"):
        for t in TOOLS:
            rs = [r for r in rows if r["workload"] == w and r["tool"] == t]
            if rs:
                print(line(w, t, str(len(rs)), {k: statistics.median(r[k] for r in rs) for k in NUMBERS}))
    boots = [r for r in rows if "boot" in r]
    if boots:
        print(f"ClaimBench server start-up (launch to ready, before the wall above), median of {len(boots)}: "
              f"{statistics.median(r['boot'] for r in boots):.2f} s, "
              f"{statistics.median(r['boot_cpu'] for r in boots):.2f} CPU s")
    print("\nEvery round")
    print(HEAD.replace(" n ", "rd ", 1))
    for r in sorted(rows, key=lambda r: (r["workload"] != "plain", TOOLS.index(r["tool"]), r["round"])):
        print(line(r["workload"], r["tool"], str(r["round"]), r))
    for r in rows:
        if r["exit"] not in (0, 1, 2) or r["failed"] or r["other"] or r["unscored"]:
            print(f"WARNING: {TOOL_NAMES[r['tool']]} {r['workload']} round {r['round']}: exit {r['exit']}, "
                  f"{r['failed']} failed calls, {r['other']} calls from another tool, {r['scored']} {r['unit']} "
                  f"scored and {r['unscored']} not in its report")


NUMBERS = ("calls", "gen", "judge", "failed", "wall", "ideal", "eff", "lead", "span", "eff_span", "tail", "cpu_ms",
           "rss_mib")
HEAD = (f"{'workload':<8} {'tool':<19} {'n':>2} {'calls':>6} {'gen+judge':>10} {'fail':>4} {'wall s':>7} {'ideal s':>7} "
        f"{'eff':>5} {'before':>6} {'span s':>6} {'eff(span)':>9} {'after':>5} {'CPU ms/call':>11} {'peak RSS MiB':>12}")


def line(w, t, n, v):
    return (f"{w:<8} {TOOL_NAMES[t]:<19} {n:>2} {v['calls']:>6.0f} {v['gen']:>5.0f}+{v['judge']:<4.0f} "
            f"{v['failed']:>4.0f} {v['wall']:>7.2f} {v['ideal']:>7.2f} {v['eff']:>5.2f} {v['lead']:>6.2f} "
            f"{v['span']:>6.2f} {v['eff_span']:>9.2f} {v['tail']:>5.2f} {v['cpu_ms']:>11.2f} {v['rss_mib']:>12.0f}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "files":
        files(*args)
    elif cmd == "measure":
        measure(args[0], args[1], args[3:] if args[2] == "--" else args[2:])
    elif cmd == "journal":
        journal(*args)
    elif cmd == "scored":
        scored(*args)
    elif cmd == "table":
        table(*args)
    else:
        sys.exit(f"unknown subcommand {cmd}")
