#!/usr/bin/env bash
# A real multi-process Flink 2.2 standalone cluster on this host without flink-dist (DESIGN §8):
# one JVM for the JobManager (StandaloneSessionClusterEntrypoint) and one per TaskManager
# (TaskManagerRunner), all on the flink-jobs module's cluster classpath, with memory flags computed
# by Flink's own BashJavaUtils as bin/jobmanager.sh and bin/taskmanager.sh do.
#
#   deploy/local/flink-cluster.sh start [--taskmanagers N] [--slots S]   (default 2 x 1 slot)
#   deploy/local/flink-cluster.sh add-taskmanager                         (one more, e.g. a replacement)
#   deploy/local/flink-cluster.sh status
#   deploy/local/flink-cluster.sh stop
#   (each takes --state-dir DIR, default ${TRIGMON_FLINK_DIR:-$HOME/.trigmon/flink-cluster})
#
# The state directory holds conf/config.yaml, log/*.log, pids/*.pid (stop kills exactly these
# processes), checkpoints/ and rest.url. Ports are free ones picked at start unless set:
# FLINK_REST_PORT, FLINK_RPC_PORT. Memory: FLINK_JM_MEMORY (default 768m), FLINK_TM_MEMORY (default
# 1024m) process sizes. Extra config.yaml lines: FLINK_CONF_EXTRA. The classpath files and the job
# jar come from './mvnw -B -q package -DskipTests -pl flink-jobs -am', run here when they are missing
# or older than the sources (TRIGMON_NO_BUILD=1: never build, fail instead).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/flink-jobs/target"
state="${TRIGMON_FLINK_DIR:-$HOME/.trigmon/flink-cluster}"
taskmanagers=2
slots=1
start_timeout=120

usage() {
  sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

command="${1:-}"
[ -n "$command" ] || usage
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --taskmanagers) taskmanagers="$2"; shift 2 ;;
    --slots) slots="$2"; shift 2 ;;
    --state-dir) state="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "flink-cluster: unknown option $1" >&2; usage ;;
  esac
done
[[ "$taskmanagers" =~ ^[1-9][0-9]*$ ]] || { echo "--taskmanagers: a positive number, got $taskmanagers" >&2; exit 2; }
[[ "$slots" =~ ^[1-9][0-9]*$ ]] || { echo "--slots: a positive number, got $slots" >&2; exit 2; }
mkdir -p "$state"
state="$(cd "$state" && pwd)"
conf="$state/conf"
pids="$state/pids"
logs="$state/log"
# Every process of this cluster carries this marker, so stop never kills a recycled PID.
marker="-Dtrigmon.flink.cluster=$state"

# --- build and classpath --------------------------------------------------------------------------

stale() { # the job jar is rewritten by every build (the classpath files only when they change)
  local jar
  jar="$(ls "$target"/trigmon-flink-jobs-*-job.jar 2>/dev/null | head -1)"
  [ -z "$jar" ] || [ ! -f "$target/flink-cluster/flink.classpath" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/models/pom.xml" "$root/flink-jobs/pom.xml" "$root/models/src/main" \
    "$root/flink-jobs/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

classpath() {
  if [ "${TRIGMON_NO_BUILD:-0}" != "1" ] && stale; then
    echo "flink-cluster: building flink-jobs (classpath and job jar)..." >&2
    (cd "$root" && ./mvnw -B -q package -DskipTests -Dspotless.skip=true -pl flink-jobs -am) >&2
  fi
  local file
  for file in flink.classpath shared.classpath; do
    if [ ! -f "$target/flink-cluster/$file" ]; then
      echo "flink-cluster: $target/flink-cluster/$file is missing:" \
        "run './mvnw -B -q package -DskipTests -pl flink-jobs -am' first" >&2
      exit 1
    fi
  done
  echo "$(cat "$target/flink-cluster/flink.classpath"):$(cat "$target/flink-cluster/shared.classpath")"
}

# --- ports ----------------------------------------------------------------------------------------

# A port below the kernel's ephemeral range (ip_local_port_range, 32768-60999 by default): a port
# picked inside it can be taken by any outgoing connection (a Kafka client, say) before the JVM
# binds it, which made the JobManager fail with "Could not start actor system on any port" on a
# busy machine. Checked against every TCP socket, not only listening ones.
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 20100 ] 2>/dev/null || low=32768
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % (low - 20000)))
    if [ -z "$(ss -Htan "sport = :$port" 2>/dev/null)" ]; then
      echo "$port"
      return
    fi
  done
  echo "flink-cluster: no free port found" >&2
  exit 1
}

# --- processes ------------------------------------------------------------------------------------

ours() { # pid file -> true when the process is alive and is one of this cluster's
  local pid cmd
  [ -f "$1" ] || return 1
  pid="$(cat "$1")"
  running "$pid" || return 1
  # Read whole, not piped into grep -q: grep quits at the marker, a second write of tr then gets
  # SIGPIPE (the JVM's command line is over 4 KiB) and pipefail would call a live process dead.
  cmd="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)"
  [[ "$cmd" == *"$marker"* ]]
}

