# Shared set-up for scripts/run and scripts/test: system packages when missing, the venv, the packages.
# Sourced, not run. Usage: bootstrap "<extra>" "<debian packages...>"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KIOSK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Runtime libraries the PySide6 wheels load (offscreen and X11), present on most desktops already.
QT_RUNTIME_DEBS="libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1"

say() { printf '[kiosk] %s\n' "$*" >&2; }

install_debs() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: install the equivalents of: $*"; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      say "missing system packages: ${missing[*]} — install them as root (apt-get install ${missing[*]})"; exit 1
    fi
  fi
  say "installing system packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

bootstrap() {
  local extra="$1"; shift
  install_debs $QT_RUNTIME_DEBS "$@"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  # Reinstall only when the project's requirements changed since the last install.
  local stamp="$VENV/.kiosk-installed-$extra"
  local want
  want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing Python packages (${extra:-app})"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    local spec="$ROOT"
    [ -n "$extra" ] && spec="$ROOT[$extra]"
    "$VENV/bin/python" -m pip install -q -e "$spec"
    echo "$want" > "$stamp"
  fi
}
