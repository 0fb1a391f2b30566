#!/bin/sh
# Redraws docs/images/report-sheet.png: a unit's report sheet as
# LibreOffice renders it (PDF export, first page, as PNG).
#
#   docs/tools/report-sheet-picture.sh [path/to/duban]
#
# Needs LibreOffice (soffice), poppler-utils (pdftoppm) and a Chinese font
# (fonts-noto-cjk). Run from the repository root.
set -eu
duban=${1:-target/debug/duban}
out=docs/images/report-sheet.png
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DUBAN_DATA_HOME="$work/home"
# A little progress first, so 上次进度 shows what the sheet carries over.
"$duban" --today 2023-04-02 progress set K4.2 --percent 30 --note 完成方案 --date 2023-03-30 >/dev/null
"$duban" template --unit 市公安局 --as-of 2023-06-10 --out "$work/市公安局.xlsx"
soffice "-env:UserInstallation=file://$work/profile" --headless \
    --convert-to pdf --outdir "$work" "$work/市公安局.xlsx" >/dev/null
pdftoppm -png -r 110 -f 1 -l 1 -x 60 -y 60 -W 1170 -H 125 -singlefile "$work/市公安局.pdf" "$work/page"
cp "$work/page.png" "$out"
echo "wrote $out"
