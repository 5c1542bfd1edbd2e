#!/usr/bin/env python3
"""Benchmark: `postiz status` and `postiz watch` on a large deployment. A throw-away
PostgreSQL (initdb on 127.0.0.1, as tests/it/postiz.rs does) gets Postiz's tables
(tests/fixtures/postiz-schema.sql, Prisma's indexes) and 100,000 channel rows in 1,000
organizations, built with generate_series: most healthy, some in every state status
reports (refreshNeeded with notifications and failed posts, inBetweenSteps, expired,
disabled, the same account in two organizations, soft-deleted). A throw-away Redis holds
a few connect states and 20,000 other keys (BullMQ's `bull:*` of Postiz before v2.12).

Prints, side by side:
- wall time of `postiz status` and of psql reading the same columns (median of --runs,
  interleaved), and their ratio (goal: within 2x);
- peak RSS of `postiz status` (text, `--all`, `--json`) (goal: under 64 MiB);
- tuples and buffers `postiz status --org` reads (pg_stat_user_tables, pg_statio);
- `postiz watch`, idle: tuples read per poll, Redis commands per poll, CPU per second.
Run from the repository root:
    python3 benches/postiz_bench.py [--bin PATH | --no-build] [--rows N] [--runs N]
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BIN = os.path.join(ROOT, "target", "release", "postiz-connect")
SECRET = "s3cr3t-bench"
# The columns `postiz status` shows, in the order it reads them (tokens never).
COLUMNS = ('id, "internalId", "rootInternalId", "organizationId", name, "providerIdentifier", '
           'type, profile, disabled, "inBetweenSteps", "refreshNeeded", "tokenExpiration", '
           '"createdAt", "updatedAt", "deletedAt", "postingTimes"')
READS = "(read transactions)"
PSQL_QUERY = (f'SELECT {COLUMNS} FROM "Integration" WHERE "deletedAt" IS NULL '
              'ORDER BY "organizationId", "providerIdentifier", name, id')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin():
    versions = sorted(int(v) for v in os.listdir("/usr/lib/postgresql") if v.isdigit())
    if not versions:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql)")
    return f"/usr/lib/postgresql/{versions[-1]}/bin"


def as_postgres(argv):
    """PostgreSQL refuses to run as root: run its programs as the postgres user."""
    if os.geteuid() == 0:
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        return [runuser, "-u", "postgres", "--"] + argv
    return argv


class Cluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="postiz-bench-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.data = os.path.join(self.dir, "data")
        self.port = free_port()
        binary = pg_bin()
        subprocess.run(as_postgres([f"{binary}/initdb", "-D", self.data, "-A", "trust", "-U", "postiz",
                                    "-E", "UTF8", "--no-locale", "--no-sync"]),
                       check=True, stdout=subprocess.DEVNULL)
        options = (f"-k {self.dir} -p {self.port} -h 127.0.0.1 -c fsync=off "
                   "-c shared_buffers=128MB -c track_io_timing=off")
        subprocess.run(as_postgres([f"{binary}/pg_ctl", "-D", self.data, "-o", options,
                                    "-l", os.path.join(self.dir, "log"), "-w", "start"]),
                       check=True, stdout=subprocess.DEVNULL)
        self.pg_ctl = f"{binary}/pg_ctl"

    def url(self, db):
        return f"postgresql://postiz@127.0.0.1:{self.port}/{db}"

    def psql(self, db, sql, *extra):
        out = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                              "-p", str(self.port), "-U", "postiz", "-d", db, *extra, "-c", sql],
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def stop(self):
        subprocess.run(as_postgres([self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


def seed(cluster, rows, orgs):
    cluster.psql("postgres", "CREATE DATABASE bench")
    with open(os.path.join(ROOT, "tests", "fixtures", "postiz-schema.sql")) as f:
        cluster.psql("bench", f.read())
    per_org = rows // orgs
    providers = ("ARRAY['x','linkedin','linkedin-page','reddit','instagram','facebook','threads',"
                 "'youtube','tiktok','pinterest','bluesky','mastodon','discord','slack']")
    cluster.psql("bench", f"""
INSERT INTO "Organization" (id, name, "apiKey", "updatedAt")
SELECT 'org-' || g, 'Org ' || g, 'apikey-{SECRET}', now() FROM generate_series(1, {orgs}) g;