running() { # pid -> true while the process exists and is not a zombie (a child not yet reaped)
  [ -e "/proc/$1" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]
}

rest_url() { cat "$state/rest.url"; }

http_get() { # URL path -> body; curl when installed, else bash's /dev/tcp
  if command -v curl >/dev/null; then
    curl -fsS --max-time 3 "$(rest_url)$1" 2>/dev/null
  else
    local url port
    url="$(rest_url)"
    port="${url##*:}"
    timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET $1 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3" 2>/dev/null
  fi
}

registered_taskmanagers() {
  http_get /overview | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p'
}

write_config() {
  local rest_port="$1" rpc_port="$2"
  mkdir -p "$conf" "$pids" "$logs" "$state/checkpoints" "$state/tmp"
  cat >"$conf/config.yaml" <<EOF
# Written by deploy/local/flink-cluster.sh; rewritten at every start.
jobmanager:
  rpc:
    address: 127.0.0.1
    port: $rpc_port
  bind-host: 127.0.0.1
  memory:
    process:
      size: ${FLINK_JM_MEMORY:-768m}
taskmanager:
  host: 127.0.0.1
  bind-host: 127.0.0.1
  numberOfTaskSlots: $slots
  # State is on the heap (hashmap backend): little managed memory, more heap for the NPLM test.
  memory:
    process:
      size: ${FLINK_TM_MEMORY:-1024m}
    managed:
      fraction: 0.1
rest:
  address: 127.0.0.1
  bind-address: 127.0.0.1
  port: $rest_port
parallelism:
  default: 1
state:
  backend:
    type: hashmap
execution:
  checkpointing:
    dir: file://$state/checkpoints
# A lost TaskManager is declared dead within 10 s; the job restarts from its latest checkpoint.
heartbeat:
  interval: 2000
  timeout: 10000
restart-strategy:
  type: fixed-delay
  fixed-delay:
    attempts: 30
    delay: 2 s
io:
  tmp:
    dirs: $state/tmp
env:
  java:
    opts:
      all: >-
        --add-modules jdk.incubator.vector
        --add-exports=java.base/sun.net.util=ALL-UNNAMED
        --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
        --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
        --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
        --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
        --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
        --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
        --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
        --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
        --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
${FLINK_CONF_EXTRA:-}
EOF
  cat >"$conf/log4j.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.kafka.name = org.apache.kafka
logger.kafka.level = WARN
EOF
}

# The JVM options of the config (env.java.opts.all), one per word.
java_opts() {
  sed -n '/all: >-/,/^[^ ]/p' "$conf/config.yaml" | grep -- '--add-' | tr -s ' ' '\n' | grep -v '^$'
}

# BashJavaUtils prints its results on lines prefixed BASH_JAVA_UTILS_EXEC_RESULT: (JVM flags, then
# dynamic configuration), exactly what Flink's config.sh reads.
resource_params() { # GET_JM_RESOURCE_PARAMS | GET_TM_RESOURCE_PARAMS
  local cp="$1" cmd="$2" output
  output="$(java -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$cmd" --configDir "$conf" 2>&1)" || {
    echo "flink-cluster: BashJavaUtils $cmd failed:" >&2; echo "$output" | tail -20 >&2; exit 1; }
  echo "$output" | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

launch() { # name main-class cp resource-params [extra dynamic properties]
  local name="$1" main="$2" cp="$3" params="$4" extra="${5:-}" jvm dynamic pid
  jvm="$(echo "$params" | sed -n 1p)"
  dynamic="$(echo "$params" | sed -n 2p)"
  # shellcheck disable=SC2046,SC2086 # word splitting of the flag lists is intended
  setsid java $jvm $(java_opts) ${FLINK_JAVA_OPTS:-} "$marker" \
    -Dlog.file="$logs/$name.log" -Dlog4j.configurationFile="file:$conf/log4j.properties" \
    -cp "$cp" "$main" --configDir "$conf" $dynamic $extra \
    >"$logs/$name.out" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pids/$name.pid"
  await_exec "$name" "$pid"
}

# Until the background child has exec'd (setsid, then java) it is a fork of this script: its
# /proc/PID/cmdline is this script's, without the marker, and `ours` would call it dead. On a loaded
# machine that lasts long enough for add-taskmanager's first liveness check to see it (it then
# failed at once while the TaskManager started fine, and was stopped with the cluster). Return once
# the PID is the JVM, so every PID file this script leaves behind names a marked process.
show_logs() { # name -> the last lines of its log and of its stdout/stderr, on stderr
  local file
  for file in "$logs/$1.log" "$logs/$1.out"; do
    [ -s "$file" ] || continue
    echo "--- $file (last lines):" >&2
    tail -n 20 "$file" >&2 || true
  done
}

