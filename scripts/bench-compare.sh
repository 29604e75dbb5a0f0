#!/usr/bin/env bash
# Times the release `pakta` binary against peer tools on real treaties and writes the numbers down:
#   pakta diff    vs git diff --word-diff, wdiff and Python redlines (the ToTA pair US–Peru → US–Colombia)
#   pakta outline vs the pulldown-cmark CLI (a ~5 MB Markdown file: US–Peru ten times, renumbered)
#   pakta check   vs pakta outline (the same agreement)
#   pakta matrix  -j 1 vs -j 2 vs default (the nl-bwb Markdown texts and all imported ToTA treaties)
#   peak memory (/usr/bin/time -v) of outline and check on a ~100 MB agreement, and of the matrix.
# Results: target/bench-compare/results.json (raw) and results.md (a Markdown fragment); a ratio table on
# stdout. Run from anywhere: `bash scripts/bench-compare.sh`. Idempotent: tools and inputs are reused.
#
# Needs the shared corpus at ../shared/corpus (or $PAKTA_CORPUS). Installs, when missing: hyperfine,
# wdiff and time (Debian packages, as root), Python redlines (a venv in target/bench-venv, from PyPI) and
# the pulldown-cmark CLI (cargo install into target/bench-tools).
#
# Environment: RUNS (hyperfine --runs for the fast commands; default: hyperfine decides, at least 10),
# REDLINES_RUNS (default 3: one redlines run of the pair takes ~30 s), BIG_COPIES (default 200 copies of
# US–Peru, ~100 MB, for the memory runs), SKIP_MEMORY=1 (reuse the last peak-memory runs: `pakta check`
# on the 100 MB file takes over ten minutes), MEMORY_TIMEOUT (seconds, default 1800, per memory run; `pakta
# check` grows faster than linearly, see BENCHMARKS.md), SKIP_INSTALL=1 (only explain what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

corpus=${PAKTA_CORPUS:-$root/../shared/corpus}
out=$root/target/bench-compare
work=$out/work
venv=$root/target/bench-venv
tools=$root/target/bench-tools
pakta=$root/target/release/pakta
redlines_runs=${REDLINES_RUNS:-3}
big_copies=${BIG_COPIES:-200}
memory_timeout=${MEMORY_TIMEOUT:-1800}
runs_flag=()
[ -n "${RUNS:-}" ] && runs_flag=(--runs "$RUNS")

