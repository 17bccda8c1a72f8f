#!/usr/bin/env python3
"""Fills a 自评表 (made by `credit-score forms`) the way another program would, for the tests.

    /usr/bin/python3 scripts/fill-form.py <form.xlsx> <values.json> <out.xlsx> [--libreoffice <profile-dir>]

values.json: {"values": {"<row key>": value, ...}, "evidence": {"<row key>": "text", ...},
              "locked": {"A5": "text", ...}}
Row keys are those of the form's hidden key column (i|一|leader, f|一|liaison, t|bonus ...): the
cells are found through the hidden role row and key column, as a person finds them by their labels,
never by fixed addresses. A value "85%" (or 85 in a percent cell) is typed as Excel, WPS and
LibreOffice store it (0.85 in the cell's percent format); other values as given. "locked" writes into locked cells (to make a tampered
form: openpyxl ignores sheet protection, as any script can).

With --libreoffice the form filled by openpyxl is opened and saved again by LibreOffice headless
(soffice --convert-to xlsx), so the file returned is one LibreOffice wrote.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl


def main(argv):
    form, values_path, out = argv[1:4]
    profile = argv[argv.index('--libreoffice') + 1] if '--libreoffice' in argv else None
    with open(values_path, encoding='utf-8') as f:
        spec = json.load(f)
    wb = openpyxl.load_workbook(form)
    ws = next(s for s in wb.worksheets if s.sheet_state == 'visible' and 'key' in [c.value for c in s[1]])
    roles = {c.value: c.column for c in ws[1] if isinstance(c.value, str)}
    rows = {}
    for r in range(2, ws.max_row + 1):
        k = ws.cell(r, roles['key']).value
        if isinstance(k, str) and '|' in k:
            rows[k] = r
    for key, value in spec.get('values', {}).items():
        cell = ws.cell(rows[key], roles['input'])
        if isinstance(value, str) and value.endswith('%'):
            cell.value = float(value[:-1]) / 100  # the cell keeps its percent format
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and '%' in (cell.number_format or ''):
            # typed into a percent cell, 85 is stored as 0.85; below 1 it is ambiguous and kept as text
            cell.value = value / 100 if value >= 1 else str(value)
        else:
            cell.value = value
    for key, text in spec.get('evidence', {}).items():
        ws.cell(rows[key], roles['evidence']).value = text
    for address, text in spec.get('locked', {}).items():
        ws[address].value = text
    if profile is None:
        wb.save(out)
        return
    work = tempfile.mkdtemp(prefix='cs-lo-form-')
    try:
        filled = os.path.join(work, 'filled.xlsx')
        wb.save(filled)
        subprocess.run(
            ['soffice', f'-env:UserInstallation=file://{os.path.abspath(profile)}', '--headless',
             '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', os.path.join(work, 'lo'), filled],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        shutil.copyfile(os.path.join(work, 'lo', 'filled.xlsx'), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main(sys.argv)
