#!/usr/bin/env bash
# The docker-compose stack (deploy/docker-compose.yml) on this host without Docker, from this checkout:
#   deploy/local/stack.sh start|stop|status
#
# Parts, started in this order and stopped in the reverse one:
#   kafka          ./trigmon kafka (a KRaft broker in a child JVM), data kept in STATE/kafka
#   flink          deploy/local/flink-cluster.sh start (state in STATE/flink)
#   stream-app     ./trigmon stream-app --config STATE/stream-app.properties (deploy/stream-app.properties
#                  with this stack's broker and ports)
#   monitor        ./trigmon monitor --cluster ... --models MODELS: the job submitted detached to that cluster,
#                  its TaskManager serving /metrics on 9465 (MONITOR_MODE=local: in its own JVM on a
#                  MiniCluster instead)
#   observability  deploy/local/observability.sh start: Prometheus and Alertmanager (Debian's packages)
#   grafana        grafana-server, only when it is on the PATH, with grafana/provisioning
#
# State, PID files and logs: ${TRIGMON_STACK_DIR:-$HOME/.trigmon/stack}. stop kills only the processes
# whose PID files are there (and that still carry this stack's marker), newest part first.
# Ports (the ones deploy/prometheus/prometheus.yml scrapes; Prometheus only finds parts on these):
#   KAFKA_PORT 9092, FLINK_REST_PORT 8081, STREAM_APP_METRICS_PORT 9464, MONITOR_METRICS_PORT 9465
#   (MONITOR_MODE=local), LIVE_PORT 9466, PROMETHEUS_PORT 9090, ALERTMANAGER_PORT 9093, GRAFANA_PORT 3000.
# Other settings: MODELS (models/default), MONITOR_PARALLELISM (2), MONITOR_WINDOW (ISO-8601, default one
#   lumisection), MONITOR_ARGS (more 'trigmon monitor' options), FLINK_TASKMANAGERS (1), FLINK_SLOTS (2),
#   KAFKA_PARTITIONS (2), GRAFANA_HOME (/usr/share/grafana), STACK_START_TIMEOUT (300 s per part).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="${TRIGMON_STACK_DIR:-$HOME/.trigmon/stack}"
mkdir -p "$state/pids" "$state/log"
state="$(cd "$state" && pwd)"
pids="$state/pids"
logs="$state/log"
kafka_port="${KAFKA_PORT:-9092}"
flink_rest_port="${FLINK_REST_PORT:-8081}"
stream_app_metrics_port="${STREAM_APP_METRICS_PORT:-9464}"
monitor_metrics_port="${MONITOR_METRICS_PORT:-9465}"
live_port="${LIVE_PORT:-9466}"
prometheus_port="${PROMETHEUS_PORT:-9090}"
alertmanager_port="${ALERTMANAGER_PORT:-9093}"
grafana_port="${GRAFANA_PORT:-3000}"
models="${MODELS:-$root/models/default}"
monitor_mode="${MONITOR_MODE:-cluster}"
start_timeout="${STACK_START_TIMEOUT:-300}"
settings=(kafka_port flink_rest_port stream_app_metrics_port monitor_metrics_port live_port prometheus_port
  alertmanager_port grafana_port models monitor_mode)
# status and stop talk to the stack as it was started: start saves its settings.
if [ "${1:-}" != start ] && [ -f "$state/stack.env" ]; then
  # shellcheck source=/dev/null
  . "$state/stack.env"
fi
# Every JVM the stack starts itself carries this marker, so stop never kills a recycled PID.
marker="-Dtrigmon.stack=$state"

# --- helpers --------------------------------------------------------------------------------------

say() { echo "stack: $*"; }
fail() { echo "stack: $*" >&2; exit 1; }

ours() { # part -> true when its process is alive and carries the marker
  local pid
  [ -f "$pids/$1.pid" ] || return 1
  pid="$(cat "$pids/$1.pid")"
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}

port_free() { [ -z "$(ss -Htln "sport = :$1" 2>/dev/null)" ]; }

need_port() { # port variable-name
  port_free "$1" || fail "port $1 is in use (another broker or service?): set $2 to another one"
}

http() { curl -fsS --max-time 3 "$1" 2>/dev/null; }

