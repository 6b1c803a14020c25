#!/usr/bin/env bash
# Installs what the tests and the demo run locally, as Debian packages: PostgreSQL and
# ClickHouse servers, and Chromium for the web UI's browser tests. Does nothing when they are
# already there.
set -euo pipefail

have_postgres() {
    command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}
have_clickhouse() {
    command -v clickhouse-server >/dev/null 2>&1 && command -v clickhouse-client >/dev/null 2>&1
}

missing=()
have_postgres || missing+=(postgresql postgresql-client)
have_clickhouse || missing+=(clickhouse-server clickhouse-client)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)  # Celery broker of the executor test
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)  # validates docker-compose.yml
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
echo "Installing system packages: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian packages start their own services on the default ports; the project runs private
# instances, so stop those to keep ports and memory free.
for service in clickhouse-server postgresql redis-server; do
    $sudo service "$service" stop >/dev/null 2>&1 || true
done
