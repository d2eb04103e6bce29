# Shared set-up for scripts/run and scripts/test: system packages when missing, the venv, the packages.
# Sourced, not run. Usage: bootstrap "<extra>" "<debian packages...>"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KIOSK_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Runtime libraries the PySide6 wheels load (offscreen and X11), present on most desktops already.
QT_RUNTIME_DEBS="libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1"

sudo=()  # ("sudo") when not root: set by install_debs

say() { printf '[kiosk] %s\n' "$*" >&2; }

# How long to wait for another package manager (automatic updates, a software centre) to let go of dpkg.
DPKG_WAIT="${KIOSK_DPKG_WAIT:-300}"
# dpkg's and apt's locks (fcntl locks, as dpkg and apt take them); a test points this elsewhere.
DPKG_LOCKS="${KIOSK_DPKG_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock}"

# Wait, up to DPKG_WAIT seconds, until no other process holds dpkg's or apt's locks; say so while waiting,
# and what to do when they are not freed. Blocks on the lock itself (no polling); returns non-zero on time-out.
wait_for_dpkg_lock() {
  local status=0
  "${sudo[@]}" "$PYTHON" - "$DPKG_WAIT" $DPKG_LOCKS <<'EOF' || status=$?
import fcntl, os, signal, sys, time

wait = float(sys.argv[1])
deadline = time.monotonic() + wait
said = False
signal.signal(signal.SIGALRM, lambda *_: sys.exit(1))  # interrupts the blocking lockf below
for path in sys.argv[2:]:
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        continue
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            if not said:
                print(f"[kiosk] another package manager is using dpkg (automatic updates?): waiting up to {wait:g} s"
                      " for it to finish", file=sys.stderr, flush=True)
                said = True
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit(1)
            signal.setitimer(signal.ITIMER_REAL, left)
            fcntl.lockf(fd, fcntl.LOCK_EX)
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        os.close(fd)  # releases the lock at once: it was only a test
if said:
    print("[kiosk] dpkg is free again", file=sys.stderr)
EOF
  if [ $status -ne 0 ]; then
    say "dpkg is still busy after ${DPKG_WAIT} s. Let the other package manager finish (see it with:"
    say "  ps -C apt,apt-get,dpkg,unattended-upgr,packagekitd -o pid,etime,args), then run this again,"
    say "  or wait longer: KIOSK_DPKG_WAIT=1800 $0 …   Do not delete dpkg's lock files."
  fi
  return $status
}

# Packages an interrupted installation left unpacked or half-configured, one name a line.
unfinished_debs() {
  # The status letter: U unpacked, F half-configured, H half-installed, W/t waiting for triggers.
  dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' 2>/dev/null | awk 'substr($1, 2, 1) ~ /[UFHWt]/ { print $2 }'
}

# Finish what an interrupted installation left (dpkg --configure -a), or name the packages and the command.
repair_dpkg() {
  local unfinished
  unfinished="$(unfinished_debs | tr '\n' ' ')"
  [ -z "${unfinished// /}" ] && return 0
  say "an interrupted installation left these packages unfinished: ${unfinished% }; finishing it (dpkg --configure -a)"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive dpkg --configure -a >/dev/null; then
    say "dpkg could not finish configuring: $(unfinished_debs | tr '\n' ' ')"
    say "  run: sudo dpkg --configure -a   (then: sudo apt-get -f install), and read what it reports"
    return 1
  fi
}

install_debs() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: install the equivalents of: $*"; return 0; }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      say "missing system packages: ${missing[*]} — install them as root (apt-get install ${missing[*]})"; exit 1
    fi
  fi
  wait_for_dpkg_lock || exit 1
  repair_dpkg || exit 1
  say "installing system packages: ${missing[*]}"
  # The lock may be taken again between the wait and apt: apt waits for it too, for the same time.
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o "DPkg::Lock::Timeout=$DPKG_WAIT")
  "${apt[@]}" update -qq
  "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# vsmartcard's vpcd driver for the tests' private pcscd, taken from the package's files without installing
# the package: its /etc/reader.conf.d/vpcd would make the machine's own pcscd listen on 0.0.0.0:35963.
# Prints the path of libifdvpcd.so: an installed copy when the package is there, else one extracted once
# into the user's cache folder.
vpcd_driver() {
  local installed=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
  if [ -f "$installed" ]; then echo "$installed"; return 0; fi
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/mynakiosk/vsmartcard-vpcd"
  local driver="$cache/root/usr/lib/pcsc/drivers/serial/libifdvpcd.so"
  if [ ! -f "$driver" ]; then
    command -v apt-get >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: build vsmartcard's vpcd and set KIOSK_VPCD_DRIVER to its libifdvpcd.so"; return 0; }
    say "extracting the vpcd driver from the vsmartcard-vpcd package into $cache (not installing it)"
    mkdir -p "$cache"
    rm -rf "$cache/root" "$cache"/*.deb
    if ! (cd "$cache" && apt-get download -qq vsmartcard-vpcd 2>/dev/null); then
      local sudo=()
      [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo=(sudo)
      "${sudo[@]}" apt-get update -qq
      (cd "$cache" && apt-get download -qq vsmartcard-vpcd)
    fi
    dpkg-deb -x "$cache"/vsmartcard-vpcd_*.deb "$cache/root"
  fi
  echo "$driver"
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