# trigmon JVMs in the background, in a session of their own, with the marker.
launch() { # part args...
  local part="$1"
  shift
  JAVA_OPTS="${JAVA_OPTS:-} $marker" TRIGMON_NO_BUILD=1 \
    setsid "$root/trigmon" "$@" >"$logs/$part.log" 2>&1 </dev/null &
  echo $! >"$pids/$part.pid"
}

await_line() { # part text: wait until the part's log shows the text
  local deadline=$((SECONDS + start_timeout))
  until grep -qF -- "$2" "$logs/$1.log" 2>/dev/null; do
    kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null || { tail -20 "$logs/$1.log" >&2; fail "$1 exited; log $logs/$1.log"; }
    [ $SECONDS -lt $deadline ] || fail "$1 not ready within ${start_timeout}s; log $logs/$1.log"
    sleep 1
  done
}

terminate() { # part: SIGTERM, up to 30 s for the shutdown hooks, then SIGKILL
  local pid
  if ours "$1"; then
    pid="$(cat "$pids/$1.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    say "stopped $1 (pid $pid)"
  fi
  rm -f "$pids/$1.pid"
}

running() { # part -> "running (pid N)" or "stopped"
  if ours "$1"; then echo "running (pid $(cat "$pids/$1.pid"), log $logs/$1.log)"; else echo "stopped"; fi
}

build() { # the CLI, the job jar and the cluster classpath, once, in the foreground
  "$root/trigmon" --version >/dev/null
}

# --- kafka ----------------------------------------------------------------------------------------

start_kafka() {
  if ours kafka; then say "kafka already running"; return; fi
  need_port "$kafka_port" KAFKA_PORT
  launch kafka kafka --port "$kafka_port" --dir "$state/kafka" --partitions "${KAFKA_PARTITIONS:-2}"
  await_line kafka "bootstrap servers:"
  # The broker is a child JVM of 'trigmon kafka' (stopped by its shutdown hook); kept for stop.
  ps -o pid= --ppid "$(cat "$pids/kafka.pid")" | tr -d ' ' | head -1 >"$pids/kafka-broker.pid"
  say "kafka: $(sed -n 's/.*bootstrap servers: *//p' "$logs/kafka.log")"
}

stop_kafka() {
  local broker=""
  [ -f "$pids/kafka-broker.pid" ] && broker="$(cat "$pids/kafka-broker.pid")"
  terminate kafka
  # Normally gone with its parent; only a process still running on this stack's data is ours.
  if [ -n "$broker" ] && kill -0 "$broker" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$broker/cmdline" 2>/dev/null | grep -qF -- "$state/kafka"; then
    kill "$broker" 2>/dev/null || true
    say "stopped the kafka broker (pid $broker)"
  fi
  rm -f "$pids/kafka-broker.pid"
}

# --- flink ----------------------------------------------------------------------------------------

flink() { # flink-cluster.sh with this stack's state dir and REST port
  FLINK_REST_PORT="$flink_rest_port" TRIGMON_NO_BUILD=1 \
    "$root/deploy/local/flink-cluster.sh" "$@" --state-dir "$state/flink"
}

start_flink() {
  [ "$monitor_mode" = cluster ] || return 0
  local current
  current="$(flink status || true)"
  if grep -q '^jobmanager: running' <<<"$current"; then say "flink already running"; return; fi
  need_port "$flink_rest_port" FLINK_REST_PORT
  flink start --taskmanagers "${FLINK_TASKMANAGERS:-1}" --slots "${FLINK_SLOTS:-2}" >"$logs/flink.log" 2>&1 \
    || { cat "$logs/flink.log" >&2; fail "the Flink cluster did not start"; }
  say "flink: http://127.0.0.1:$flink_rest_port"
}

stop_flink() {
  [ -f "$state/flink/pids/jobmanager.pid" ] || return 0
  flink stop | sed 's/^/stack: flink: /'
}

# --- stream app -----------------------------------------------------------------------------------

stream_app_config() { # deploy/stream-app.properties with this stack's broker, ports and state
  grep -vE '^(bootstrap\.servers|metrics\.host|metrics\.port|state\.dir|live\.port)=' \
    "$root/deploy/stream-app.properties"
  cat <<EOF
# Written by deploy/local/stack.sh from deploy/stream-app.properties.
bootstrap.servers=127.0.0.1:$kafka_port
metrics.host=127.0.0.1
metrics.port=$stream_app_metrics_port
live.port=$live_port
state.dir=$state/stream-app-state
EOF
}

