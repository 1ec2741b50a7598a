# Sourced by serve.sh and test.sh: stops with what to install when Node.js or npm is missing or
# older than package.json's "engines", instead of letting npm fail half-way with its own error.
required="$(sed -n 's/.*"node": *">= *\([0-9][0-9.]*\)".*/\1/p' package.json)"

node_advice() {
	cat >&2 <<ADVICE
Install Node.js $required or newer with npm, then run this again:
  - with nvm (https://github.com/nvm-sh/nvm): nvm install --lts
  - or the LTS from https://nodejs.org (on Debian/Ubuntu also https://github.com/nodesource/distributions)
The nodejs package of Debian 12 and Ubuntu 24.04 is older than that.
ADVICE
}

if ! command -v node >/dev/null 2>&1; then
	echo "Rapport needs Node.js $required or newer, and node is not installed." >&2
	node_advice
	exit 1
fi

have="$(node -p 'process.versions.node')"
IFS=. read -r have_major have_minor _ <<<"$have"
IFS=. read -r need_major need_minor _ <<<"$required"
if [ "$have_major" -lt "$need_major" ] ||
	{ [ "$have_major" -eq "$need_major" ] && [ "$have_minor" -lt "${need_minor:-0}" ]; }; then
	echo "Rapport needs Node.js $required or newer; $(command -v node) is $have." >&2
	node_advice
	exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
	echo "Node.js $have is installed but npm is not (Debian packages it apart: apt-get install npm)." >&2
	exit 1
fi
