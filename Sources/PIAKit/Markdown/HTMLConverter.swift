/// Turns HTML written in Markdown into blocks and inlines of the ``Document`` tree, so that no
/// tag is printed as text.
///
/// What HTML means is kept where the document tree can say it: `<table>` becomes a table,
/// `<h2>` a heading, `<ul>`/`<li>` a list, `<pre>` a code block, `<b>`, `<sub>`, `<kbd>`,
/// `<a href>`, `<img>` and the like the inline they stand for, `<details>` its content with its
/// `<summary>` as a bold line. `<script>`, `<style>`, `<template>` and `<noscript>` are left
/// out with their content, as a browser shows none of it. Any other element keeps its text.
/// Both are recorded in ``unknownTags`` so the caller can warn. White space collapses as a browser collapses it,
/// except inside `<pre>`.
struct HTMLConverter {
  /// The tags this converter understands; anything else is unknown and warned about.
  enum Vocabulary {
    /// Inline elements and what they become.
    static let inlineStyles: [String: InlineStyleKind] = [
      "b": .strong, "strong": .strong, "i": .emphasis, "em": .emphasis, "cite": .emphasis,
      "dfn": .emphasis, "var": .emphasis, "u": .style(.underline), "ins": .style(.underline),
      "s": .strikethrough, "del": .strikethrough, "strike": .strikethrough,
      "sub": .style(.subscript), "sup": .style(.superscript), "kbd": .style(.keyboard),
      "mark": .style(.highlight), "code": .code, "tt": .code, "samp": .code,
    ]
    /// Inline elements whose text is kept as it is.
    static let transparentInline: Set<String> = [
      "span", "small", "big", "abbr", "acronym", "time", "bdi", "bdo", "wbr", "q", "data",
      "label", "nobr", "font", "a", "br", "img", "input", "picture", "source",
    ]
    /// Block elements whose content is kept as blocks, in paragraphs.
    static let containers: Set<String> = [
      "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "center",
      "address", "hgroup", "figure", "figcaption", "dl", "dt", "dd", "li", "details", "caption",
      "body", "html", "fieldset", "form", "search",
    ]
    /// Block elements with a block of their own.
    static let structures: Set<String> = [
      "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "menu", "blockquote", "pre", "table",
      "hr", "summary", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col",
    ]

    /// Elements a browser never shows: their content is left out (with a warning).
    static let hidden: Set<String> = ["script", "style", "template", "noscript"]

    /// Whether `name` is an element the converter knows (no warning).
    static func isKnown(_ name: String) -> Bool {
      inlineStyles[name] != nil || transparentInline.contains(name) || containers.contains(name)
        || structures.contains(name)
    }

    /// Whether `name` starts a block of its own (ends the paragraph before it).
    static func isBlock(_ name: String) -> Bool {
      containers.contains(name) || structures.contains(name)
    }
  }

  /// What an inline element becomes.
  enum InlineStyleKind: Equatable {
    case strong, emphasis, strikethrough, code
    case style(InlineStyle)

    /// The inline for `children` in this style.
    func apply(_ children: [Inline]) -> Inline {
      switch self {
      case .strong: return .strong(children)
      case .emphasis: return .emphasis(children)
      case .strikethrough: return .strikethrough(children)
      case .code: return .code(children.plainText)
      case .style(let style): return .styled(style, children)
      }
    }
  }

  /// An unknown tag and where it first appears in the fragment (1-based line, byte column).
  struct UnknownTag: Equatable {
    var name: String
    var line: Int
    var column: Int
  }

  /// Unknown tags met so far, each name once, in order of appearance.
  private(set) var unknownTags: [UnknownTag] = []

  /// The blocks of an HTML block.
  mutating func blocks(ofHTML html: String) -> [Block] {
    let tree = HTMLTree(HTMLTokenizer.tokens(html))
    for stray in tree.strayEndTags where !Vocabulary.isKnown(stray.name) {
      noteUnknown(stray.name, line: stray.line, column: stray.column)
    }
    return blocks(tree.nodes)
  }

  mutating func noteUnknown(_ name: String, line: Int, column: Int) {
    guard !unknownTags.contains(where: { $0.name == name }) else { return }
    unknownTags.append(UnknownTag(name: name, line: line, column: column))
  }

  // MARK: - Blocks

  mutating func blocks(_ nodes: [HTMLTree.Node]) -> [Block] {
    var result: [Block] = []
    var pending: [Inline] = []
    func flush() {
      let paragraph = Self.trimmed(pending)
      if !paragraph.isEmpty { result.append(.paragraph(paragraph)) }
      pending = []
    }
    for node in nodes {
      guard case .element(let element) = node, isBlockLike(element) else {
        pending += inlines([node])
        continue
      }
      flush()
      result += block(element)
    }
    flush()
    return result
  }

