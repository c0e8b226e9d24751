import Foundation

/// Runs: character formatting, text, hyperlinks.
extension BodyWriter {
  // MARK: - Runs

  /// Character formatting of a run.
  struct RunFormat: Equatable {
    var bold = false
    var italic = false
    var strike = false
    var code = false
    var hyperlink = false
  }

  /// Content of a run not yet written: consecutive pieces with the same formatting.
  struct PendingRun {
    enum Piece {
      case text(String)
      case tab
      case lineBreak
    }
    var format = RunFormat()
    var pieces: [Piece] = []
  }

  mutating func writeInlines(_ inlines: [Inline], format: RunFormat) throws {
    for inline in inlines {
      switch inline {
      case .text(let text):
        try appendText(text, format: format)
      case .emphasis(let children):
        var inner = format
        inner.italic = true
        try writeInlines(children, format: inner)
      case .strong(let children):
        var inner = format
        inner.bold = true
        try writeInlines(children, format: inner)
      case .strikethrough(let children):
        var inner = format
        inner.strike = true
        try writeInlines(children, format: inner)
      case .code(let text):
        var inner = format
        inner.code = true
        try appendText(text, format: inner)
      case .softBreak:
        try appendText(" ", format: format)
      case .lineBreak:
        try append(.lineBreak, format: format)
      case .html(let html):
        if Self.isLineBreakTag(html) {
          try append(.lineBreak, format: format)
        } else {
          try appendText(html, format: format)
        }
      case .link(let destination, _, let children):
        if format.hyperlink || destination.isEmpty {
          // Word cannot nest hyperlinks (an image inside a link); keep the text.
          try writeInlines(children, format: format)
        } else {
          try flush()
          try xml.start("w:hyperlink")
          try xml.attribute("r:id", relationshipID(for: destination))
          try xml.attribute("w:history", "1")
          var inner = format
          inner.hyperlink = true
          try writeInlines(children, format: inner)
          try flush()
          try xml.end()
        }
      }
    }
  }

  static func isLineBreakTag(_ html: String) -> Bool {
    let compact = html.lowercased().filter { $0 != " " }
    return compact == "<br>" || compact == "<br/>"
  }

  mutating func relationshipID(for destination: String) -> String {
    let target = URLTarget.encoded(destination)
    if let index = hyperlinkIndex[target] { return hyperlinks[index].id }
    let id = "\(piece.linkIDPrefix)\(hyperlinks.count + 1)"
    hyperlinks.append((id, target))
    hyperlinkIndex[target] = hyperlinks.count - 1
    return id
  }

  /// Adds text to the pending run, turning tabs into `w:tab` and newlines into `w:br`.
  mutating func appendText(_ text: String, format: RunFormat) throws {
    if !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      if !text.isEmpty { try append(.text(text), format: format) }
      return
    }
    var current = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t", "\n", "\r":
        if !current.isEmpty {
          try append(.text(current), format: format)
          current = ""
        }
        if scalar == "\t" {
          try append(.tab, format: format)
        } else if scalar == "\n" {
          try append(.lineBreak, format: format)
        }
      default:
        current.unicodeScalars.append(scalar)
      }
    }
    if !current.isEmpty {
      try append(.text(current), format: format)
    }
  }

  mutating func append(_ piece: PendingRun.Piece, format: RunFormat) throws {
    if format != pending.format {
      try flush()
      pending.format = format
    }
    if case .text(let text) = piece, case .text(let previous)? = pending.pieces.last {
      pending.pieces[pending.pieces.count - 1] = .text(previous + text)
    } else {
      pending.pieces.append(piece)
    }
  }

  /// Writes the pending run, if any.
  mutating func flush() throws {
    guard !pending.pieces.isEmpty else { return }
    let format = pending.format
    try xml.start("w:r")
    if format != RunFormat() {
      try xml.start("w:rPr")
      if format.hyperlink {
        try xml.empty("w:rStyle", ["w:val": "Hyperlink"])
      } else if format.code {
        try xml.empty("w:rStyle", ["w:val": "CodeChar"])
      }
      if format.hyperlink && format.code {
        try xml.empty(
          "w:rFonts", ["w:ascii": "Consolas", "w:hAnsi": "Consolas", "w:cs": "Consolas"])
      }
      if format.bold {
        try xml.empty("w:b")
        try xml.empty("w:bCs")
      }
      if format.italic {
        try xml.empty("w:i")
        try xml.empty("w:iCs")
      }
      if format.strike { try xml.empty("w:strike") }
      try xml.end()
    }
    for piece in pending.pieces {
      switch piece {
      case .text(let text): try writeText(text)
      case .tab: try xml.empty("w:tab")
      case .lineBreak: try xml.empty("w:br")
      }
    }
    try xml.end()
    pending.pieces.removeAll(keepingCapacity: true)
  }

  func writeText(_ text: String) throws {
    try xml.start("w:t")
    if Self.needsPreservedSpace(text) {
      try xml.attribute("xml:space", "preserve")
    }
    try xml.text(text)
    try xml.end()
  }

  /// Whether Word would drop spaces of `text` without `xml:space="preserve"`: a space at
  /// either end, or two in a row.
  static func needsPreservedSpace(_ text: String) -> Bool {
    var previousWasSpace = false
    for byte in text.utf8 {
      let isSpace = byte == UInt8(ascii: " ")
      if isSpace && previousWasSpace { return true }
      previousWasSpace = isSpace
    }
    return text.utf8.first == UInt8(ascii: " ") || previousWasSpace
  }
}
