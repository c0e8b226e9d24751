#!/usr/bin/env python3
"""Read a .docx written by `pia convert` back with python-docx and compare it with its Markdown.

usage: docx_readback.py FILE.md FILE.docx [--title TITLE]

The Markdown is parsed independently with the cmark-gfm command-line tool (`-t xml`, the
reference GFM implementation; Debian package `cmark-gfm`, with the extensions pia parses).
Checked: heading texts and levels, table count and cell texts (a table after
<!-- pia:signature --> is rendered as sign-off blocks instead, so its role texts are checked as
paragraphs), list item texts, core title (the first heading's text, else --title; pia convert's
rule). Inline HTML counts as no text (pia writes its content, never its tags).
Exit 0 when everything matches, 1 with a message per mismatch, 2 on a usage/tool error.
"""
import re
import subprocess
import sys

try:
    import docx  # python-docx
    from lxml import etree
except ImportError:
    sys.exit("docx_readback.py: python-docx is missing; run: pip install python-docx")

NS = {"c": "http://commonmark.org/xml/1.0"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DIRECTIVE = re.compile(r"^\s*<!--\s*pia:([a-z-]+)\s*-->\s*$")


def norm(text):
    """Collapse whitespace; drop characters XML 1.0 forbids (the writer strips them)."""
    return " ".join(INVALID_XML.sub("", text).split())


def inline_text(node):
    parts = []
    for child in node:
        tag = etree.QName(child).localname
        if tag in ("text", "code"):
            parts.append(child.text or "")
        elif tag == "softbreak":
            parts.append(" ")
        elif tag == "linebreak":
            parts.append("\n")
        elif tag == "html_inline":
            html = child.text or ""
            if re.fullmatch(r"<br\s*/?>", html.strip(), re.I):
                parts.append("\n")
        else:
            parts.append(inline_text(child))
    return "".join(parts)


class Expected:
    def __init__(self):
        self.headings = []
        self.tables = []
        self.list_items = []
        self.signature_roles = []

    def walk(self, parent):
        pending = None
        for node in parent:
            tag = etree.QName(node).localname
            if tag == "html_block":
                match = DIRECTIVE.match(node.text or "")
                pending = match.group(1) if match else pending
                continue
            if tag == "heading":
                self.headings.append((int(node.get("level")), norm(inline_text(node))))
            elif tag == "table":
                rows = [[norm(inline_text(cell)) for cell in row] for row in node]
                if pending == "signature":
                    self.signature_roles += [row[0] for row in rows[1:] if row]
                else:
                    self.tables.append(rows)
            elif tag == "list":
                for item in node:
                    first = item[0] if len(item) else None
                    is_paragraph = first is not None and etree.QName(first).localname == "paragraph"
                    self.list_items.append(norm(inline_text(first)) if is_paragraph else "")
                    self.walk(item[1:] if is_paragraph else item)
            elif tag in ("block_quote", "item"):
                self.walk(node)
            pending = None


def main(argv):
    args = argv[1:]
    title = None
    if "--title" in args:
        i = args.index("--title")
        title = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    md_path, docx_path = args
    try:
        ast_xml = subprocess.run(
            ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist",
             "-e", "footnotes", "-t", "xml", md_path],
            check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"docx_readback.py: cannot run cmark-gfm on {md_path}: {error}", file=sys.stderr)
        return 2
    root = etree.fromstring(ast_xml, etree.XMLParser(recover=True, huge_tree=True))
    expected = Expected()
    expected.walk(root)

    document = docx.Document(docx_path)
    body = document.paragraphs  # top-level paragraphs only (not table cells)
    problems = []

    headings = []
    for p in body:
        name = p.style.name if p.style is not None else ""
        if re.fullmatch(r"Heading [1-6]", name):
            headings.append((int(name.split()[1]), norm(p.text)))
    if headings != expected.headings:
        problems.append(f"headings differ:\n  markdown: {expected.headings}\n  docx:     {headings}")

    tables = [[[norm(cell.text) for cell in row.cells] for row in t.rows] for t in document.tables]
    if len(tables) != len(expected.tables):
        problems.append(f"table count: markdown has {len(expected.tables)}, docx has {len(tables)}")
    for index, (want, got) in enumerate(zip(expected.tables, tables), 1):
        if want != got:
            problems.append(f"table {index} cells differ:\n  markdown: {want}\n  docx:     {got}")

    items = [norm(p.text) for p in body if p._p.pPr is not None and p._p.pPr.numPr is not None]
    if items != expected.list_items:
        problems.append(f"list items differ:\n  markdown: {expected.list_items}\n  docx:     {items}")

    texts = [norm(p.text) for p in body]
    for role in expected.signature_roles:
        if (role or "Signatory") not in texts:
            problems.append(f"signature block for role {role!r} is missing")

    if expected.headings:
        title = expected.headings[0][1]
    if title is not None and norm(document.core_properties.title or "") != norm(title):
        problems.append(f"core title is {document.core_properties.title!r}, expected {title!r}")
    if document.core_properties.language != "en-CA":
        problems.append(f"core language is {document.core_properties.language!r}, expected 'en-CA'")

    if problems:
        for problem in problems:
            print(f"FAIL  {docx_path}: {problem}")
        return 1
    print(f"ok    {docx_path}: {len(headings)} headings, {len(tables)} tables, "
          f"{len(items)} list items, title {document.core_properties.title!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
