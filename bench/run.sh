#!/usr/bin/env bash
# The benchmark (not part of the test suite): complaint throughput, app vs bare engine, at 1/2/4 threads, and
# task-list latency with 10k and 100k open tasks (OPEN_TASKS=10000 for the smaller only); on the H2 file database and
# on PostgreSQL (127.0.0.1:5432).
# Prints markdown tables (lines after "BENCHMARK"). Takes several minutes. Usage: bench/run.sh [h2|postgres|dashboard|cluster|all]
# "dashboard": the dashboard's data with 100k finished and 10k open complaints on PostgreSQL.
# "cluster" (two application JVMs vs one on PostgreSQL, over HTTP) needs the jar: mvn package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
mvn -B -ntp -q test-compile
# the benchmark's own lines, without the colour codes Maven puts before the first of them
figures() {
  sed 's/\x1b\[[0-9;]*m//g' | sed -n '/^BENCHMARK\|^| \|^seeded\|^two nodes/p'
}
run() {
  local test=$1; shift
  mvn -B -ntp -q surefire:test -Dbenchmark.excluded=none -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false -Dspring.main.banner-mode=off "$@" \
    | figures
}
if [[ $which == h2 || $which == all ]]; then
  rm -rf target/bench && mkdir -p target/bench
  # throughput only: the task-list latency target is PostgreSQL's
  run 'ThroughputBenchmark#complaintThroughputAppVersusBareEngine' \
    "-Dspring.datasource.url=jdbc:h2:file:$PWD/target/bench/h2;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
fi
if [[ $which == postgres || $which == all ]]; then
  db=sc_bench_$$
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  trap 'psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
  pg=("-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db" -Dspring.datasource.username=postgres
      -Dspring.datasource.password= -Dspring.profiles.include=postgres -Dservicecharter.demo.enabled=true)
  # throughput first; the open tasks are then left in the database it drops (the engine's cascading delete of
  # 100k instances ran for more than half an hour)
  run 'ThroughputBenchmark#complaintThroughputAppVersusBareEngine' "${pg[@]}"
  run 'ThroughputBenchmark#taskListLatency' "${pg[@]}" -Dbench.keepTasks=true -Dbench.openTasks=${OPEN_TASKS:-10000,100000}
fi
if [[ $which == dashboard || $which == all ]]; then
  dashdb=sc_bench_dash_$$
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $dashdb"
  trap 'for d in ${db:-} $dashdb; do psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)"; done' EXIT
  run 'DashboardBenchmark' "-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$dashdb" -Dspring.datasource.username=postgres \
    -Dspring.datasource.password= -Dspring.profiles.include=postgres -Dservicecharter.demo.enabled=true
fi
if [[ $which == cluster || $which == all ]]; then
  [[ -f target/service-charter.jar ]] || mvn -B -ntp -q package -DskipTests
  mvn -B -ntp -q failsafe:integration-test failsafe:verify -Dbenchmark.excluded=none -Dit.test=ClusterThroughputBenchmarkIT \
    | figures
fi
