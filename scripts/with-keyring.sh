#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) on a private D-Bus session,
# so keytar talks to an actual keychain. Where a session bus with a keyring already exists
# (a Linux desktop, macOS, Windows), the command runs as it is.
set -euo pipefail
if [[ "$(uname -s)" != "Linux" || ( -n "${DBUS_SESSION_BUS_ADDRESS:-}" && -z "${FISCAL_DESK_PRIVATE_KEYRING:-}" ) ]]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing (apt-get install dbus-x11 gnome-keyring)" >&2; exit 1; }
done
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export FISCAL_DESK_KEYRING_HOME="$keyring_home"
exec dbus-run-session -- bash -c '
  export XDG_DATA_HOME="$FISCAL_DESK_KEYRING_HOME"
  printf "pw" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  exec "$@"
' with-keyring "$@"