-- Channel g of organization (g % orgs) + 1. States, by g:
--   every 97th refreshNeeded, every 211th inBetweenSteps, every 53rd expired,
--   every 89th disabled, every 199th the same account as a channel of the next
--   organization, every 101st soft-deleted; the rest healthy.
INSERT INTO "Integration" (id, "internalId", "rootInternalId", "organizationId", name,
    "providerIdentifier", type, token, "refreshToken", "customInstanceDetails", profile,
    "tokenExpiration", "refreshNeeded", "inBetweenSteps", disabled, "deletedAt",
    "createdAt", "updatedAt")
SELECT 'c' || g,
       CASE WHEN g % 199 = 0 THEN 'shared-' || (g / 199) ELSE 'acct-' || g END,
       'acct-' || g,
       'org-' || ((g % {orgs}) + 1),
       'Channel ' || g,
       CASE WHEN g % 199 = 0 THEN 'x' ELSE ({providers})[1 + g % 14] END,
       'social',
       -- Tokens as long as real ones (a few hundred characters): rows as wide as Postiz's.
       'token-{SECRET}-' || g || repeat('t', 400), 'refresh-{SECRET}-' || g || repeat('r', 400),
       'custom-{SECRET}', 'handle' || g,
       (now() AT TIME ZONE 'UTC') + CASE WHEN g % 53 = 0 THEN interval '-2 days' ELSE interval '30 days' END,
       g % 97 = 0, g % 211 = 0, g % 89 = 0,
       CASE WHEN g % 101 = 0 THEN (now() AT TIME ZONE 'UTC') - interval '1 day' END,
       (now() AT TIME ZONE 'UTC') - interval '400 days',
       (now() AT TIME ZONE 'UTC') - interval '1 hour' - g * interval '7 seconds'
FROM generate_series(1, {rows}) g;
-- The other half of each shared account: the same x account in the next organization.
INSERT INTO "Integration" (id, "internalId", "rootInternalId", "organizationId", name,
    "providerIdentifier", type, token, "createdAt", "updatedAt")
SELECT 'dup' || g, 'shared-' || (g / 199), 'shared-' || (g / 199), 'org-' || (((g + 1) % {orgs}) + 1),
       'Shared ' || g, 'x', 'social', 'token-{SECRET}', (now() AT TIME ZONE 'UTC') - interval '300 days',
       (now() AT TIME ZONE 'UTC') - interval '2 hours' - g * interval '7 seconds'
FROM generate_series(199, {rows}, 199) g;

-- Postiz's traces of failed refreshes: notifications (some older ones too) and failed posts.
INSERT INTO "Notifications" (id, "organizationId", content, "createdAt", "updatedAt")
SELECT 'n' || g || '-' || k, 'org-' || ((g % {orgs}) + 1),
       'Could not refresh your ' || ({providers})[1 + g % 14] || ' channel invalid_grant. Please go back to the system and connect it again https://p.example.com/launches',
       (now() AT TIME ZONE 'UTC') - k * interval '1 day', now()
FROM generate_series(97, {rows}, 97) g, generate_series(1, 3) k;
INSERT INTO "Notifications" (id, "organizationId", content, "createdAt", "updatedAt")
SELECT 'm' || g, 'org-' || ((g % {orgs}) + 1), 'Your post was published', now(), now()
FROM generate_series(1, {rows}) g;
INSERT INTO "Post" (id, state, "publishDate", "organizationId", "integrationId", content, "group", error, "updatedAt")
SELECT 'p' || g || '-' || k, 'ERROR', (now() AT TIME ZONE 'UTC') - k * interval '1 hour',
       'org-' || ((g % {orgs}) + 1), 'c' || g, 'hello', 'g', 'Refresh channel needed', now()