start_stream_app() {
  if ours stream-app; then say "stream-app already running"; return; fi
  need_port "$stream_app_metrics_port" STREAM_APP_METRICS_PORT
  need_port "$live_port" LIVE_PORT
  stream_app_config >"$state/stream-app.properties"
  launch stream-app stream-app --config "$state/stream-app.properties"
  await_line stream-app "Press Ctrl-C"
  say "stream-app: live page http://127.0.0.1:$live_port/"
}

stop_stream_app() { terminate stream-app; }

# --- monitor job ----------------------------------------------------------------------------------

monitor_options() { # -> the array monitor_args
  monitor_args=(--bootstrap "127.0.0.1:$kafka_port" --models "$models" --parallelism "${MONITOR_PARALLELISM:-2}")
  [ -z "${MONITOR_WINDOW:-}" ] || monitor_args+=(--window "$MONITOR_WINDOW")
  # shellcheck disable=SC2206 # MONITOR_ARGS is a list of words
  monitor_args+=(${MONITOR_ARGS:-})
}

job_id() { cat "$state/monitor.job" 2>/dev/null; }

job_state() {
  http "http://127.0.0.1:$flink_rest_port/jobs/$(job_id)" | grep -o '"state":"[A-Z_]*"' | head -1 | cut -d'"' -f4
}

start_monitor() {
  [ -d "$models/nplm" ] || fail "MODELS=$models has no nplm/ (see README, Your own data)"
  monitor_options
  if [ "$monitor_mode" = local ]; then
    if ours monitor; then say "monitor already running"; return; fi
    need_port "$monitor_metrics_port" MONITOR_METRICS_PORT
    launch monitor monitor "${monitor_args[@]}" --metrics-port "$monitor_metrics_port"
    await_line monitor "Metrics:"
    say "monitor: MiniCluster, /metrics http://127.0.0.1:$monitor_metrics_port/metrics"
    return
  fi
  if [ -n "$(job_id)" ] && [ "$(job_state)" = RUNNING ]; then say "monitor job already running"; return; fi
  TRIGMON_NO_BUILD=1 "$root/trigmon" monitor "${monitor_args[@]}" --cluster "127.0.0.1:$flink_rest_port" \
    >"$logs/monitor.log" 2>&1 || { cat "$logs/monitor.log" >&2; fail "monitor job not submitted"; }
  sed -n 's/^Submitted job \([0-9a-f]*\) .*/\1/p' "$logs/monitor.log" >"$state/monitor.job"
  sed -n 's/^Web UI: //p' "$logs/monitor.log" >"$state/monitor.url"
  say "monitor: job $(job_id) submitted, $(cat "$state/monitor.url")"
}

stop_monitor() {
  terminate monitor
  if [ -n "$(job_id)" ] && [ -n "$(job_state)" ]; then
    curl -fsS --max-time 10 -X PATCH "http://127.0.0.1:$flink_rest_port/jobs/$(job_id)?mode=cancel" >/dev/null \
      && say "cancelled monitor job $(job_id)"
  fi
  rm -f "$state/monitor.job" "$state/monitor.url"
}

# --- Prometheus and Alertmanager ------------------------------------------------------------------

observability() {
  TRIGMON_OPS_DIR="$state/ops" PROMETHEUS_PORT="$prometheus_port" ALERTMANAGER_PORT="$alertmanager_port" \
    "$root/deploy/local/observability.sh" "$1"
}

start_observability() {
  if ! command -v prometheus >/dev/null || ! command -v prometheus-alertmanager >/dev/null; then
    say "Prometheus/Alertmanager not installed (apt-get install -y prometheus prometheus-alertmanager): skipped"
    return
  fi
  observability start | sed 's/^/stack: /'
}

stop_observability() { [ -d "$state/ops" ] && observability stop; return 0; }

# --- Grafana --------------------------------------------------------------------------------------

