#!/usr/bin/env bash
# Prometheus and Alertmanager on this host without Docker, from Debian's packages
# (apt-get install -y prometheus prometheus-alertmanager), with trigmon's configuration:
#   deploy/local/observability.sh start|stop|status
# Data and logs go to ${TRIGMON_OPS_DIR:-$HOME/.trigmon/ops}. Ports: Prometheus 9090, Alertmanager
# 9093 (PROMETHEUS_PORT, ALERTMANAGER_PORT override them). The Debian services, if enabled, use the
# same ports: stop them first (systemctl stop prometheus prometheus-alertmanager).
set -euo pipefail
deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${TRIGMON_OPS_DIR:-$HOME/.trigmon/ops}"
prometheus_port="${PROMETHEUS_PORT:-9090}"
alertmanager_port="${ALERTMANAGER_PORT:-9093}"
mkdir -p "$dir/prometheus" "$dir/alertmanager"

need() {
  command -v "$1" >/dev/null || { echo "$1 not found: apt-get install -y $2" >&2; exit 1; }
}

running() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }

start() {
  need prometheus prometheus
  need prometheus-alertmanager prometheus-alertmanager
  if ! running alertmanager; then
    prometheus-alertmanager --config.file="$deploy/alertmanager/alertmanager.yml" \
      --storage.path="$dir/alertmanager" --web.listen-address="127.0.0.1:$alertmanager_port" \
      --cluster.listen-address= >"$dir/alertmanager.log" 2>&1 &
    echo $! >"$dir/alertmanager.pid"
  fi
  if ! running prometheus; then
    prometheus --config.file="$deploy/prometheus/prometheus.yml" \
      --storage.tsdb.path="$dir/prometheus" --web.listen-address="127.0.0.1:$prometheus_port" \
      >"$dir/prometheus.log" 2>&1 &
    echo $! >"$dir/prometheus.pid"
  fi
  status
}

stop() {
  for name in prometheus alertmanager; do
    if running "$name"; then kill "$(cat "$dir/$name.pid")"; fi
    rm -f "$dir/$name.pid"
  done
}

status() {
  for name in prometheus alertmanager; do
    if running "$name"; then echo "$name: running (pid $(cat "$dir/$name.pid"), log $dir/$name.log)"
    else echo "$name: stopped"; fi
  done
  echo "Prometheus http://127.0.0.1:$prometheus_port  Alertmanager http://127.0.0.1:$alertmanager_port"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
