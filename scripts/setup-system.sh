#!/usr/bin/env bash
# Installs the system packages the tests use, on Debian or Ubuntu, as root (or through sudo).
# Idempotent: a package already installed is left alone, and when nothing is missing nothing is run.
# Elsewhere it prints what to install and exits 1.
#
#   scripts/setup-system.sh            install what is missing
#   scripts/setup-system.sh --check    only say what is missing (exit 1 if anything is)
#
# What each package is for:
#   chromium          end-to-end tests of the task pane and the page (playwright-core drives it)
#   libreoffice-calc  renders the annex to PDF (npm run render-annex) and the LibreOffice round trip
#   poppler-utils     pdftoppm, turns those PDFs into the PNGs in docs/annex
#   fonts-noto-cjk    Chinese glyphs in screenshots and rendered pages
#   fonts-crosextra-carlito  Calibri's metrics: without it LibreOffice measures columns in another font
#                     and shrinks every annex page to about 78 % (10 pt prints at 7.8 pt)
#   python3-openpyxl  fixture tests that write and read workbooks with openpyxl (/usr/bin/python3)
# Node ≥ 20 and npm come from elsewhere (nodejs.org, nvm, or the distribution's nodejs package).
set -euo pipefail

PACKAGES=(chromium libreoffice-calc poppler-utils fonts-noto-cjk fonts-crosextra-carlito python3-openpyxl)
check_only=0
[ "${1:-}" = "--check" ] && check_only=1

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "This is not a Debian/Ubuntu system. Install these with your package manager, then run the tests:"
  echo "  Chromium or Chrome (set CHROMIUM=/path/to/binary if it is not /usr/bin/chromium)"
  echo "  LibreOffice Calc (soffice on PATH), poppler (pdftoppm), Noto Sans CJK fonts,"
  echo "  Python 3 with openpyxl at /usr/bin/python3"
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all present (${PACKAGES[*]})"
  exit 0
fi
echo "setup-system: missing ${missing[*]}"
[ $check_only -eq 1 ] && exit 1

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup-system: run as root, or install sudo"; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
echo "setup-system: apt-get install ${missing[*]}"
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup-system: installed ${missing[*]}"
