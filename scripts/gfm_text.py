#!/usr/bin/env python3
"""Compare the text of each GFM spec example's HTML with the text of its .docx.

usage: gfm_text.py FOLDER [--list FILE] [--strict]

FOLDER holds NAME.md and NAME.docx for every example (written by scripts/gfm-corpus.sh).
For each pair:
  - the HTML is cmark-gfm's (`--unsafe -e footnotes -e table -e strikethrough -e autolink
    -e tasklist`, the extensions pia parses); its text is the character data with the tags,
    comments, processing instructions and declarations removed and the entities decoded.
    An image counts as its alt text and a task-list checkbox as ☐ or ☒ (what a reader sees in
    their place); a footnote's back-reference arrow and the content of <script> and <style>
    (which a browser does not show) are left out;
  - the .docx's text is every paragraph of word/document.xml in document order (table cells
    included; w:tab and w:br as spaces), a picture as its alt text (wp:docPr/@descr), a
    footnote reference as its number, a list item whose marker is a checkbox (☐ or ☒ in
    word/numbering.xml) with that marker, and then the footnotes in the order they are
    referenced;
  - both are compared with whitespace collapsed.
With --strict an image, a checkbox and a back-reference count as nothing on the HTML side
(tags stripped and nothing else) and a picture's alt text is not read from the .docx.
Prints one line per spec file: how many examples keep their text exactly. With --list, writes
the examples that differ (expected and actual text) to FILE.
"""

import html.parser
import os
import re
import subprocess
import sys
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CMARK = ["cmark-gfm", "--unsafe"] + [
    arg for ext in ("footnotes", "table", "strikethrough", "autolink", "tasklist")
    for arg in ("-e", ext)]


def collapse(text):
    """Whitespace collapsed; characters XML 1.0 forbids dropped (a .docx cannot hold them)."""
    return " ".join(INVALID_XML.sub("", text).split())


STRICT = "--strict" in sys.argv


class HTMLText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip_depth = 0  # inside a footnote back-reference
        self.hidden = None  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if STRICT:
            return
        if tag in ("script", "style"):
            self.hidden = tag
            return
        if self.skip_depth:
            if tag == "a":
                self.skip_depth += 1
            return
        if tag == "a" and "footnote-backref" in (attributes.get("class") or ""):
            self.skip_depth = 1
        elif tag == "img":
            self.parts.append(" " + (attributes.get("alt") or "") + " ")
        elif tag == "input" and attributes.get("type") == "checkbox":
            self.parts.append("☒" if "checked" in attributes else "☐")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a" and self.skip_depth:
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if self.skip_depth and tag == "a":
            self.skip_depth -= 1
        if tag == self.hidden:
            self.hidden = None

    def handle_data(self, data):
        if not self.skip_depth and not self.hidden:
            self.parts.append(data)


def html_text(markdown_path):
    rendered = subprocess.run(CMARK + [markdown_path], check=True, capture_output=True).stdout
    parser = HTMLText()
    parser.feed(rendered.decode("utf-8", errors="replace"))
    parser.close()
    return collapse("".join(parser.parts))


def docx_text(docx_path):
    with zipfile.ZipFile(docx_path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        names = package.namelist()
        notes = etree.fromstring(package.read("word/footnotes.xml")) \
            if "word/footnotes.xml" in names else None
        numbering = etree.fromstring(package.read("word/numbering.xml")) \
            if "word/numbering.xml" in names else None
    references = []
    checkboxes = {}  # numId -> ☐ or ☒, for the numberings whose marker is a checkbox
    if numbering is not None and not STRICT:
        markers = {}
        for abstract in numbering.iter(W + "abstractNum"):
            text = abstract.find(f"{W}lvl/{W}lvlText")
            if text is not None and text.get(W + "val") in ("☐", "☒"):
                markers[abstract.get(W + "abstractNumId")] = text.get(W + "val")
        for num in numbering.iter(W + "num"):
            abstract = num.find(W + "abstractNumId")
            if abstract is not None and abstract.get(W + "val") in markers:
                checkboxes[num.get(W + "numId")] = markers[abstract.get(W + "val")]

    def paragraph_text(paragraph):
        parts = []
        number = paragraph.find(f"{W}pPr/{W}numPr/{W}numId")
        if number is not None and number.get(W + "val") in checkboxes:
            parts.append(checkboxes[number.get(W + "val")] + " ")
        for element in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr",
                                      W + "footnoteReference", WP + "docPr"):
            if element.tag == W + "t":
                parts.append(element.text or "")
            elif element.tag == W + "footnoteReference":
                references.append(element.get(W + "id"))
                parts.append(str(len(references)))
            elif element.tag == WP + "docPr":
                parts.append("" if STRICT else " " + (element.get("descr") or "") + " ")
            else:
                parts.append(" ")
        return "".join(parts)

    texts = [paragraph_text(p) for p in body.iter(W + "p")]
    if notes is not None:
        by_id = {note.get(W + "id"): note for note in notes.iter(W + "footnote")}
        for reference in references:
            note = by_id.get(reference)
            if note is not None:
                texts += [paragraph_text(p) for p in note.iter(W + "p")]
    return collapse(" ".join(texts))


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder = argv[1]
    listing = argv[argv.index("--list") + 1] if "--list" in argv else None
    counts, differences = {}, []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        spec = name.rsplit("-", 1)[0]
        total, kept = counts.get(spec, (0, 0))
        markdown = os.path.join(folder, name)
        docx = markdown[:-3] + ".docx"
        expected = html_text(markdown)
        actual = docx_text(docx) if os.path.exists(docx) else "(no .docx)"
        if expected == actual:
            kept += 1
        else:
            differences.append(f"{name}\n  html: {expected!r}\n  docx: {actual!r}")
        counts[spec] = (total + 1, kept)
    for spec, (total, kept) in sorted(counts.items(), key=lambda item: item[0] != "spec"):
        print(f"GFM text: {spec}.txt: {kept} of {total} examples keep their text exactly"
              f" ({100.0 * kept / total:.1f} %)")
    if listing:
        with open(listing, "w", encoding="utf-8") as out:
            out.write("\n".join(differences) + ("\n" if differences else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
