#!/usr/bin/env python3
"""S3Hound benchmark: `s3hound hunt` against DuckDB, jq and the gunzip floors on the same simulated logs.

Run it through scripts/bench (which installs what is missing and builds the release binary):

  scripts/bench                          # the 100k and 1m corpora, 3 runs each
  scripts/bench --sizes 100k,1m,10m      # also the 10m corpus (BENCH_10M=1 does the same)
  scripts/bench --runs 5 --parser both   # also hunt with --json-parser reference
  scripts/bench --s3                     # also hunt s3:// from local servers (moto, and a static S3) holding the corpus

For each corpus (generated once into .build-bench/, keyed by its parameters) every tool computes the
reference query — GetObject requests and bytes (additionalEventData.bytesTransferredOut) per principal
and source IP — and the answers must agree exactly; any difference is printed as MISMATCH and the exit
status is 1. The table gives wall and CPU time (user + system of the tool's processes), peak RSS, events/s
and MB/s of uncompressed JSON, how many times faster s3hound is than each row (×DuckDB: DuckDB-best's wall
time over the row's), and each row's wall time over the single-core libdeflate-gunzip floor (×floor).
Results are also written as JSON to .build-bench/results-<date>.json.

With --s3 the corpus is also uploaded to a moto_server started on 127.0.0.1 (moto from PyPI, as the tests
use; no signature checking) and hunted as s3://bench/AWSLogs/ through the same client users run against
AWS: the row shows whether listing, download, decompression and scanning overlap (CPU s over wall s is how
many cores the hunt kept busy), and the server's own CPU time is printed beside it, since moto shares the
machine's cores. Moto serves about 160 objects a second, so that row measures moto; a second row hunts the
same objects from Benchmarks/static_s3.py (ListObjectsV2 and GetObject from the corpus directory, thousands
of objects a second), which shows whether s3hound keeps both cores busy when the server keeps up.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import socket
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".build-bench"
HERE = Path(__file__).resolve().parent

# The corpora: 30 days (a week of baseline, then three weeks judged) of the benign scenario with a crowd,
# so principals and source IPs have an organisation's cardinality. Scale and crowd were measured to land
# near the named number of events (the simulator's volumes are random around their means).
CORPORA = {
    "100k": {"scenario": "benign", "days": 30, "scale": 0.3, "crowd": 200, "seed": 1},
    "1m": {"scenario": "benign", "days": 30, "scale": 0.43, "crowd": 2000, "seed": 1},
    "10m": {"scenario": "benign", "days": 30, "scale": 1.83, "crowd": 5000, "seed": 1},
}
LOG_GLOB = "AWSLogs/*/CloudTrail/*/*/*/*/*.json.gz"
CORPUS_FILE = "bench.s3hound.json"  # hunts skip *.s3hound.json


def log(message):
    print(message, file=sys.stderr, flush=True)


def corpus_directory(name, parameters):
    p = parameters
    return BENCH / f"corpus-{name}-{p['scenario']}-d{p['days']}-s{p['scale']}-c{p['crowd']}-seed{p['seed']}"


def log_files(directory):
    return sorted(directory.glob(LOG_GLOB))


def write_file_list(files, path):
    path.write_bytes(b"".join(os.fsencode(f) + b"\0" for f in files))


def measure(argv, stdout=None, env=None):
    """Runs a command; returns wall seconds, CPU seconds (user + system of it and its waited-for children),
    peak RSS in MB (of its largest process), the exit status and standard error."""
    with tempfile.TemporaryFile() as err:
        out = open(stdout, "wb") if stdout else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            process = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdout:
                out.close()
        err.seek(0)
        return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rssMB": usage.ru_maxrss / 1024,
                "status": process.returncode, "stderr": err.read().decode(errors="replace")}


def read_answer(path, header=True):
    """A totals CSV as {(principal, source_ip): (requests, bytes)}."""
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    if header:
        if not rows or rows[0] != ["principal", "source_ip", "requests", "bytes"]:
            raise ValueError(f"{path}: header is {rows[:1]}")
        rows = rows[1:]
    answer = {}
    for row in rows:
        key = (row[0], row[1])
        if key in answer:
            raise ValueError(f"{path}: {key} appears twice")
        answer[key] = (int(row[2]), int(float(row[3])))
    return answer


def generate(name, parameters, binary, regenerate):
    """The corpus directory, generated when missing, with its description (events, bytes, cardinality)."""
    directory = corpus_directory(name, parameters)
    described = directory / CORPUS_FILE
    if regenerate and directory.exists():
        shutil.rmtree(directory)
    if described.exists():
        return directory, json.loads(described.read_text())
    if directory.exists():
        shutil.rmtree(directory)  # an interrupted generation
    partial = directory.with_name(directory.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    BENCH.mkdir(exist_ok=True)
    p = parameters
    log(f"bench: generating the {name} corpus ({p['days']} days, --scale {p['scale']}, --crowd {p['crowd']}) into {directory}")
    run = measure([binary, "simulate", "--scenario", p["scenario"], "--out", str(partial), "--days", str(p["days"]),
                   "--scale", str(p["scale"]), "--crowd", str(p["crowd"]), "--seed", str(p["seed"])])
    if run["status"] != 0:
        sys.exit(f"bench: simulate failed:\n{run['stderr']}")
    partial.rename(directory)
    files = log_files(directory)
    listed = directory / "files.tmp"
    write_file_list(files, listed)
    size = subprocess.run(["sh", "-c", 'xargs -0 -a "$1" zcat -- | wc -c', "sh", str(listed)], check=True,
                          capture_output=True, text=True).stdout
    listed.unlink()
    description = {
        "name": name, "parameters": parameters, "generationSeconds": round(run["wall"], 1),
        "simulator": run["stderr"].strip(), "files": len(files),
        "gzipBytes": sum(f.stat().st_size for f in files), "jsonBytes": int(size),
        "diskBytes": sum(f.stat().st_size for f in directory.rglob("*") if f.is_file()),
    }
    if have_duckdb():
        stats = subprocess.run([sys.executable, str(HERE / "duckdb_totals.py"), "--mode", "stats", "--glob", str(directory / LOG_GLOB)],
                               check=True, capture_output=True, text=True).stdout
        description.update(json.loads(stats))
    else:
        description["events"] = int(run["stderr"].split(" events,")[0].rsplit(" ", 1)[1].replace(",", ""))
    described.write_text(json.dumps(description, indent=2) + "\n")
    return directory, description


def have_duckdb():
    try:
        import duckdb  # noqa: F401
        return True
    except ImportError:
        return False


def hunt_supports(binary, flag):
    return flag in subprocess.run([binary, "hunt", "--help"], capture_output=True, text=True).stdout


class Tool:
    """One row of the table: how to run it on a corpus and where its answer goes."""

    def __init__(self, name, command, answer=None, header=True, env=None, server=None):
        self.name, self.command, self.answer, self.header = name, command, answer, header
        self.env, self.server = env, server


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def process_cpu_seconds(pid):
    """A process's user + system time so far, with its children's: those it has reaped and those still running."""
    def times(p, reaped):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone
            return 0
        return int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if reaped else 0)
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        children += task.read_text().split()
    return (times(pid, True) + sum(times(child, False) for child in children)) / os.sysconf("SC_CLK_TCK")


def s3_environment(endpoint):
    env = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_ACCESS_KEY_ID="AKIABENCHBENCHBENCH0",
               AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1")
    env.pop("AWS_PROFILE", None)
    return env


class LocalS3:
    """A server process on a free 127.0.0.1 port holding one corpus as bucket `bench`; subclasses start it."""

    BUCKET = "bench"

    def start(self, argv, **popen):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(argv(self.port), **popen)
        self.env = s3_environment(self.endpoint)

    def cpu_seconds(self):
        """The server's user + system time so far."""
        return process_cpu_seconds(self.process.pid)

    def stop(self):
        self.process.kill()
        self.process.wait()


