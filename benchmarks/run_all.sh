#!/usr/bin/env bash
# Every figure in BENCHMARKS.md, from one command: bash benchmarks/run_all.sh ../shared/datasets [OUT]
# Writes one Markdown table per run (and its JSON) into OUT (default bench-out/).
set -euo pipefail
data=${1:?usage: run_all.sh DATASETS_DIR [OUT]}
out=${2:-bench-out}
mkdir -p "$out"
for set in scrapinghub wcxb-articles-dev; do
  python benchmarks/accuracy.py "$data/$set" --jobs 2 --json "$out/acc_${set}_html.json" > "$out/acc_${set}_html.md"
  for style in html2text inscriptis w3m textcontent; do
    python benchmarks/accuracy.py "$data/$set" --style "$style" --jobs 2 \
      --json "$out/acc_${set}_${style}.json" > "$out/acc_${set}_${style}.md"
  done
done
python benchmarks/accuracy.py "$data/scrapinghub" --jobs 2 --systems newsclean \
  --rules-dir "$data/ftr-site-config" --per-page "$out/sh_ftr.jsonl" > "$out/acc_scrapinghub_ftr.md"
python benchmarks/accuracy.py "$data/scrapinghub" --jobs 2 --systems newsclean \
  --per-page "$out/sh_plain.jsonl" > /dev/null
python benchmarks/ftr_subset.py "$data" "$out/sh_plain.jsonl" "$out/sh_ftr.jsonl" > "$out/ftr_subset.md"
# held-out styles: the datasets' HTML rendered by other tools' conventions (render_styles.py)
for set in scrapinghub wcxb-articles-dev; do
  python benchmarks/render_styles.py "$data/$set" "$out/styles/$set" --jobs 2 > /dev/null
  for style in browsercopy lynx markdown crawldump textnodes flat; do
    python benchmarks/accuracy.py "$out/styles/$set" --style "$style" --jobs 2 \
      --systems newsclean,everything --json "$out/acc_${set}_${style}.json" > "$out/acc_${set}_${style}.md"
  done
done
python benchmarks/metadata.py "$data/wcxb-articles-dev" --jobs 2 > "$out/metadata.md"
for style in html2text inscriptis w3m textcontent; do
  python benchmarks/metadata.py "$data/wcxb-articles-dev" --jobs 2 --style "$style" > "$out/metadata_${style}.md"
done
python benchmarks/speed.py "$data/scrapinghub" --json "$out/speed_html.json" > "$out/speed_html.md"
python benchmarks/speed.py "$data/scrapinghub" --style w3m --json "$out/speed_w3m.json" > "$out/speed_w3m.md"
if python -c "import datatrove" 2>/dev/null; then  # pip install -e '.[datatrove]'
  python benchmarks/datatrove_speed.py "$data/scrapinghub" --json "$out/datatrove.json" > "$out/datatrove.md"
fi
echo "figures in $out/"
