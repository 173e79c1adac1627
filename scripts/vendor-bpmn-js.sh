#!/usr/bin/env bash
# Copies bpmn-js's navigated viewer (npm package bpmn-js) into the audit pages, so that the diagram renders
# without any request leaving the machine. The copied files are committed; run this only to change the version.
#   scripts/vendor-bpmn-js.sh 18.6.2
set -euo pipefail
version="${1:?usage: $0 <bpmn-js version>}"
cd "$(dirname "$0")/.."
target=src/main/resources/static/audit/vendor/bpmn-js
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "bpmn-js@$version" --silent >/dev/null && tar xzf bpmn-js-*.tgz)
rm -rf "$target" && mkdir -p "$target"
cp "$work/package/dist/bpmn-navigated-viewer.production.min.js" "$target/"
cp "$work/package/dist/assets/diagram-js.css" "$work/package/dist/assets/bpmn-js.css" "$target/"
cp "$work/package/LICENSE" "$target/LICENSE"
echo "$version" > "$target/VERSION"
echo "bpmn-js $version copied to $target"
