#!/bin/sh
# Re-vendor the web app's front-end libraries from the npm registry (npm pack, no install,
# no build step). The files are committed under src/claimtrace/web/static/vendor/ so the
# package works offline and without npm; run this only to change a pinned version.
set -eu
DEST="$(cd "$(dirname "$0")/.." && pwd)/src/claimtrace/web/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DEST"
cd "$WORK"
take() {  # take PACKAGE@VERSION FILE-IN-PACKAGE NAME-IN-VENDOR
	tgz="$(npm pack "$1" --silent | tail -1)"
	mkdir -p "$1" && tar xzf "$tgz" -C "$1"
	cp "$1/package/$2" "$DEST/$3"
	cp "$1/package/LICENSE" "$DEST/${1%@*}.LICENSE"
	echo "$1 $2 -> $3"
}
{
	take cytoscape@3.34.4 dist/cytoscape.min.js cytoscape.min.js
	take leaflet@1.9.4 dist/leaflet.js leaflet.js
	take leaflet@1.9.4 dist/leaflet.css leaflet.css
	take topojson-client@3.1.0 dist/topojson-client.min.js topojson-client.min.js
	# Natural Earth 1:110m country shapes (public domain) as TopoJSON
	take world-atlas@2.0.2 countries-110m.json countries-110m.json
} > "$DEST/VERSIONS"
cat "$DEST/VERSIONS"