await_exec() { # name pid
  local name="$1" pid="$2" deadline=$((SECONDS + start_timeout)) argv0
  while [ $SECONDS -lt $deadline ]; do
    if ! running "$pid"; then
      echo "flink-cluster: $name (pid $pid) exited at launch" >&2
      show_logs "$name"
      exit 1
    fi
    argv0=""
    IFS= read -r -d '' argv0 2>/dev/null <"/proc/$pid/cmdline" || true
    if [ "${argv0##*/}" != setsid ] && ours "$pids/$name.pid"; then return 0; fi
    sleep 0.1
  done
  echo "flink-cluster: $name (pid $pid) did not start java within ${start_timeout}s" >&2
  exit 1
}

next_taskmanager() {
  local i=1
  while [ -f "$pids/taskmanager-$i.pid" ]; do i=$((i + 1)); done
  echo "$i"
}

# The TaskManagers are started with taskmanager.resource-id=taskmanager-N (the name of their log
# and PID files), so the REST API tells a given one apart from others (e.g. a killed one the
# JobManager has not yet timed out).
slots_of() { # name -> the slots the ResourceManager has registered for it (empty: not registered)
  http_get "/taskmanagers/$1" | sed -n 's/.*"slotsNumber":\([0-9]*\).*/\1/p'
}

await_taskmanager() { # name: returns once it is registered with its slots, fails if it exits
  local name="$1" deadline=$((SECONDS + start_timeout)) n
  while [ $SECONDS -lt $deadline ]; do
    ours "$pids/jobmanager.pid" || { echo "flink-cluster: the JobManager exited" >&2; show_logs jobmanager; exit 1; }
    ours "$pids/$name.pid" || { echo "flink-cluster: $name (pid $(cat "$pids/$name.pid")) exited before it registered" >&2; show_logs "$name"; exit 1; }
    n="$(slots_of "$name" || true)"
    if [ -n "$n" ] && [ "$n" -ge 1 ]; then return 0; fi
    sleep 0.5
  done
  echo "flink-cluster: $name not registered with the JobManager within ${start_timeout}s; see $logs/$name.log" >&2
  exit 1
}

start() {
  if ours "$pids/jobmanager.pid"; then
    echo "flink-cluster: already running at $(rest_url) (state $state); stop it first" >&2
    exit 1
  fi
  rm -f "$pids"/*.pid
  # Working directories (tm_taskmanager-N, jm_*) of an earlier run: the resource ids are reused.
  rm -rf "$state/tmp"
  local cp rest_port rpc_port
  cp="$(classpath)"
  rest_port="${FLINK_REST_PORT:-$(free_port)}"
  rpc_port="${FLINK_RPC_PORT:-$(free_port)}"
  write_config "$rest_port" "$rpc_port"
  echo "http://127.0.0.1:$rest_port" >"$state/rest.url"
  echo "$cp" >"$state/cluster.classpath"
  launch jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$cp" \
    "$(resource_params "$cp" GET_JM_RESOURCE_PARAMS)"
  # Every TaskManager has the same configuration: compute its memory flags once.
  resource_params "$cp" GET_TM_RESOURCE_PARAMS >"$state/taskmanager.params"
  for i in $(seq 1 "$taskmanagers"); do
    launch_taskmanager "taskmanager-$i" "$cp"
  done
  for i in $(seq 1 "$taskmanagers"); do
    await_taskmanager "taskmanager-$i"
  done
  status
}

launch_taskmanager() { # name cp
  launch "$1" org.apache.flink.runtime.taskexecutor.TaskManagerRunner "$2" \
    "$(cat "$state/taskmanager.params")" "-D taskmanager.resource-id=$1"
}

add_taskmanager() {
  ours "$pids/jobmanager.pid" || { echo "flink-cluster: not running (state $state)" >&2; exit 1; }
  local name
  name="taskmanager-$(next_taskmanager)"
  launch_taskmanager "$name" "$(cat "$state/cluster.classpath")"
  await_taskmanager "$name"
  echo "$name: running (pid $(cat "$pids/$name.pid")), registered"
}

stop() {
  local file pid
  for file in "$pids"/taskmanager-*.pid "$pids"/jobmanager.pid; do
    [ -f "$file" ] || continue
    if ours "$file"; then
      pid="$(cat "$file")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
      echo "stopped $(basename "$file" .pid) (pid $pid)"
    fi
    rm -f "$file"
  done
}

status() {
  local file up=0
  for file in "$pids"/jobmanager.pid "$pids"/taskmanager-*.pid; do
    [ -f "$file" ] || continue
    if ours "$file"; then
      echo "$(basename "$file" .pid): running (pid $(cat "$file"), log $logs/$(basename "$file" .pid).log)"
      up=1
    else
      echo "$(basename "$file" .pid): not running"
    fi
  done
  if [ "$up" = 1 ]; then
    echo "TaskManagers registered: $(registered_taskmanagers || echo '?')"
    echo "Flink REST: $(rest_url)"
  else
    echo "flink-cluster: stopped (state $state)"
  fi
}

case "$command" in
  start) start ;;
  add-taskmanager) add_taskmanager ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
