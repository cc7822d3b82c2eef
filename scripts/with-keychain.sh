#!/usr/bin/env bash
# Runs a command against a real, private Secret Service: a D-Bus session of its
# own (dbus-run-session) with a gnome-keyring unlocked by a throwaway password,
# its keyrings in a temporary folder. DISPLAY is unset so that a locked keyring
# fails instead of prompting. Usage: scripts/with-keychain.sh COMMAND [ARGS...]
set -euo pipefail
if [ -z "${MOMO_KEYCHAIN_SESSION:-}" ]; then
  for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-keychain: $tool is missing (apt-get install dbus gnome-keyring)" >&2; exit 2; }
  done
  exec env MOMO_KEYCHAIN_SESSION=starting dbus-run-session -- "$0" "$@"
fi

unset DISPLAY WAYLAND_DISPLAY
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/momo-keyring.XXXXXX")
export XDG_DATA_HOME="$keyring_home/data" XDG_CONFIG_HOME="$keyring_home/config" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

printf '%s' "momo-keychain-test-$$" | gnome-keyring-daemon --foreground --unlock --components=secrets >"$keyring_home/daemon.log" 2>&1 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; rm -rf "$keyring_home"' EXIT

owned=no
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    owned=yes
    break
  fi
  kill -0 "$daemon" 2>/dev/null || break
  sleep 0.1
done
if [ "$owned" != yes ]; then
  echo "with-keychain: gnome-keyring did not take org.freedesktop.secrets on the bus" >&2
  cat "$keyring_home/daemon.log" >&2
  exit 2
fi

export MOMO_KEYCHAIN_SESSION=ready
"$@"