class MotoBucket(LocalS3):
    """moto_server holding the corpus (uploaded with boto3), for the s3:// (moto) row."""

    label = "moto_server"

    def __init__(self, directory, files):
        moto = shutil.which("moto_server")
        if not moto:
            sys.exit("bench: --s3 needs moto_server (scripts/setup installs moto[server] from PyPI)")
        self.log = tempfile.TemporaryFile()
        self.start(lambda port: [moto, "-H", "127.0.0.1", "-p", str(port)], stdout=self.log, stderr=self.log)
        import boto3  # moto's own dependency
        client = boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1",
                              aws_access_key_id="AKIABENCHBENCHBENCH0", aws_secret_access_key="bench")
        for _ in range(100):
            try:
                client.list_buckets()
                break
            except Exception:  # not answering yet
                time.sleep(0.1)
        client.create_bucket(Bucket=self.BUCKET)
        started = time.perf_counter()
        for f in files:
            client.upload_file(str(f), self.BUCKET, f.relative_to(directory).as_posix())
        log(f"bench: {len(files):,} files uploaded to moto_server at {self.endpoint} in {time.perf_counter() - started:.1f} s")


class StaticBucket(LocalS3):
    """Benchmarks/static_s3.py serving the corpus directory as bucket `bench` (ListObjectsV2 and GetObject only,
    no signature checks), for the s3:// (static server) row: a server fast enough not to be the bottleneck."""

    label = "static S3 server"

    def __init__(self, directory):
        self.start(lambda port: [sys.executable, str(HERE / "static_s3.py"), "--root", str(directory),
                                 "--bucket", self.BUCKET, "--port", str(port)])
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:  # not listening yet
                time.sleep(0.1)


