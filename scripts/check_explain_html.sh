#!/usr/bin/env bash
# Read `newsclean explain --format html` in a real browser: Debian's Chromium, headless
# (apt-get install chromium; CHROMIUM=/path/to/chromium for another). Writes the report, the
# DOM the browser built from it and a screenshot, and checks that the browser saw every block.
#
#   scripts/check_explain_html.sh PAGE [OUT_DIR] [-- explain options such as --url URL]
#
# The page loads nothing (its Content-Security-Policy forbids any fetch) and the browser runs
# with its background networking off, so the check needs no network.
set -euo pipefail
page=${1:?usage: scripts/check_explain_html.sh PAGE [OUT_DIR] [-- explain options]}
shift
out=$(mktemp -d)
if [[ $# -gt 0 && $1 != "--" ]]; then out=$1; shift; fi
[[ ${1:-} == "--" ]] && shift
browser=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $browser ]]; then
    echo "check_explain_html: $browser not found; apt-get install chromium, or set CHROMIUM" >&2
    exit 2
fi
mkdir -p "$out"
report=$(cd "$out" && pwd)/report.html
# exit 1 means no article was found: the report then says why, and is still checked
newsclean explain "$page" --format html "$@" > "$report" || [[ $? == 1 ]]
flags=(--headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check
       --disable-background-networking --disable-component-update --disable-sync
       --disable-extensions "--user-data-dir=$out/profile")
"$browser" "${flags[@]}" --dump-dom "file://$report" > "$out/dom.html" 2> "$out/browser.log"
"$browser" "${flags[@]}" --window-size=1100,1600 "--screenshot=$out/report.png" "file://$report" \
    >> "$out/browser.log" 2>&1
python - "$report" "$out/dom.html" <<'PY'
import sys
import lxml.html

mine, seen = (lxml.html.parse(path).getroot() for path in sys.argv[1:3])
blocks = '//ol[@class="blocks"]/li'
wrote, read = len(mine.xpath(blocks)), len(seen.xpath(blocks))
if wrote != read or seen.xpath("//script"):
    sys.exit(f"check_explain_html: the browser read {read} blocks of {wrote}")
dropped = len(seen.xpath(blocks + '[contains(@class, "dropped")]'))
print(f"check_explain_html: the browser read all {read} blocks ({dropped} dropped)")
PY
echo "report: $report"
echo "browser's DOM: $out/dom.html; screenshot: $out/report.png"