start_grafana() {
  if ! command -v grafana-server >/dev/null; then
    say "grafana-server not on the PATH: dashboards are in $root/grafana/dashboards (import them in"
    say "  Grafana: Dashboards > New > Import), or point Grafana's provisioning at $root/grafana/provisioning"
    say "  with PROMETHEUS_URL=http://127.0.0.1:$prometheus_port TRIGMON_DASHBOARDS=$root/grafana/dashboards"
    return
  fi
  if grafana_ours; then say "grafana already running"; return; fi
  need_port "$grafana_port" GRAFANA_PORT
  mkdir -p "$state/grafana"
  PROMETHEUS_URL="http://127.0.0.1:$prometheus_port" ALERTMANAGER_URL="http://127.0.0.1:$alertmanager_port" \
    TRIGMON_DASHBOARDS="$root/grafana/dashboards" GF_SERVER_HTTP_ADDR=127.0.0.1 GF_SERVER_HTTP_PORT="$grafana_port" \
    GF_PATHS_DATA="$state/grafana" GF_PATHS_LOGS="$state/grafana" GF_PATHS_PROVISIONING="$root/grafana/provisioning" \
    setsid grafana-server --homepath "${GRAFANA_HOME:-/usr/share/grafana}" \
    >"$logs/grafana.log" 2>&1 </dev/null &
  echo $! >"$pids/grafana.pid"
  say "grafana: http://127.0.0.1:$grafana_port (admin/admin at first login)"
}

grafana_ours() { # Grafana is no JVM: it is ours when its environment names this stack's data dir
  local pid
  [ -f "$pids/grafana.pid" ] || return 1
  pid="$(cat "$pids/grafana.pid")"
  kill -0 "$pid" 2>/dev/null && tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF -- "GF_PATHS_DATA=$state/grafana"
}

grafana_running() {
  if grafana_ours; then echo "running (pid $(cat "$pids/grafana.pid"))"; else echo "stopped"; fi
}

stop_grafana() {
  if grafana_ours; then
    kill "$(cat "$pids/grafana.pid")" && say "stopped grafana (pid $(cat "$pids/grafana.pid"))"
  fi
  rm -f "$pids/grafana.pid"
}

# --- commands -------------------------------------------------------------------------------------

start() {
  declare -p "${settings[@]}" >"$state/stack.env"
  build
  start_kafka
  start_flink
  start_stream_app
  start_monitor
  start_observability
  start_grafana
  echo
  status
}

stop() {
  stop_grafana
  stop_observability
  stop_monitor
  stop_stream_app
  stop_flink
  stop_kafka
}

latest_windows() { # one line per stream from the live page's JSON
  http "http://127.0.0.1:$live_port/api/live" \
    | grep -o '"stream":"[^"]*","state":"[^"]*","drifting":[a-z]*,"drift_pull":[^,]*,"z":[^,]*,"window_id":[^,]*' \
    | sed 's/"stream":"\([^"]*\)","state":"\([^"]*\)",.*"z":\([^,]*\),"window_id":\(.*\)/  \1: window \4, Z \3, \2/' \
    | tr -d '"' | awk '!seen[$0]++' # the selected stream's status repeats its line
}

status() {
  echo "kafka:         $(running kafka)  bootstrap 127.0.0.1:$kafka_port"
  if [ "$monitor_mode" = cluster ]; then
    echo "flink:         $(flink status | grep -c ': running' || true) process(es) running  UI http://127.0.0.1:$flink_rest_port"
  fi
  echo "stream-app:    $(running stream-app)"
  echo "               live page http://127.0.0.1:$live_port/  /metrics http://127.0.0.1:$stream_app_metrics_port/metrics"
  if [ "$monitor_mode" = local ]; then
    echo "monitor:       $(running monitor)  /metrics http://127.0.0.1:$monitor_metrics_port/metrics"
  elif [ -n "$(job_id)" ]; then
    echo "monitor:       job $(job_id) $(job_state || true)  $(cat "$state/monitor.url" 2>/dev/null)"
    echo "               (trigmon_* metrics stay in the TaskManager; MONITOR_MODE=local serves them on $monitor_metrics_port)"
  else
    echo "monitor:       not submitted"
  fi
  echo "prometheus:    $(running_ops prometheus)  http://127.0.0.1:$prometheus_port"
  echo "alertmanager:  $(running_ops alertmanager)  http://127.0.0.1:$alertmanager_port"
  if command -v grafana-server >/dev/null; then
    echo "grafana:       $(grafana_running)  http://127.0.0.1:$grafana_port"
  else
    echo "grafana:       not installed (dashboards: $root/grafana/dashboards)"
  fi
  if ours stream-app; then
    echo "latest windows (monitor.results):"
    latest_windows || echo "  none yet"
  fi
}

running_ops() { # prometheus|alertmanager, as observability.sh keeps them
  local file="$state/ops/$1.pid"
  if [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then echo "running (pid $(cat "$file"))"
  else echo "stopped"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
