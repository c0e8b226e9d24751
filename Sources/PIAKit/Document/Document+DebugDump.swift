extension Document {
  /// A readable, indented outline of the tree, one node per line, for tests and debugging.
  public func debugDump() -> String {
    var lines = ["document"]
    for block in blocks {
      block.dump(into: &lines, depth: 1)
    }
    for (index, note) in footnotes.enumerated() {
      lines.append("  footnote \(index + 1)")
      for block in note {
        block.dump(into: &lines, depth: 2)
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension Block {
  fileprivate func dump(into lines: inout [String], depth: Int) {
    let pad = String(repeating: "  ", count: depth)
    switch self {
    case .heading(let level, let inlines):
      lines.append("\(pad)heading \(level)")
      inlines.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .paragraph(let inlines):
      lines.append("\(pad)paragraph")
      inlines.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .list(let list):
      var kind = list.ordered ? "ordered start=\(list.start)" : "bullet"
      if list.ordered && list.delimiter == .parenthesis { kind += " delimiter=)" }
      lines.append("\(pad)list \(kind) \(list.tight ? "tight" : "loose")")
      for (index, item) in list.items.enumerated() {
        switch list.checkbox(ofItem: index) {
        case true?: lines.append("\(pad)  item [x]")
        case false?: lines.append("\(pad)  item [ ]")
        case nil: lines.append("\(pad)  item")
        }
        item.forEach { $0.dump(into: &lines, depth: depth + 2) }
      }
    case .blockQuote(let blocks):
      lines.append("\(pad)blockQuote")
      blocks.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .codeBlock(let info, let text):
      lines.append("\(pad)codeBlock \(quoted(info)) \(quoted(text))")
    case .thematicBreak:
      lines.append("\(pad)thematicBreak")
    case .table(let table):
      let aligns = table.alignments.map { "\($0)" }.joined(separator: ",")
      lines.append("\(pad)table [\(aligns)]")
      lines.append(
        "\(pad)  header " + table.header.map { quoted($0.plainText) }.joined(separator: " | "))
      for row in table.rows {
        lines.append("\(pad)  row " + row.map { quoted($0.plainText) }.joined(separator: " | "))
      }
    case .directive(let directive):
      lines.append("\(pad)directive \(directive.name)")
    case .html(let html):
      lines.append("\(pad)html \(quoted(html))")
    }
  }
}

extension Inline {
  fileprivate func dump(into lines: inout [String], depth: Int) {
    let pad = String(repeating: "  ", count: depth)
    switch self {
    case .text(let text): lines.append("\(pad)text \(quoted(text))")
    case .emphasis(let children):
      lines.append("\(pad)emphasis")
      children.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .strong(let children):
      lines.append("\(pad)strong")
      children.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .strikethrough(let children):
      lines.append("\(pad)strikethrough")
      children.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .code(let text): lines.append("\(pad)code \(quoted(text))")
    case .link(let destination, let title, let children):
      lines.append("\(pad)link \(quoted(destination)) title=\(quoted(title))")
      children.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .image(let image):
      lines.append("\(pad)image \(quoted(image.source)) title=\(quoted(image.title))")
      image.alt.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .footnoteReference(let number): lines.append("\(pad)footnoteReference \(number)")
    case .styled(let style, let children):
      lines.append("\(pad)\(style.rawValue)")
      children.forEach { $0.dump(into: &lines, depth: depth + 1) }
    case .softBreak: lines.append("\(pad)softBreak")
    case .lineBreak: lines.append("\(pad)lineBreak")
    case .html(let html): lines.append("\(pad)html \(quoted(html))")
    }
  }
}

private func quoted(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\n": result += "\\n"
    case "\t": result += "\\t"
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}
