#!/usr/bin/env python3
"""Measures sitegen (and Hugo, when given) and prints the tables of Benchmarks/README.md.

Called by Benchmarks/run, which builds the release binary and installs the tools:

  bench.py --sitegen BIN --templates DIR --content DIR --work DIR [--hugo BIN]
           [--runs-small N] [--runs-large N]

Every case is one hyperfine run (no shell, output folder removed before each run) whose
command is wrapped in GNU `/usr/bin/time -v -a -o LOG`, so wall time (hyperfine's median) and
peak RSS and CPU time (time's report of the same runs) come from the same runs.
"""

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus.py")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def markdown_mb(folder):
    total = 0
    for d, _, names in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(d, n)) for n in names if n.endswith(".md"))
    return total / 1e6


def html_pages(folder):
    return sum(1 for d, _, names in os.walk(folder) for n in names if n.endswith(".html"))


def can_drop_caches():
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("1\n")
        return True
    except OSError:
        return False


def parse_time_log(path):
    """[(peak_kib, user_s, sys_s, wall_s)] per run from GNU time -v reports appended to path."""
    with open(path) as f:
        text = f.read()
    runs = []
    for block in text.split("Command being timed:")[1:]:
        def field(name):
            m = re.search(re.escape(name) + r":\s*(\S+)", block)
            return m.group(1) if m else None
        wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
        seconds = 0.0
        for part in wall.split(":"):
            seconds = seconds * 60 + float(part)
        status = int(field("Exit status") or 0)
        runs.append((int(field("Maximum resident set size (kbytes)")), float(field("User time (seconds)")),
                     float(field("System time (seconds)")), seconds, status))
    return runs


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = args.work
        self.results = []
        self.cold_possible = not args.no_drop_caches and can_drop_caches()

    def measure(self, case, tool, command, output, source, runs, cold=False, warmup=None, keep=False):
        """Runs `command` (a list) `runs` times under hyperfine; returns a result dict."""
        slug = re.sub(r"[^a-z0-9]+", "-", (tool + " " + case).lower()).strip("-")
        prep = os.path.join(self.work, "prepare-%s.sh" % slug)
        with open(prep, "w") as f:
            f.write("#!/bin/sh\n" + ("" if keep else "rm -rf '%s'\n" % output))
            if cold and self.cold_possible:
                f.write("sync\necho 3 > /proc/sys/vm/drop_caches\n")
        timelog = os.path.join(self.work, "time-%s.log" % slug)
        hjson = os.path.join(self.work, "hyperfine-%s.json" % slug)
        for p in (timelog, hjson):
            if os.path.exists(p):
                os.remove(p)
        if warmup is None:
            warmup = 0 if cold else 1
        wrapped = ["/usr/bin/time", "-v", "-a", "-o", timelog] + command
        log("  %s / %s: %d run%s%s" % (tool, case, runs, "s" if runs > 1 else "",
                                        " (page cache dropped before each)" if cold and self.cold_possible else
                                        (" after 1 warm-up" if warmup else ", no warm-up")))
        hf = ["hyperfine", "-N", "--style", "none", "--runs", str(runs), "--warmup", str(warmup),
              "--prepare", "sh " + prep, "--export-json", hjson, " ".join(wrapped)]
        proc = subprocess.run(hf, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            # Show what the tool said on a plain run.
            subprocess.run(["sh", prep])
            plain = subprocess.run(command, capture_output=True, text=True)
            sys.exit("hyperfine failed for %s / %s:\n%s\n%s%s" % (tool, case, proc.stderr, plain.stdout, plain.stderr[-3000:]))
        with open(hjson) as f:
            h = json.load(f)["results"][0]
        tr = parse_time_log(timelog)[-runs:]
        pages = html_pages(output)
        mb = markdown_mb(source)
        wall = h["median"]
        r = dict(case=case, tool=tool, runs=runs, cold=cold and self.cold_possible, pages=pages, mb=mb,
                 wall=wall, wall_min=h["min"], wall_max=h["max"],
                 rss_mib=statistics.median(t[0] for t in tr) / 1024,
                 cpu=statistics.median((t[1] + t[2]) / t[3] if t[3] > 0 else float("nan") for t in tr) * 100,
                 user=statistics.median(t[1] for t in tr), sys=statistics.median(t[2] for t in tr))
        r["pps"] = pages / wall
        self.results.append(r)
        return r

    def sitegen(self, case, content, runs, cold=False, warmup=None, keep=False):
        out = os.path.join(self.work, "out-sitegen-" + re.sub(r"\W+", "-", case.split(",")[0]))
        cmd = [self.args.sitegen, "build", "--content", content, "--templates", self.args.templates, "--output", out]
        return self.measure(case, "sitegen", cmd, out, content, runs, cold, warmup, keep)

    def hugo(self, case, site, runs, cold=False, warmup=None, keep=False):
        out = os.path.join(self.work, "out-hugo-" + re.sub(r"\W+", "-", case.split(",")[0]))
        cmd = [self.args.hugo, "--quiet", "--source", site, "--destination", out,
               "--cacheDir", os.path.join(self.work, "hugo-cache")]
        return self.measure(case, "Hugo", cmd, out, os.path.join(site, "content"), runs, cold, warmup, keep)


def corpus(kind, content, copies, out):
    subprocess.run([sys.executable, CORPUS, kind, content, str(copies), out], check=True)
    return out


def strict_check(args, content, label):
    """Runs `sitegen build --strict` once under GNU time; returns (ok, summary)."""
    out = os.path.join(args.work, "out-strict")
    timelog = os.path.join(args.work, "time-strict.log")
    shutil.rmtree(out, ignore_errors=True)
    if os.path.exists(timelog):
        os.remove(timelog)
    p = subprocess.run(["/usr/bin/time", "-v", "-o", timelog, args.sitegen, "build", "--strict", "--content", content,
                        "--templates", args.templates, "--output", out], capture_output=True, text=True)
    shutil.rmtree(out, ignore_errors=True)
    peak, user, system, wall, _ = parse_time_log(timelog)[0]
    cost = "one run: %.2f s, peak RSS %.0f MiB, CPU %.0f%%" % (wall, peak / 1024, 100 * (user + system) / max(wall, 1e-9))
    lines = (p.stdout + p.stderr).strip().splitlines()
    if p.returncode == 0:
        return True, "`sitegen build --strict` on %s: exit 0 (%s) [%s]" % (
            label, p.stdout.strip().splitlines()[-1] if p.stdout.strip() else "", cost)
    shown = "\n".join("    " + l for l in lines[:20])
    more = "\n    … %d more lines" % (len(lines) - 20) if len(lines) > 20 else ""
    return False, "`sitegen build --strict` on %s: exit %d [%s]\n%s%s" % (label, p.returncode, cost, shown, more)


def stage_timings(args, content, label, runs=3):
    """Medians over `runs` runs of `sitegen build --timings`: [(stage, ms)] and the wall time."""
    out = os.path.join(args.work, "out-timings")
    per_stage = {}
    order = []
    walls = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.time()
        p = subprocess.run([args.sitegen, "build", "--timings", "--content", content,
                            "--templates", args.templates, "--output", out], capture_output=True, text=True)
        walls.append(time.time() - t0)
        for line in p.stdout.splitlines():
            m = re.match(r"^\s+(\S+)\s+([0-9.]+) ms$", line)
            if m:
                if m.group(1) not in per_stage:
                    order.append(m.group(1))
                per_stage.setdefault(m.group(1), []).append(float(m.group(2)))
    shutil.rmtree(out, ignore_errors=True)
    return [(s, statistics.median(per_stage[s])) for s in order], statistics.median(walls)


def fmt_row(r):
    return "| %s | %s | %d | %.2f | %d | %.3f (%.3f–%.3f) | %.0f | %.0f | %.0f%% |" % (
        r["case"], r["tool"], r["pages"], r["mb"], r["runs"],
        r["wall"], r["wall_min"], r["wall_max"], r["rss_mib"], r["pps"], r["cpu"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitegen", required=True)
    ap.add_argument("--templates", required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--hugo")
    ap.add_argument("--runs-small", type=int, default=10)
    ap.add_argument("--runs-large", type=int, default=3)
    ap.add_argument("--no-drop-caches", action="store_true")
    ap.add_argument("--timings", action="store_true")
    args = ap.parse_args()
    b = Bench(args)
    start = time.time()

    log("Generating corpora in %s" % args.work)
    copies = {1: args.content}
    for n in (10, 50, 100):
        copies[n] = corpus("sitegen", args.content, n, os.path.join(args.work, "sitegen-%dx" % n))
    hugo_sites = {}
    if args.hugo:
        for n in (1, 10, 50, 100):
            hugo_sites[n] = corpus("hugo", args.content, n, os.path.join(args.work, "hugo-%dx" % n))

    log("Strict check")
    checks = [strict_check(args, args.content, "the shipped content"),
              strict_check(args, copies[100], "the 100x corpus")]

    log("Measuring")
    rs, rl = args.runs_small, args.runs_large
    main_rows = []
    pairs = []
    s_cold = b.sitegen("shipped, cold", args.content, rs, cold=True)
    s_warm = b.sitegen("shipped, warm", args.content, rs)
    s_re = b.sitegen("shipped, rebuild", args.content, rs, keep=True)
    main_rows += [s_cold, s_warm, s_re]
    if args.hugo:
        h_cold = b.hugo("shipped, cold", hugo_sites[1], rs, cold=True)
        h_warm = b.hugo("shipped, warm", hugo_sites[1], rs)
        h_re = b.hugo("shipped, rebuild", hugo_sites[1], rs, keep=True)
        main_rows += [h_cold, h_warm, h_re]
        pairs += [(s_cold, h_cold), (s_warm, h_warm), (s_re, h_re)]
    lin = {}
    for n in (10, 50):
        lin[n] = b.sitegen("%dx corpus" % n, copies[n], rl, warmup=0)
    s_100 = b.sitegen("100x corpus", copies[100], rl, warmup=0)
    s_100re = b.sitegen("100x corpus, rebuild", copies[100], rl, warmup=0, keep=True)
    lin[100] = s_100
    main_rows += [s_100, s_100re]
    hlin = {}
    if args.hugo:
        for n in (10, 50):
            hlin[n] = b.hugo("%dx corpus" % n, hugo_sites[n], rl, warmup=0)
        h_100 = b.hugo("100x corpus", hugo_sites[100], rl, warmup=0)
        h_100re = b.hugo("100x corpus, rebuild", hugo_sites[100], rl, warmup=0, keep=True)
        hlin[100] = h_100
        main_rows += [h_100, h_100re]
        pairs += [(s_100, h_100), (s_100re, h_100re)]

    # ---- report ----
    print("### Builds\n")
    print("Median of the runs; wall time from hyperfine (min–max in brackets); peak RSS (maximum resident "
          "set size) and CPU = (user+sys)/wall from GNU time, medians of the same runs. CPU above 100% "
          "means more than one core was busy. MB = Markdown read (10^6 bytes); MiB = 2^20 bytes.\n")
    print("| case | tool | pages | MB md | runs | wall s, median (min–max) | peak RSS MiB | pages/s | CPU |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in main_rows:
        print(fmt_row(r))
    if pairs:
        print("\n### sitegen / Hugo\n")
        print("| case | time ratio | peak memory ratio | sitegen CPU | Hugo CPU |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for s, h in pairs:
            print("| %s | %.2f | %.2f | %.0f%% | %.0f%% |" % (s["case"],
                  s["wall"] / h["wall"], s["rss_mib"] / h["rss_mib"], s["cpu"], h["cpu"]))

    print("\n### Linearity\n")
    print("Linear growth means a constant cost per added copy of the chapters and notes. 's/copy' is "
          "the marginal cost from the previous size, (wall - previous wall) / (copies - previous copies); "
          "it stays flat if build time is linear in content. b is the least-squares exponent of "
          "wall ∝ MB^b over 10x, 50x and 100x (fixed costs, such as the profile pages, pull it below 1).\n")
    print("| tool | corpus | pages | MB md | wall s | ms/MB | s/copy | peak RSS MiB | MiB/MB |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    exps = []
    for tool, series, small in (("sitegen", lin, s_warm),) + ((("Hugo", hlin, h_warm),) if args.hugo else ()):
        rows = [(1, small)] + [(n, series[n]) for n in (10, 50, 100)]
        marginal = {}
        for (n0, r0), (n, r) in zip(rows, rows[1:]):
            marginal[n] = (r["wall"] - r0["wall"]) / (n - n0)
        for n, r in rows:
            print("| %s | %s | %d | %.2f | %.3f | %.0f | %s | %.0f | %.1f |" % (
                tool, "1x (shipped)" if n == 1 else "%dx" % n, r["pages"], r["mb"], r["wall"],
                1000 * r["wall"] / r["mb"], "%.3f" % marginal[n] if n in marginal else "",
                r["rss_mib"], r["rss_mib"] / r["mb"]))
        xs = [math.log(series[n]["mb"]) for n in (10, 50, 100)]
        ys = [math.log(series[n]["wall"]) for n in (10, 50, 100)]
        mx, my = sum(xs) / 3, sum(ys) / 3
        b_exp = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        ratio = marginal[100] / marginal[50]
        exps.append((tool, b_exp, ratio, marginal[50], marginal[100]))
    print()
    for tool, b_exp, ratio, m50, m100 in exps:
        print("- %s: b = %.2f; cost per added copy %.3f s from 10x to 50x, %.3f s from 50x to 100x (x%.2f)."
              % (tool, b_exp, m50, m100, ratio))

    print("\n### Targets\n")
    def verdict(ok):
        return "met" if ok else "**not met**"
    if args.hugo:
        t1 = s_warm["wall"] / h_warm["wall"]
        t1c = s_cold["wall"] / h_cold["wall"]
        t1r = s_re["wall"] / h_re["wall"]
        t100 = s_100["wall"] / h_100["wall"]
        m100 = s_100["rss_mib"] / h_100["rss_mib"]
        print("- Shipped site under 0.5x Hugo's time: %.2fx warm, %.2fx cold, %.2fx rebuild: %s"
              % (t1, t1c, t1r, verdict(max(t1, t1c, t1r) < 0.5)))
        print("- 100x corpus under 0.7x Hugo's time: %.2fx (%.2f s vs %.2f s): %s" % (t100, s_100["wall"], h_100["wall"], verdict(t100 < 0.7)))
        print("- 100x corpus at most half Hugo's peak memory: %.2fx (%.0f MiB vs %.0f MiB): %s" % (m100, s_100["rss_mib"], h_100["rss_mib"], verdict(m100 <= 0.5)))
    else:
        print("- Hugo not measured (run without --no-hugo for the ratios).")
    cores = os.cpu_count() or 1
    print("- Both cores busy on the 100x corpus (CPU >= 170%%, as the issue asks): %.0f%% of one core: %s" % (s_100["cpu"], verdict(s_100["cpu"] >= 170)))
    sb = exps[0]
    print("- Build time linear in content (cost per added copy from 50x to 100x at most 1.2x that from 10x to 50x, "
          "and b <= 1.1): x%.2f, b = %.2f: %s" % (sb[2], sb[1], verdict(sb[2] <= 1.2 and sb[1] <= 1.1)))

    if args.timings:
        print("\n### Stage timings (sitegen build --timings, median of 3 runs, ms)\n")
        tables = [("shipped",) + stage_timings(args, args.content, "shipped"),
                  ("100x corpus",) + stage_timings(args, copies[100], "100x")]
        stages = []
        for _, rows, _ in tables:
            for name, _ in rows:
                if name not in stages:
                    stages.append(name)
        print("| stage | " + " | ".join(t[0] for t in tables) + " |")
        print("| --- | " + " | ".join("---:" for _ in tables) + " |")
        for name in stages:
            print("| %s | %s |" % (name, " | ".join("%.1f" % dict(rows).get(name, float("nan")) for _, rows, _ in tables)))
        print("| (wall, whole process) | %s |" % " | ".join("%.1f" % (1000 * w) for _, _, w in tables))

    print("\n### Checks\n")
    for ok, text in checks:
        print("- " + text)
    if not b.cold_possible:
        print("- The page cache was not dropped (--no-drop-caches, or not root / /proc/sys/vm/drop_caches "
              "not writable): 'cold' rows are runs without warm-up, output folder removed, files possibly cached.")
    log("Measured in %.0f s" % (time.time() - start))
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(b.results, f, indent=1)


if __name__ == "__main__":
    main()
