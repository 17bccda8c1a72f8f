#!/usr/bin/python3
"""Fills a 细则定义 workbook (made by `credit-score rubric-sheet --blank`) the way a clerk would, with openpyxl.

Usage: /usr/bin/python3 scripts/fill-rubric-sheet.py <blank.xlsx> <spec.json> <out.xlsx>

spec.json:
  {"method": {"<设置项>": value, ...},            # the 考核办法 sheet: value into column B of the row labelled so
   "rows": [{"<表头>": value, ...}, ...],          # the 细则定义 sheet: one dict per row, from row 2, by header
   "notes": [["<标识>", "<关于>", "<内容>"], ...]}  # the 附注 sheet, from row 2

Only cells are written (values, no styles): what the office types. Used by test/rubric-sheet/cli-authoring.test.ts.
"""
import json
import sys

from openpyxl import load_workbook


def main(src, spec_path, out):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    wb = load_workbook(src)

    method = wb["考核办法"]
    rows_by_label = {method.cell(row=r, column=1).value: r for r in range(1, method.max_row + 1)}
    for label, value in spec.get("method", {}).items():
        if label not in rows_by_label:
            raise SystemExit(f"考核办法 has no row {label!r}")
        method.cell(row=rows_by_label[label], column=2).value = value

    sheet = wb["细则定义"]
    headers = {sheet.cell(row=1, column=c).value: c for c in range(1, sheet.max_column + 1)}
    for i, row in enumerate(spec.get("rows", [])):
        for header, value in row.items():
            if header not in headers:
                raise SystemExit(f"细则定义 has no column {header!r}")
            sheet.cell(row=2 + i, column=headers[header]).value = value

    notes = wb["附注"]
    for i, note in enumerate(spec.get("notes", [])):
        for c, value in enumerate(note):
            notes.cell(row=2 + i, column=1 + c).value = value

    wb.save(out)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