say() { printf '== %s\n' "$*" >&2; }
die() {
  printf 'bench-compare: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------- tools
install_deb() {
  local command=$1 package=$2
  command -v "$command" >/dev/null && return 0
  if [ -z "${SKIP_INSTALL:-}" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    say "installing $package (for $command)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" >/dev/null; }
  fi
  command -v "$command" >/dev/null ||
    die "$command is missing: install the Debian package $package (apt-get install $package), then run again"
}

install_deb hyperfine hyperfine
install_deb wdiff wdiff
install_deb python3 python3
[ -x /usr/bin/time ] || install_deb /usr/bin/time time
command -v git >/dev/null || die "git is missing"
command -v cargo >/dev/null || die "cargo is missing (https://rustup.rs)"

if ! "$venv/bin/python" -c 'import redlines' 2>/dev/null; then
  [ -z "${SKIP_INSTALL:-}" ] || die "Python redlines is missing: python3 -m venv $venv && $venv/bin/pip install redlines typing_extensions"
  say "installing Python redlines into $venv"
  python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  # redlines 0.6 imports typing_extensions without declaring it.
  "$venv/bin/pip" install -q redlines typing_extensions || die "pip could not install redlines"
fi

# The pulldown-cmark CLI at the version pakta itself parses with (from Cargo.lock).
cmark_version=$(awk '/^name = "pulldown-cmark"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
cmark=$tools/bin/pulldown-cmark
if [ ! -x "$cmark" ] || ! grep -q "pulldown-cmark $cmark_version" "$tools/.crates.toml" 2>/dev/null; then
  [ -z "${SKIP_INSTALL:-}" ] || die "the pulldown-cmark CLI is missing: cargo install pulldown-cmark --version $cmark_version --locked --root $tools"
  say "installing the pulldown-cmark CLI $cmark_version into $tools"
  cargo install pulldown-cmark --version "$cmark_version" --locked --root "$tools" --quiet
fi

# ---------------------------------------------------------------------------------------------- inputs
if [ ! -d "$corpus/tota/xml" ] || [ ! -d "$corpus/nl-bwb-treaties" ]; then
  die "no corpus at $corpus (expected tota/xml and nl-bwb-treaties); set PAKTA_CORPUS"
fi

say "building pakta (release)"
cargo build --release --locked -p pakta-cli --quiet

mkdir -p "$work/tota"
treaties=("$corpus"/tota/xml/*.xml)
say "importing ${#treaties[@]} ToTA treaties into $work/tota"
for xml in "${treaties[@]}"; do
  md=$work/tota/$(basename "$xml" .xml).md
  "$pakta" import "$xml" -o "$md.new" --force 2>/dev/null
  # Keep the old file (and its time stamp, which the scaled files are judged by) when nothing changed.
  if cmp -s "$md.new" "$md"; then rm "$md.new"; else mv "$md.new" "$md"; fi
done
a=$work/tota/pta_156.md # US–Peru
b=$work/tota/pta_342.md # US–Colombia
small=$root/agreements/examples/id-tw-mou.en.md

# N copies of a ToTA Markdown file's body after its front matter and title, article numbers shifted by
# 1000 per copy (Article 2.3 → Article 1002.3) so every number stays unique and ascending.
scale() {
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8").read()
cut = text.index("\n## ") + 1  # the first chapter heading: front matter and title come before it
head, body = text[:cut], text[cut:]
article = re.compile(r"^(### Article )(\d+)", re.M)
with open(dst + ".tmp", "w", encoding="utf-8") as out:
    out.write(head)
    for c in range(copies):
        out.write(body if c == 0 else article.sub(lambda m: m.group(1) + str(int(m.group(2)) + 1000 * c), body))
import os
os.replace(dst + ".tmp", dst)
PY
}
big=$work/big.md
huge=$work/huge.md
if [ ! -s "$big" ] || [ "$a" -nt "$big" ]; then
  scale "$a" "$big" 10
fi
if [ ! -s "$huge" ] || [ "$a" -nt "$huge" ] || [ "$(cat "$huge.copies" 2>/dev/null)" != "$big_copies" ]; then
  scale "$a" "$huge" "$big_copies"
  echo "$big_copies" >"$huge.copies"
fi

matrix_files=("$corpus"/nl-bwb-treaties/BWBV*.md "$work"/tota/*.md)

cat >"$work/redlines_diff.py" <<'PY'
"""Python redlines on two files: the Markdown redline, as `pakta diff` prints its text redline."""
import sys

from redlines import Redlines

old = open(sys.argv[1], encoding="utf-8").read()
new = open(sys.argv[2], encoding="utf-8").read()
sys.stdout.write(Redlines(old, new).output_markdown)
PY

# ---------------------------------------------------------------------------------------------- timing
rel() { realpath -s --relative-to="$root" "$1"; } # shorter command names in the results
A=$(rel "$a") B=$(rel "$b") BIG=$(rel "$big") HUGE=$(rel "$huge") SMALL=$(rel "$small")
P=target/release/pakta
CMARK=$(rel "$cmark")
PY=$(rel "$venv/bin/python")
RL=$(rel "$work/redlines_diff.py")
M=()
for f in "${matrix_files[@]}"; do M+=("$(rel "$f")"); done
MATRIX_FILES="${M[*]}"

# One hyperfine run per group: `hf GROUP [hyperfine options] -- NAME COMMAND [NAME COMMAND ...]`. The exact
# commands go to commands.tsv (hyperfine's JSON keeps only the names).
: >"$out/commands.tsv"
hf() {
  local group=$1 options=() commands=()
  shift
  while [ "$1" != -- ]; do
    options+=("$1")
    shift
  done
  shift
  while [ $# -gt 0 ]; do
    commands+=(-n "$1" "$2")
    printf '%s\t%s\t%s\n' "$group" "$1" "$2" >>"$out/commands.tsv"
    shift 2
  done
  say "hyperfine: $group"
  # -N: no intermediate shell, so millisecond commands are not lost in the shell's start-up correction.
  hyperfine -N --style basic --export-json "$out/$group.json" "${options[@]}" "${commands[@]}" >&2
}

# git diff, wdiff and pakta diff exit 1 when the files differ: -i.
hf diff --warmup 3 "${runs_flag[@]}" -i -- \
  "pakta diff" "$P diff $A $B --format text" \
  "git diff --word-diff" "git diff --no-index --word-diff $A $B" \
  "wdiff" "wdiff $A $B"
hf redlines --warmup 1 --runs "$redlines_runs" -i -- \
  "python redlines" "$PY $RL $A $B"
hf outline --warmup 3 "${runs_flag[@]}" -- \
  "pakta outline" "$P outline $BIG --format json" \
  "pulldown-cmark" "$CMARK -T -F -S -M $BIG"
hf check --warmup 3 "${runs_flag[@]}" -- \
  "pakta check (US-Peru)" "$P check $A --format json" \
  "pakta outline (US-Peru)" "$P outline $A --format json" \
  "pakta check (id-tw-mou.en)" "$P check $SMALL --format json" \
  "pakta outline (id-tw-mou.en)" "$P outline $SMALL --format json"
hf matrix --warmup 3 "${runs_flag[@]}" -- \
  "pakta matrix -j 1" "$P matrix $MATRIX_FILES --format csv -j 1" \
  "pakta matrix -j 2" "$P matrix $MATRIX_FILES --format csv -j 2" \
  "pakta matrix (default)" "$P matrix $MATRIX_FILES --format csv"

# Peak memory: one run each under /usr/bin/time -v (which counts the command under `timeout` too); a run
# cut by the time limit is recorded with exit status 124.
memory() { # name, command...
  local name=$1
  shift
  say "memory: $name"
  local status=0
  /usr/bin/time -v -o "$out/$name.time" timeout "$memory_timeout" "$@" >/dev/null 2>"$out/$name.stderr" ||
    status=$?
  echo "$status" >"$out/$name.status"
}
if [ -n "${SKIP_MEMORY:-}" ] && [ -s "$out/mem-check-huge.time" ]; then
  say "memory: SKIP_MEMORY set; the previous peak-memory runs are reported again (see their dates)"
else
  memory mem-outline-huge "$P" outline "$HUGE" --format json
  memory mem-check-huge "$P" check "$HUGE" --format json
  memory mem-matrix "$P" matrix "${M[@]}" --format csv
  memory mem-diff-pair "$P" diff "$A" "$B" --format text
fi

# ---------------------------------------------------------------------------------------------- report
export BENCH_OUT=$out BENCH_ROOT=$root
export BENCH_FILES_A=$A BENCH_FILES_B=$B BENCH_FILES_BIG=$BIG BENCH_FILES_HUGE=$HUGE BENCH_FILES_SMALL=$SMALL
export BENCH_MATRIX_COUNT=${#M[@]} BENCH_MATRIX_FILES=$MATRIX_FILES BENCH_HUGE_COPIES=$big_copies
BENCH_V_HYPERFINE="$(hyperfine --version)"
export BENCH_V_HYPERFINE
BENCH_V_WDIFF="$(wdiff --version | head -n 1)"
export BENCH_V_WDIFF
BENCH_V_GIT="$(git --version)"
export BENCH_V_GIT
BENCH_V_PYTHON="$("$venv/bin/python" --version)"
export BENCH_V_PYTHON
BENCH_V_REDLINES="redlines $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("redlines"))')"
export BENCH_V_REDLINES
BENCH_V_CMARK="pulldown-cmark $cmark_version (CLI, cargo install)"
export BENCH_V_CMARK
BENCH_V_PAKTA="$("$P" --version) ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates || echo ', with uncommitted changes in crates/'))"
export BENCH_V_PAKTA
BENCH_V_RUSTC="$(rustc --version)"
export BENCH_V_RUSTC
python3 - <<'PY'
import json, os, platform, re, subprocess, datetime

out = os.environ["BENCH_OUT"]
env = os.environ


def load(name):
    with open(f"{out}/{name}.json", encoding="utf-8") as f:
        return {r["command"]: r for r in json.load(f)["results"]}


timings = {}
for group in ["diff", "redlines", "outline", "check", "matrix"]:
    timings.update(load(group))
commands = {}
for line in open(f"{out}/commands.tsv", encoding="utf-8"):
    group, name, command = line.rstrip("\n").split("\t")
    commands[name] = command
for name, t in timings.items():
    t["command"] = commands[name]


def median(name):
    # The median, not the mean: the machine is shared, and the mean follows the other jobs' bursts.
    return timings[name]["median"]


def memory(name):
    text = open(f"{out}/{name}.time", encoding="utf-8").read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    command = re.search(r'Command being timed: "(.*)"', text).group(1)
    cpu = int(re.search(r"Percent of CPU this job got: (\d+)%", text).group(1))
    status = int(open(f"{out}/{name}.status").read())
    when = datetime.datetime.fromtimestamp(os.path.getmtime(f"{out}/{name}.time"), datetime.timezone.utc)
    return {"command": command, "max_rss_kib": rss, "max_rss_mib": round(rss / 1024, 1),
            "wall_seconds": seconds, "cpu_percent": cpu, "exit_status": status, "measured": when.replace(microsecond=0).isoformat()}


def cpu_model():
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def ram():
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def loadavg():
    return open("/proc/loadavg", encoding="utf-8").read().split()[:3]


# ratio rows: (label, pakta command, peer command, target ratio or None)
ratios = [
    ("diff: pakta ÷ git diff --word-diff", "pakta diff", "git diff --word-diff", 1.0),
    ("diff: pakta ÷ wdiff", "pakta diff", "wdiff", 0.2),
    ("diff: pakta ÷ Python redlines", "pakta diff", "python redlines", 0.02),
    ("outline: pakta ÷ pulldown-cmark CLI", "pakta outline", "pulldown-cmark", 1.5),
    ("check ÷ outline (US-Peru)", "pakta check (US-Peru)", "pakta outline (US-Peru)", 3.0),
    ("check ÷ outline (id-tw-mou.en)", "pakta check (id-tw-mou.en)", "pakta outline (id-tw-mou.en)", 3.0),
    ("matrix: -j 2 ÷ -j 1", "pakta matrix -j 2", "pakta matrix -j 1", 1 / 1.7),
    ("matrix: default ÷ -j 1", "pakta matrix (default)", "pakta matrix -j 1", None),
]
rows = []
for label, ours, peer, target in ratios:
    r = median(ours) / median(peer)
    rows.append({"comparison": label, "pakta": ours, "peer": peer, "pakta_seconds": median(ours),
                 "peer_seconds": median(peer), "ratio": r, "target_ratio": target,
                 "met": None if target is None else r <= target})
speedup = median("pakta matrix -j 1") / median("pakta matrix -j 2")

mem = {name: memory(name) for name in ["mem-outline-huge", "mem-check-huge", "mem-matrix", "mem-diff-pair"]}
huge_bytes = os.path.getsize(os.path.join(env["BENCH_ROOT"], env["BENCH_FILES_HUGE"]))
machine = {
    "nproc": int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()),
    "cpu": cpu_model(),
    "ram": ram(),
    "kernel": platform.release(),
    "loadavg_at_end": loadavg(),
    "rustc": env["BENCH_V_RUSTC"],
}
tools = {k: env[f"BENCH_V_{k.upper()}"] for k in ["pakta", "hyperfine", "wdiff", "git", "python", "redlines", "cmark"]}
inputs = {
    "diff_old": env["BENCH_FILES_A"], "diff_new": env["BENCH_FILES_B"],
    "outline_big": env["BENCH_FILES_BIG"], "memory_huge": env["BENCH_FILES_HUGE"],
    "memory_huge_bytes": huge_bytes, "memory_huge_copies": int(env["BENCH_HUGE_COPIES"]),
    "small": env["BENCH_FILES_SMALL"], "matrix_file_count": int(env["BENCH_MATRIX_COUNT"]),
    "sizes": {k: os.path.getsize(os.path.join(env["BENCH_ROOT"], env[f"BENCH_FILES_{k.upper()}"]))
              for k in ["a", "b", "big", "small"]},
}
matrix_files = env["BENCH_MATRIX_FILES"].split()
date = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
result = {"date": date, "machine": machine, "tools": tools, "inputs": inputs,
          "timings": {k: {f: v[f] for f in ["command", "mean", "stddev", "median", "min", "max", "user", "system"]}
                      | {"runs": len(v["times"]), "exit_codes": sorted(set(v.get("exit_codes") or [])),
                         "cpu_percent": round(100 * (v["user"] + v["system"]) / v["mean"])}
                      for k, v in timings.items()},
          "ratios": rows, "matrix_speedup_j2": speedup, "memory": mem}
with open(f"{out}/results.json", "w", encoding="utf-8") as f:
    json.dump(result, f, indent=2, ensure_ascii=False)


def s(x):
    return f"{x:.4f}" if x < 1 else f"{x:.3f}"


md = []
md.append(f"Measured {date} on {machine['nproc']} cores ({machine['cpu']}), {machine['ram']} RAM, "
          f"Linux {machine['kernel']}, {machine['rustc']}; load average at the end "
          f"{' '.join(machine['loadavg_at_end'])}.\n")
md.append("Tools: " + "; ".join(tools.values()) + ".\n")
md.append("Commands run from the repository root; `target/release/pakta` is built by the script.\n")
md.append("MATRIX_FILES: " + " ".join(matrix_files) + "\n")
md.append("cpu % is (user + system) ÷ mean wall time: about 100 for a single-threaded command that had a core to "
          "itself; less means it waited for the CPU (other jobs ran).\n")
md.append("| command | median s | mean s | ± s | min s | runs | cpu % | exact command |")
md.append("|---|---:|---:|---:|---:|---:|---:|---|")
for name, t in result["timings"].items():
    command = t["command"].replace(" ".join(matrix_files), "MATRIX_FILES")
    md.append(f"| {name} | {s(t['median'])} | {s(t['mean'])} | {s(t['stddev'] or 0)} | {s(t['min'])} | {t['runs']} | {t['cpu_percent']} | `{command}` |")
md.append("")
md.append("Ratios are of medians.\n")
md.append("| comparison | pakta s | peer s | ratio | target | met |")
md.append("|---|---:|---:|---:|---:|---|")
for r in rows:
    target = "—" if r["target_ratio"] is None else f"≤ {r['target_ratio']:.3g}×"
    met = "—" if r["met"] is None else ("met" if r["met"] else "**not met**")
    md.append(f"| {r['comparison']} | {s(r['pakta_seconds'])} | {s(r['peer_seconds'])} | {r['ratio']:.3g}× | {target} | {met} |")
md.append(f"\nmatrix speed-up, -j 1 ÷ -j 2: {speedup:.2f}× (target ≥ 1.7×: {'met' if speedup >= 1.7 else 'not met'})\n")
md.append("| peak memory | max RSS MiB | wall s | cpu % | exit | measured | exact command |")
md.append("|---|---:|---:|---:|---:|---|---|")
for name, m in mem.items():
    command = m["command"]
    if name == "mem-matrix":
        command = command.replace(" ".join(matrix_files), "MATRIX_FILES")
    md.append(f"| {name} | {m['max_rss_mib']} | {m['wall_seconds']:.2f} | {m['cpu_percent']} | {m['exit_status']} | {m['measured']} | `{command}` |")
md.append(f"\n{env['BENCH_FILES_HUGE']}: {huge_bytes / 1e6:.1f} MB ({inputs['memory_huge_copies']} renumbered copies of US–Peru).")
with open(f"{out}/results.md", "w", encoding="utf-8") as f:
    f.write("\n".join(md) + "\n")

width = max(len(r["comparison"]) for r in rows)
print(f"{'comparison':<{width}}  {'pakta s':>9}  {'peer s':>9}  {'ratio':>8}  target")
for r in rows:
    target = "" if r["target_ratio"] is None else f"≤ {r['target_ratio']:.3g}× " + ("met" if r["met"] else "NOT MET")
    print(f"{r['comparison']:<{width}}  {r['pakta_seconds']:>9.4f}  {r['peer_seconds']:>9.4f}  {r['ratio']:>7.3g}×  {target}")
print(f"matrix speed-up -j1/-j2: {speedup:.2f}×")
for name, m in mem.items():
    print(f"{name}: {m['max_rss_mib']} MiB peak, {m['wall_seconds']:.2f} s")
print(f"\nwrote {out}/results.json and {out}/results.md")
PY