  /// Whether an element is laid out as a block: a known block element, or an unknown one
  /// holding one.
  private func isBlockLike(_ element: HTMLTree.Element) -> Bool {
    if Vocabulary.isBlock(element.name) { return true }
    if Vocabulary.hidden.contains(element.name) { return false }
    guard !Vocabulary.isKnown(element.name) else { return false }
    return element.children.contains {
      if case .element(let child) = $0 { return isBlockLike(child) }
      return false
    }
  }

  private mutating func block(_ element: HTMLTree.Element) -> [Block] {
    let name = element.name
    if !Vocabulary.isKnown(name) {
      noteUnknown(name, line: element.line, column: element.column)
      return blocks(element.children)
    }
    switch name {
    case "h1", "h2", "h3", "h4", "h5", "h6":
      let level = Int(String(name.dropFirst())) ?? 1
      return [.heading(level: level, Self.trimmed(inlines(element.children)))]
    case "ul", "ol", "menu":
      return [list(element)]
    case "blockquote":
      return [.blockQuote(blocks(element.children))]
    case "pre":
      var text = element.children.map(\.textContent).joined()
      if text.hasPrefix("\n") { text.removeFirst() }
      if !text.hasSuffix("\n") { text += "\n" }
      return [.codeBlock(info: "", text: text)]
    case "hr":
      return [.thematicBreak]
    case "summary":
      let text = Self.trimmed(inlines(element.children))
      return text.isEmpty ? [] : [.paragraph([.strong(text)])]
    case "table":
      guard element.isClosed, let table = table(element) else {
        return blocks(element.children)
      }
      var result: [Block] = []
      for case .element(let caption) in element.children where caption.name == "caption" {
        let text = Self.trimmed(inlines(caption.children))
        if !text.isEmpty { result.append(.paragraph([.emphasis(text)])) }
      }
      return result + [.table(table)]
    default:
      return blocks(element.children)
    }
  }

  private mutating func list(_ element: HTMLTree.Element) -> Block {
    var items: [[Block]] = []
    for child in element.children {
      switch child {
      case .element(let item) where item.name == "li":
        items.append(blocks(item.children))
      case .text(let text) where Self.isSpace(text):
        continue
      default:
        let content = blocks([child])
        if !content.isEmpty { items.append(content) }
      }
    }
    let ordered = element.name == "ol"
    let start = ordered ? Int(element.attributes["start"] ?? "") ?? 1 : 1
    return .list(List(ordered: ordered, start: start, tight: true, items: items))
  }

  /// A real table, or nil when the element has no rows.
  private mutating func table(_ element: HTMLTree.Element) -> Table? {
    var rows: [(cells: [HTMLTree.Element], inHead: Bool)] = []
    func collect(_ children: [HTMLTree.Node], inHead: Bool) {
      for case .element(let child) in children {
        switch child.name {
        case "tr":
          let cells = child.children.compactMap { node -> HTMLTree.Element? in
            guard case .element(let cell) = node, cell.name == "td" || cell.name == "th" else {
              return nil
            }
            return cell
          }
          rows.append((cells, inHead))
        case "thead": collect(child.children, inHead: true)
        case "tbody", "tfoot": collect(child.children, inHead: false)
        default: continue
        }
      }
    }
    collect(element.children, inHead: false)
    guard let first = rows.first else { return nil }
    let hasHeader =
      first.inHead || (!first.cells.isEmpty && first.cells.allSatisfy { $0.name == "th" })
    let columns = rows.map(\.cells.count).max() ?? 0
    let alignments = (0..<columns).map { column -> Alignment in
      column < first.cells.count ? Self.alignment(of: first.cells[column]) : .none
    }
    var converted: [[[Inline]]] = []
    for row in rows {
      converted.append(row.cells.map { Self.trimmed(cellInlines($0.children)) })
    }
    let header = hasHeader ? converted.removeFirst() : []
    return Table(alignments: alignments, header: header, rows: converted)
  }

  /// A cell's inlines: block elements inside it are separated by line breaks.
  private mutating func cellInlines(_ nodes: [HTMLTree.Node]) -> [Inline] {
    var result: [Inline] = []
    for node in nodes {
      if case .element(let element) = node, Vocabulary.isBlock(element.name) {
        let inner = Self.trimmed(cellInlines(element.children))
        if inner.isEmpty { continue }
        if !result.isEmpty { result.append(.lineBreak) }
        result += inner
      } else {
        result += inlines([node])
      }
    }
    return result
  }

  private static func alignment(of cell: HTMLTree.Element) -> Alignment {
    var value = cell.attributes["align"]?.lowercased() ?? ""
    if let style = cell.attributes["style"]?.lowercased(),
      let range = style.range(of: "text-align")
    {
      value = String(
        style[range.upperBound...].drop { $0 == ":" || $0 == " " }.prefix { $0.isLetter })
    }
    switch value {
    case "left": return .left
    case "center": return .center
    case "right": return .right
    default: return .none
    }
  }