def tools(args, directory, file_list, work, servers=()):
    config = directory / "config.s3hound.toml"
    rows = []
    for server in servers:
        def hunt_s3(out):
            argv = [args.binary, "hunt", f"s3://{LocalS3.BUCKET}/AWSLogs/", "--format", "json", "--quiet", "--fail-on", "none",
                    "--read-totals", out]
            if config.exists():
                argv += ["--config", str(config)]
            if args.jobs:
                argv += ["--jobs", str(args.jobs)]
            return argv
        name = "moto" if isinstance(server, MotoBucket) else "static server"
        rows.append(Tool(f"s3hound hunt s3:// ({name})", hunt_s3, answer="file", env=server.env, server=server))
    parsers = {"fast": ["fast"], "reference": ["reference"], "both": ["fast", "reference"]}[args.parser]
    for parser in parsers:
        label = "s3hound hunt" if parser == "fast" else "s3hound hunt (reference parser)"
        if parser == "reference" and not hunt_supports(args.binary, "--json-parser"):
            log("bench: this s3hound has no --json-parser; the reference parser row is left out")
            continue

        def hunt(out, parser=parser):
            argv = [args.binary, "hunt", str(directory), "--format", "json", "--quiet", "--fail-on", "none", "--read-totals", out]
            if config.exists():
                argv += ["--config", str(config)]
            if parser != "fast":
                argv += ["--json-parser", parser]
            if args.jobs:
                argv += ["--jobs", str(args.jobs)]
            return argv
        rows.append(Tool(label, hunt, answer="file"))
    if have_duckdb():
        for mode in ("best", "auto"):
            rows.append(Tool(f"duckdb ({'explicit columns' if mode == 'best' else 'auto schema'})",
                             lambda out, mode=mode: [sys.executable, str(HERE / "duckdb_totals.py"), "--mode", mode, "--glob",
                                                     str(directory / LOG_GLOB), "--out", out, "--threads", str(args.duckdb_threads)],
                             answer="file"))
    else:
        log("bench: DuckDB is not installed (python3 -m pip install duckdb): its rows are left out")
    if shutil.which("jq"):
        rows.append(Tool("jq", lambda out: ["sh", "-c", f'xargs -0 -a "$1" zcat -- | jq -n -r -f "$2"', "sh", str(file_list),
                                            str(HERE / "read_totals.jq")], answer="stdout", header=False))
    for floor, command in (("zcat | wc -c", "zcat --"), ("libdeflate-gunzip -c | wc -c", "libdeflate-gunzip -c")):
        if shutil.which(command.split()[0]):
            rows.append(Tool(floor, lambda out, command=command: ["sh", "-c", f'xargs -0 -a "$1" {command} | wc -c', "sh", str(file_list)],
                             answer=None))
        else:
            log(f"bench: {command.split()[0]} is not installed: its floor row is left out")
    return rows


