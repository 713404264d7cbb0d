#!/usr/bin/env bash
# Install the Debian packages the book needs, once. Usage: setup-system.sh book|pdf|test
#   book: Chromium (static chart images via kaleido; browser tests), npm if missing
#   pdf/test: plus XeLaTeX and fonts (PDF), poppler-utils (PDF checks)
# $CFR_EXTRA_SYSTEM_PACKAGES adds packages (space-separated), e.g. a font for a new script.
# As root it runs apt-get; as another user it names the command to run and stops.
set -euo pipefail
want=${1:-test}
pkgs=(chromium fonts-dejavu-core ${CFR_EXTRA_SYSTEM_PACKAGES:-})
if [[ $want == pdf || $want == test ]]; then
  pkgs+=(latexmk texlive-xetex texlive-latex-recommended texlive-latex-extra
         texlive-fonts-recommended texlive-fonts-extra fonts-freefont-otf poppler-utils)
fi
# npm installs the partial plotly.js bundle (package-lock.json); Debian's nodejs/npm if absent.
command -v npm >/dev/null || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0
line="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them as root, then run make again:" >&2
  echo "  sudo apt-get update && sudo $line" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]} (texlive-fonts-extra is large; this takes a while)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
