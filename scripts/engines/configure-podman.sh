#!/usr/bin/env bash
# Write the containers.conf drop-in podman and buildah need on this kind of machine, then
# check that podman answers. Both read /etc/containers/containers.conf.d/*.conf.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

DROPIN=/etc/containers/containers.conf.d/50-bento-container.conf

mkdir -p "$(dirname "$DROPIN")"
cat >"$DROPIN" <<'CONF'
# Written by bento-container's scripts/engines/configure-podman.sh.
[containers]
# The sandbox withholds CAP_SYS_RESOURCE, so runc cannot raise rlimits to podman's default
# (nofile 1048576): `podman run` fails with "error setting rlimit type 7".
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
# No systemd here (PID 1 is not systemd): cgroups are managed directly, events go to a file.
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
log "wrote $DROPIN"

info="$(podman info --format 'storage {{.Store.GraphDriverName}}, cgroups {{.Host.CgroupManager}}, events {{.Host.EventLogger}}')" ||
  die "podman info failed with $DROPIN in place"
log "podman: $info"