def bench_corpus(name, args):
    directory, corpus = generate(name, CORPORA[name], args.binary, args.regenerate)
    work = Path(tempfile.mkdtemp(prefix=f"bench-{name}-", dir=BENCH))
    file_list = work / "files"
    files = log_files(directory)
    write_file_list(files, file_list)
    # Warm the page cache so every tool reads the files from memory, the first as the last.
    subprocess.run(f'xargs -0 -a "{file_list}" cat > /dev/null', shell=True, check=True)
    results, answers, failures = [], {}, []
    servers = [MotoBucket(directory, files), StaticBucket(directory)] if args.s3 else []
    try:
        rows = tools(args, directory, file_list, work, servers)
        run_tools(rows, name, args, corpus, work, results, answers, failures)
    finally:
        for server in servers:
            server.stop()
    shutil.rmtree(work, ignore_errors=True)
    failures += compare(name, answers)
    return {"corpus": corpus, "results": results, "answersCompared": sorted(answers), "failures": failures}


def run_tools(rows, name, args, corpus, work, results, answers, failures):
    """Runs every row `args.runs` times, checking answers; appends to results, answers and failures."""
    for tool in rows:
        if tool.name == "jq" and corpus["events"] > args.jq_max_events:
            log(f"bench: jq left out on {name} (more than {args.jq_max_events:,} events; --jq-max-events to change)")
            continue
        runs = []
        for run in range(args.runs):
            out = work / f"{len(results)}-{run}.csv"
            argv = tool.command(str(out))
            server_before = tool.server.cpu_seconds() if tool.server else 0
            measured = measure(argv, stdout=out if tool.answer == "stdout" or tool.answer is None else work / "stdout", env=tool.env)
            if tool.server:
                measured["serverCPU"] = tool.server.cpu_seconds() - server_before
            if measured["status"] != 0:
                failures.append(f"{tool.name} on {name} exited with {measured['status']}: {measured['stderr'][-2000:]}")
                log(f"bench: FAILED {tool.name}: {measured['stderr'][-2000:]}")
                break
            runs.append(measured)
            served = f", {tool.server.label} {measured['serverCPU']:.2f} s CPU" if tool.server else ""
            log(f"bench: {name} {tool.name} run {run + 1}/{args.runs}: {measured['wall']:.2f} s wall, {measured['cpu']:.2f} s CPU, "
                f"{measured['rssMB']:.0f} MB{served}")
            if run == 0 and tool.answer:
                answers[tool.name] = read_answer(out, header=tool.header)
            if run == 0 and tool.answer is None:
                counted = int(out.read_text().split()[0])
                if counted != corpus["jsonBytes"]:
                    failures.append(f"{tool.name} on {name} decompressed {counted:,} bytes, not {corpus['jsonBytes']:,}")
            if run == 0 and tool.name.startswith("s3hound hunt"):
                summary = json.loads((work / "stdout").read_text())["summary"]
                if summary["records"] != corpus["events"] or summary["recordsSkipped"] != 0:
                    failures.append(f"{tool.name} read {summary['records']:,} records of {corpus['events']:,} on {name} "
                                    f"({summary['recordsSkipped']:,} skipped)")
                if measured["stderr"].strip():
                    failures.append(f"{tool.name} reported problems with the input on {name}: {measured['stderr'][:2000]}")
            out.unlink(missing_ok=True)
        if not runs:
            continue
        median = sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]
        result = {"tool": tool.name, "wall": median["wall"], "cpu": median["cpu"], "rssMB": max(r["rssMB"] for r in runs),
                  "runs": [{k: r[k] for k in ("wall", "cpu", "rssMB", "serverCPU") if k in r} for r in runs]}
        if tool.server:
            result["serverCPU"] = median["serverCPU"]
            result["server"] = tool.server.label
        results.append(result)


def compare(name, answers):
    """Every answer must equal s3hound's (or, without it, the first one)."""
    if len(answers) < 2:
        return []
    reference_name = "s3hound hunt" if "s3hound hunt" in answers else next(iter(answers))
    reference = answers[reference_name]
    failures = []
    for tool, answer in answers.items():
        if tool == reference_name or answer == reference:
            continue
        only_here = sorted(set(answer) - set(reference))[:5]
        only_there = sorted(set(reference) - set(answer))[:5]
        different = sorted(k for k in set(answer) & set(reference) if answer[k] != reference[k])[:5]
        message = (f"MISMATCH on {name}: {tool} ({len(answer):,} rows) differs from {reference_name} ({len(reference):,} rows); "
                   f"only in {tool}: {only_here}; only in {reference_name}: {only_there}; "
                   f"different: {[(k, answer[k], reference[k]) for k in different]}")
        failures.append(message)
    return failures


