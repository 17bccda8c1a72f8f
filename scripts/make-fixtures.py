#!/usr/bin/python3
"""Makes the .xlsx fixtures of test/xlsx/other-programs.test.ts on this machine, the way other
programs save a scoring workbook: openpyxl fills a blank workbook made by the CLI and saves it
(absolute relationship targets, /xl/worksheets/sheet1.xml), then variants of that file written by
other tools are derived from it.

    /usr/bin/python3 scripts/make-fixtures.py <spec.json>

spec.json: {"blank": "<blank.xlsx>", "outdir": "<dir>",
            "cells": [{"sheet": "萝北县", "cell": "E7", "value": 3, "numFmt": "0%"}, ...]}

Writes into outdir:
  openpyxl.xlsx        filled and saved by openpyxl (shared strings, absolute targets)
  inline-strings.xlsx  the same, every shared string turned into an inline string (<is><t>)
  no-styles.xlsx       the same, without xl/styles.xml and without any s="…" style reference
LibreOffice's copy is made by the test itself (soffice --convert-to xlsx).
"""
import json
import re
import sys
import zipfile
from xml.sax.saxutils import escape

import openpyxl


def fill(spec):
    wb = openpyxl.load_workbook(spec["blank"])
    for c in spec["cells"]:
        cell = wb[c["sheet"]][c["cell"]]
        cell.value = c["value"]
        if c.get("numFmt"):
            cell.number_format = c["numFmt"]
    out = f'{spec["outdir"]}/openpyxl.xlsx'
    wb.save(out)
    return out


def rewrite(src, dst, change):
    """Copies a zip part by part; change(name, data) returns new bytes, or None to drop the part."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
        for name, data in parts.items():
            new = change(name, data, parts)
            if new is not None:
                zout.writestr(name, new)


def shared_strings(parts):
    xml = parts.get("xl/sharedStrings.xml", b"").decode("utf-8")
    return re.findall(r"<si>(.*?)</si>", xml, re.S)


def inline_strings(name, data, parts):
    if name == "xl/sharedStrings.xml":
        return None
    if name == "[Content_Types].xml":
        return re.sub(rb'<Override[^>]*sharedStrings[^>]*/>', b"", data)
    if name == "xl/_rels/workbook.xml.rels":
        return re.sub(rb'<Relationship[^>]*sharedStrings[^>]*/>', b"", data)
    if name.startswith("xl/worksheets/sheet"):
        table = shared_strings(parts)

        def to_inline(m):
            attrs = m.group(1).replace('t="s"', 't="inlineStr"')
            return f"<c{attrs}><is>{table[int(m.group(2))]}</is></c>"

        xml = data.decode("utf-8")
        return re.sub(r'<c([^>]*t="s"[^>]*)><v>(\d+)</v></c>', to_inline, xml).encode("utf-8")
    return data


def no_styles(name, data, parts):
    if name == "xl/styles.xml":
        return None
    if name == "[Content_Types].xml":
        return re.sub(rb'<Override[^>]*styles\.xml[^>]*/>', b"", data)
    if name == "xl/_rels/workbook.xml.rels":
        return re.sub(rb'<Relationship[^>]*/styles"[^>]*/>|<Relationship[^>]*styles\.xml[^>]*/>', b"", data)
    if name.startswith("xl/worksheets/sheet"):
        return re.sub(rb'\ss="\d+"', b"", data)
    return data


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    saved = fill(spec)
    rewrite(saved, f'{spec["outdir"]}/inline-strings.xlsx', inline_strings)
    rewrite(saved, f'{spec["outdir"]}/no-styles.xlsx', no_styles)
    print(escape(saved))


if __name__ == "__main__":
    main()