  // MARK: - Inlines

  mutating func inlines(_ nodes: [HTMLTree.Node]) -> [Inline] {
    var result: [Inline] = []
    for node in nodes {
      switch node {
      case .text(let text):
        result.append(.text(Self.collapsed(text)))
      case .element(let element):
        result += inline(element)
      }
    }
    return result
  }

  private mutating func inline(_ element: HTMLTree.Element) -> [Inline] {
    let name = element.name
    if Vocabulary.hidden.contains(name) {
      noteUnknown(name, line: element.line, column: element.column)
      return []
    }
    if let kind = Vocabulary.inlineStyles[name] {
      return [kind.apply(inlines(element.children))]
    }
    switch name {
    case "br":
      return [.lineBreak]
    case "a":
      let children = inlines(element.children)
      guard let href = element.attributes["href"] else { return children }
      return [.link(destination: href, title: element.attributes["title"] ?? "", children)]
    case "img":
      return [Self.image(element)]
    case "input":
      guard element.attributes["type"]?.lowercased() == "checkbox" else { return [] }
      return [.text(element.attributes["checked"] != nil ? "☒" : "☐")]
    default:
      if !Vocabulary.isKnown(name) {
        noteUnknown(name, line: element.line, column: element.column)
      }
      return inlines(element.children)
    }
  }

  /// The image an `<img>` element stands for (positions are filled in by the caller).
  static func image(_ element: HTMLTree.Element) -> Inline {
    let alt = element.attributes["alt"] ?? ""
    return .image(
      Image(
        source: element.attributes["src"] ?? "", title: element.attributes["title"] ?? "",
        alt: alt.isEmpty ? [] : [.text(alt)]))
  }

  // MARK: - White space

  private static func isSpace(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
  }

  /// Runs of HTML white space as one space.
  static func collapsed(_ text: String) -> String {
    var result = ""
    var inSpace = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{C}" {
        if !inSpace { result.unicodeScalars.append(" ") }
        inSpace = true
      } else {
        result.unicodeScalars.append(scalar)
        inSpace = false
      }
    }
    return result
  }

  /// Inlines with collapsed white space trimmed: no space at either end, next to a line break,
  /// or twice in a row across elements; empty text dropped.
  static func trimmed(_ inlines: [Inline]) -> [Inline] {
    var lastWasSpace = true
    var result = trim(inlines, lastWasSpace: &lastWasSpace)
    dropTrailingSpace(&result)
    return result
  }

  private static func trim(_ inlines: [Inline], lastWasSpace: inout Bool) -> [Inline] {
    var result: [Inline] = []
    for inline in inlines {
      switch inline {
      case .text(var text):
        if lastWasSpace && text.hasPrefix(" ") { text.removeFirst() }
        if text.isEmpty { continue }
        lastWasSpace = text.hasSuffix(" ")
        result.append(.text(text))
      case .lineBreak:
        dropTrailingSpace(&result)
        lastWasSpace = true
        result.append(.lineBreak)
      case .strong(let children):
        result.append(.strong(trim(children, lastWasSpace: &lastWasSpace)))
      case .emphasis(let children):
        result.append(.emphasis(trim(children, lastWasSpace: &lastWasSpace)))
      case .strikethrough(let children):
        result.append(.strikethrough(trim(children, lastWasSpace: &lastWasSpace)))
      case .styled(let style, let children):
        result.append(.styled(style, trim(children, lastWasSpace: &lastWasSpace)))
      case .link(let destination, let title, let children):
        result.append(
          .link(destination: destination, title: title, trim(children, lastWasSpace: &lastWasSpace))
        )
      default:
        lastWasSpace = false
        result.append(inline)
      }
    }
    return result
  }

  private static func dropTrailingSpace(_ inlines: inout [Inline]) {
    guard let last = inlines.last else { return }
    switch last {
    case .text(var text):
      while text.hasSuffix(" ") { text.removeLast() }
      if text.isEmpty {
        inlines.removeLast()
        dropTrailingSpace(&inlines)
      } else {
        inlines[inlines.count - 1] = .text(text)
      }
    case .strong(var children):
      dropTrailingSpace(&children)
      inlines[inlines.count - 1] = .strong(children)
    case .emphasis(var children):
      dropTrailingSpace(&children)
      inlines[inlines.count - 1] = .emphasis(children)
    case .strikethrough(var children):
      dropTrailingSpace(&children)
      inlines[inlines.count - 1] = .strikethrough(children)
    case .styled(let style, var children):
      dropTrailingSpace(&children)
      inlines[inlines.count - 1] = .styled(style, children)
    case .link(let destination, let title, var children):
      dropTrailingSpace(&children)
      inlines[inlines.count - 1] = .link(destination: destination, title: title, children)
    default:
      return
    }
  }
}
