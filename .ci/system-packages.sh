#!/usr/bin/env bash
# Installs the Debian packages of the real servers and runtimes the tests start themselves:
# Ceph's radosgw (a one-node cluster: monitor, OSD), Redis and Chromium. Packages already
# present are left alone; anything missing is installed with apt-get (CI runs as root).
set -euo pipefail

with_recommends=(radosgw redis-server chromium)
without_recommends=(ceph-mon ceph-osd)

missing() {
  local out=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out+=("$pkg")
  done
  echo "${out[@]:-}"
}

need_a=$(missing "${with_recommends[@]}")
need_b=$(missing "${without_recommends[@]}")
if [ -z "$need_a$need_b" ]; then
  echo "system packages present: ${with_recommends[*]} ${without_recommends[*]}"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing system packages ($need_a $need_b) and not root: cannot install them" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
[ -z "$need_a" ] || apt-get install -y -q $need_a
# shellcheck disable=SC2086
[ -z "$need_b" ] || apt-get install -y -q --no-install-recommends $need_b
echo "installed: $need_a $need_b"
