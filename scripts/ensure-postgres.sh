# Installs Debian's PostgreSQL server binaries for the server tests and the bench, only where
# they are missing (the tests start their own throwaway server; see scripts/postgres.mjs).
set -e
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && exit 0
command -v postgres >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
