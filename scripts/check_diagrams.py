#!/usr/bin/env python3
"""The data-flow diagram in rendered documents (CI, from scripts/check-documents.sh).

usage: check_diagrams.py DIR [DIR ...]

For every NAME.pia-report.md in each folder (and every other Markdown that links a diagram):
  - it links NAME.data-flows.svg (a council appendix may link NAME.data-flows-simplified.svg)
    with non-empty alternative text;
  - that SVG was written beside it and parses as XML whose root is <svg>;
  - the DOCX of the same name embeds one picture per link, with a non-empty wp:docPr/@descr,
    the SVG (asvg:svgBlip) and a PNG beside it in word/media/.
Prints one 'ok'/'FAIL' line per document; exits 1 on any failure.
"""
import glob
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

LINK = re.compile(r"^!\[(.+)\]\(([^)\s]+\.data-flows(?:-simplified)?\.svg)\)$", re.M)
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def check(md):
    problems = []
    text = open(md, encoding="utf-8").read()
    links = LINK.findall(text)
    name = os.path.basename(md)
    if name.endswith(".pia-report.md") and not links:
        problems.append("links no data-flow diagram")
    folder = os.path.dirname(md)
    for alt, target in links:
        if not alt.strip():
            problems.append(f"{target}: empty alternative text")
        svg = os.path.join(folder, urllib.parse.unquote(target))
        try:
            root = ET.parse(svg).getroot()
            if root.tag != "{http://www.w3.org/2000/svg}svg":
                problems.append(f"{target}: root element is {root.tag}, not svg")
        except (OSError, ET.ParseError) as error:
            problems.append(f"{target}: {error}")
    docx = md[: -len(".md")] + ".docx"
    if links and os.path.exists(docx):
        with zipfile.ZipFile(docx) as package:
            body = ET.fromstring(package.read("word/document.xml"))
            media = [n for n in package.namelist() if n.startswith("word/media/")]
            xml = package.read("word/document.xml").decode("utf-8")
        described = [d.get("descr", "") for d in body.iter(WP + "docPr")]
        if len(described) < len(links):
            problems.append(f"{os.path.basename(docx)}: {len(described)} pictures for {len(links)} links")
        if any(not d.strip() for d in described):
            problems.append(f"{os.path.basename(docx)}: a picture without alternative text")
        if not any(m.endswith(".svg") for m in media) or not any(m.endswith(".png") for m in media):
            problems.append(f"{os.path.basename(docx)}: word/media lacks the SVG or its PNG ({media})")
        if "svgBlip" not in xml:
            problems.append(f"{os.path.basename(docx)}: no asvg:svgBlip")
    return links, problems


def main(folders):
    failed = False
    for folder in folders:
        for md in sorted(glob.glob(os.path.join(folder, "*.md"))):
            links, problems = check(md)
            if problems:
                failed = True
                for problem in problems:
                    print(f"FAIL  {os.path.basename(md)}: {problem}")
            elif links:
                print(f"ok    {os.path.basename(md)}: {len(links)} diagram(s), SVG parses, DOCX picture with alt text")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