def table(outcome):
    corpus, results = outcome["corpus"], outcome["results"]
    walls = {r["tool"]: r["wall"] for r in results}
    duck = walls.get("duckdb (explicit columns)")
    floor = walls.get("libdeflate-gunzip -c | wc -c")
    events, megabytes = corpus["events"], corpus["jsonBytes"] / 1e6
    cardinality = ""
    if "principals" in corpus:
        cardinality = f", {corpus['principals']:,} principals, {corpus['sourceIPs']:,} source IPs"
    lines = [f"{corpus['name']}: {events:,} events, {megabytes:,.1f} MB JSON ({corpus['gzipBytes'] / 1e6:,.1f} MB gzip, "
             f"{corpus['files']:,} files){cardinality}",
             f"{'tool':<32} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'events/s':>12} {'MB/s':>8} {'×DuckDB':>8} {'×floor':>7}"]
    for r in results:
        speedup = f"{duck / r['wall']:.2f}" if duck else "-"
        over_floor = f"{r['wall'] / floor:.2f}" if floor else "-"
        lines.append(f"{r['tool']:<32} {r['wall']:>8.2f} {r['cpu']:>8.2f} {r['rssMB']:>12,.0f} {events / r['wall']:>12,.0f} "
                     f"{megabytes / r['wall']:>8,.1f} {speedup:>8} {over_floor:>7}")
    for r in results:
        if "serverCPU" in r:
            lines.append(f"{r['tool']}: {r['cpu'] / r['wall']:.2f} cores busy in s3hound (CPU s / wall s), "
                         f"and {r.get('server', 'moto_server')} used {r['serverCPU']:.2f} s CPU serving it")
    agreed = outcome["answersCompared"]
    if agreed and not any(f.startswith("MISMATCH") for f in outcome["failures"]):
        lines.append(f"answers agree exactly ({len(agreed)} tools: {', '.join(agreed)})")
    return "\n".join(lines)


def machine():
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cores": os.cpu_count(), "cpu": model, "platform": platform.platform(), "loadAverage": os.getloadavg()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the release s3hound")
    default_sizes = os.environ.get("SIZES", "100k 1m").replace(",", " ").split()
    if os.environ.get("BENCH_10M") == "1" and "10m" not in default_sizes:
        default_sizes.append("10m")
    parser.add_argument("--sizes", default=",".join(default_sizes), help="corpora to run, of 100k, 1m, 10m (default: 100k,1m; env SIZES)")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", "3")), help="runs of each tool; the median is reported")
    parser.add_argument("--parser", choices=["fast", "reference", "both"], default=os.environ.get("PARSER", "fast"),
                        help="the hunt's JSON reader (reference: --json-parser reference, when this s3hound has it)")
    parser.add_argument("--jobs", type=int, default=int(os.environ["JOBS"]) if os.environ.get("JOBS") else None, help="hunt --jobs")
    parser.add_argument("--duckdb-threads", type=int, default=2)
    parser.add_argument("--jq-max-events", type=int, default=200_000, help="jq runs only on corpora this small (it is slow)")
    parser.add_argument("--regenerate", action="store_true", help="write the corpora again")
    parser.add_argument("--s3", action="store_true", default=os.environ.get("BENCH_S3") == "1",
                        help="also hunt s3:// from a moto_server on 127.0.0.1 holding the corpus (env BENCH_S3=1)")
    args = parser.parse_args()
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in CORPORA]
    if unknown:
        parser.error(f"unknown size {unknown}: choose from {', '.join(CORPORA)}")

    outcomes = []
    for name in sizes:
        outcome = bench_corpus(name, args)
        outcomes.append(outcome)
        print(table(outcome) + "\n", flush=True)
    failures = [f for o in outcomes for f in o["failures"]]
    stamp = datetime.datetime.now().strftime("%Y-%m-%d")
    path = BENCH / f"results-{stamp}.json"
    number = 2
    while path.exists():
        path = BENCH / f"results-{stamp}-{number}.json"
        number += 1
    path.write_text(json.dumps({"date": datetime.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
                                "binary": args.binary, "runs": args.runs, "parser": args.parser, "corpora": outcomes}, indent=2) + "\n")
    print(f"results: {path.relative_to(ROOT)}")
    for failure in failures:
        print(f"\n*** {failure}", file=sys.stderr)
    if failures:
        print(f"\n*** bench: {len(failures)} problem(s), MISMATCH means the tools' answers differ", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