FROM generate_series(97, {rows}, 97) g, generate_series(1, 3) k;
INSERT INTO "Post" (id, state, "publishDate", "organizationId", "integrationId", content, "group", "updatedAt")
SELECT 'q' || g, 'PUBLISHED', now(), 'org-' || ((g % {orgs}) + 1), 'c' || g, 'hello', 'g', now()
FROM generate_series(1, {rows}) g;
""")
    cluster.psql("bench", "VACUUM ANALYZE")
    live = int(cluster.psql("bench", 'SELECT count(*) FROM "Integration" WHERE "deletedAt" IS NULL'))
    return live, per_org


def start_redis():
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).returncode == 0:
            break
        time.sleep(0.05)
    # 20,000 keys that are not connect states (BullMQ's, before Postiz v2.12), and a few
    # connects: two waiting, one consumed.
    script = "".join(f"SET bull:post:{i} x\r\n" for i in range(20000))
    for state, org, waiting in [("benchwaiting0001", "org-5", True), ("benchwaiting0002", "org-7", True),
                                ("benchconsumed003", "org-9", False)]:
        script += f"SET organization:{state} {org} EX 3600\r\n"
        if waiting:
            script += f"SET login:{state} verifier-{SECRET} EX 3600\r\n"
    subprocess.run(["redis-cli", "-p", str(port), "--pipe"], input=script.encode(),
                   check=True, capture_output=True)
    return proc, port


PROBE = ("import resource,subprocess,sys,time; t=time.perf_counter(); "
         "r=subprocess.run(sys.argv[2:], stdout=open(sys.argv[1],'wb'), stderr=subprocess.PIPE); "
         "w=(time.perf_counter()-t)*1000; u=resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(r.returncode, w, u.ru_maxrss, u.ru_utime+u.ru_stime); sys.stderr.buffer.write(r.stderr[-2000:])")


def measure(argv, out_path=os.devnull, ok=(0, 1)):
    """Exit code, wall ms, peak RSS KiB and CPU s of one run, in a fresh python whose only
    child is the command (so RUSAGE_CHILDREN is the command's own)."""
    r = subprocess.run([sys.executable, "-c", PROBE, out_path, *argv], capture_output=True, text=True)
    code, wall, rss, cpu = r.stdout.split()
    if int(code) not in ok:
        sys.exit(f"{' '.join(argv)} exited with {code}: {r.stderr}")
    return int(code), float(wall), int(rss), float(cpu)


def table_stats(cluster):
    """Tuples read and buffers touched so far, per table: seq_tup_read + idx_tup_fetch, and
    heap + index blocks (hit or read)."""
    rows = cluster.psql("bench", """
SELECT t.relname, t.seq_tup_read + coalesce(t.idx_tup_fetch, 0), t.seq_scan + coalesce(t.idx_scan, 0),
       io.heap_blks_read + io.heap_blks_hit + coalesce(io.idx_blks_read, 0) + coalesce(io.idx_blks_hit, 0)
FROM pg_stat_user_tables t JOIN pg_statio_user_tables io USING (relid)""")
    stats = {}
    for line in rows.splitlines():
        name, tuples, scans, blocks = line.split("|")
        stats[name] = (int(tuples), int(scans), int(blocks))
    # Read-only transactions end in ROLLBACK: one per read (a status, a watch poll).
    rollbacks = cluster.psql("bench", "SELECT xact_rollback FROM pg_stat_database WHERE datname = 'bench'")
    stats[READS] = (int(rollbacks), 0, 0)
    return stats


def stats_delta(before, after):
    return {k: tuple(a - b for a, b in zip(after[k], before.get(k, (0, 0, 0)))) for k in after}


def settle(cluster, previous=None):
    """Table statistics once every finished backend has flushed them (they do at exit)."""
    time.sleep(0.6)
    return table_stats(cluster)


def redis_calls(port):
    info = subprocess.run(["redis-cli", "-p", str(port), "info", "commandstats"],
                          capture_output=True, text=True, check=True).stdout
    calls = {}
    for m in re.finditer(r"cmdstat_(\w+):calls=(\d+)", info):
        calls[m.group(1)] = int(m.group(2))
    return calls


def run_watch(binary, env, db_url, redis_url, seconds):
    """One idle `postiz watch` of `seconds`: CPU seconds used."""
    code, wall, rss, cpu = measure([binary, "postiz", "watch", "--database-url", db_url, "--redis-url",
                                    redis_url, "--interval", "250ms", "--stop-after", f"{seconds}s"])
    return cpu, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=DEFAULT_BIN, help="the postiz-connect binary to measure")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--orgs", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of status and of psql")
    parser.add_argument("--watch-seconds", type=int, default=10, help="idle watch length")
    parser.add_argument("--no-build", action="store_true",
                        help="measure the release binary as built (default: cargo build --release first)")
    opts = parser.parse_args()
    if opts.bin == DEFAULT_BIN and not opts.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.abspath(opts.bin)
    cluster = Cluster()
    redis, redis_port = start_redis()
    home = tempfile.mkdtemp(prefix="postiz-bench-home-")
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    os.environ.update({"POSTIZ_CONNECT_HOME": home, "NO_COLOR": "1"})
    try:
        started = time.perf_counter()
        live, per_org = seed(cluster, opts.rows, opts.orgs)
        db = cluster.url("bench")
        redis_url = f"redis://127.0.0.1:{redis_port}"
        print(f"deployment: {live:,} live channel rows in {opts.orgs:,} organizations "
              f"(seeded in {time.perf_counter() - started:.1f} s); binary {binary}")
        base = [binary, "postiz", "status", "--database-url", db, "--redis-url", redis_url]
        psql = ["psql", "-X", "-At", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postiz",
                "-d", "bench", "-o", os.devnull, "-c", PSQL_QUERY]
        has_all = subprocess.run(base + ["--all", "--help"], capture_output=True).returncode == 0

        # Wall time, interleaved (one warm-up each).
        walls = {"status": [], "psql": []}
        for i in range(opts.runs + 1):
            for name, argv in ([("status", base), ("psql", psql)] if i % 2 else
                               [("psql", psql), ("status", base)]):
                _, wall, _, _ = measure(argv)
                if i:
                    walls[name].append(wall)
        status_ms, psql_ms = statistics.median(walls["status"]), statistics.median(walls["psql"])
        print(f"\nwall time, median of {opts.runs} interleaved runs:")
        print(f"  postiz status (text)          {status_ms:8.0f} ms")
        print(f"  psql, the same columns        {psql_ms:8.0f} ms")
        print(f"  ratio                         {status_ms / psql_ms:8.2f}x   (goal: within 2x)")

        print("\npeak RSS, output size:")
        out = os.path.join(home, "out")
        views = [("text", []), ("--json", ["--json"])]
        if has_all:
            views.insert(1, ("text --all", ["--all"]))
        for label, extra in views:
            _, wall, rss, _ = measure(base + extra, out)
            with open(out, "rb") as f:
                data = f.read()
            if SECRET.encode() in data:
                sys.exit(f"a secret was printed by {label}")
            lines = data.count(b"\n")
            print(f"  postiz status {label:12} {rss / 1024:7.1f} MiB   {wall:6.0f} ms   "
                  f"{len(data) / 1e6:6.1f} MB, {lines:,} lines")

        print(f"\n--org org-5 ({per_org} channels), rows read (pg_stat_user_tables: seq_tup_read + "
              "idx_tup_fetch; buffers: heap + index blocks):")
        before = settle(cluster)
        measure(base + ["--org", "org-5"])
        delta = stats_delta(before, settle(cluster))
        total_t = total_b = 0
        for table in ("Integration", "Organization", "Notifications", "Post"):
            tuples, scans, blocks = delta.get(table, (0, 0, 0))
            total_t += tuples
            total_b += blocks
            print(f"  {table:14} {tuples:9,} tuples  {blocks:7,} buffers  ({scans} scans)")
        print(f"  {'total':14} {total_t:9,} tuples  {total_b:7,} buffers")

        print(f"\npostiz watch, idle, --interval 250ms ({opts.watch_seconds} s against 2 s: the "
              "difference is the idle polls):")
        results = []
        for seconds in (2, 2 + opts.watch_seconds):
            s0, r0 = settle(cluster), redis_calls(redis_port)
            cpu, rss = run_watch(binary, os.environ, db, redis_url, seconds)
            s1, r1 = settle(cluster), redis_calls(redis_port)
            d = stats_delta(s0, s1)
            tuples = sum(v[0] for k, v in d.items() if k != READS)
            scans = d[READS][0]
            rcalls = {k: v - r0.get(k, 0) for k, v in r1.items()}
            results.append((tuples, scans, cpu, rcalls, rss))
        (t_a, s_a, c_a, r_a, _), (t_b, s_b, c_b, r_b, rss_b) = results
        polls = max(s_b - s_a, 1)
        redis_per_poll = {k: (r_b.get(k, 0) - r_a.get(k, 0)) / polls for k in r_b}
        redis_total = sum(v for k, v in redis_per_poll.items() if k not in ("info", "client", "hello"))
        print(f"  polls in {opts.watch_seconds} s (read transactions)  {polls}")
        print(f"  tuples read per idle poll      {(t_b - t_a) / polls:12,.1f}   (goal: under 50)")
        print(f"  tuples read per idle second    {(t_b - t_a) / opts.watch_seconds:12,.0f}")
        print(f"  Redis SCAN calls per poll      {redis_per_poll.get('scan', 0):12.1f}")
        print(f"  Redis commands per poll        {sum(redis_per_poll.values()):12.1f}"
              f"  ({', '.join(f'{k} {v:.1f}' for k, v in sorted(redis_per_poll.items()) if v)})")
        print(f"  CPU of the watch, idle         {(c_b - c_a) / opts.watch_seconds * 100:11.1f} %"
              f" of a core   (goal: under 2 %)")
        print(f"  peak RSS of the watch          {rss_b / 1024:9.1f} MiB")
    finally:
        redis.kill()
        cluster.stop()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
