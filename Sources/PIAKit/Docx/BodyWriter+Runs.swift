import Foundation

/// Runs: character formatting, text in its script and language, hyperlinks, footnote
/// references and pictures.
extension BodyWriter {
  /// Character formatting of a run.
  struct RunFormat: Equatable {
    var bold = false
    var italic = false
    var strike = false
    var code = false
    var hyperlink = false
    var underline = false
    var superscript = false
    var `subscript` = false
    var keyboard = false
    var highlight = false
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

  /// How a run's text is marked for its script: as it is, right-to-left with its `w:bidi`
  /// language, or East Asian with its `w:eastAsia` language.
  enum RunScript: Equatable {
    case plain
    case rightToLeft(String)
    case eastAsian(String)
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
      case .styled(let style, let children):
        var inner = format
        switch style {
        case .underline: inner.underline = true
        case .superscript: inner.superscript = true
        case .subscript: inner.subscript = true
        case .keyboard: inner.keyboard = true
        case .highlight: inner.highlight = true
        }
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
        try writeRawHTML(html, format: format)
      case .link(let destination, _, let children):
        try writeLink(destination, children, format: format)
      case .image(let image):
        if let embedded = shared.images.embedded[image.source] {
          try flush()
          try writeDrawing(embedded, image)
        } else {
          try writeInlines(image.alt, format: format)
        }
      case .footnoteReference(let number):
        try writeFootnoteReference(number, format: format)
      }
    }
  }

  private mutating func writeLink(_ destination: String, _ children: [Inline], format: RunFormat)
    throws
  {
    var anchor: String?
    if destination.hasPrefix("#") {
      anchor = shared.anchors.bookmark(forFragment: String(destination.dropFirst()))
    }
    // Word cannot nest hyperlinks (an image inside a link); a link to a heading that does not
    // exist would go nowhere. Either way the text is kept.
    if format.hyperlink || destination.isEmpty || (destination.hasPrefix("#") && anchor == nil) {
      try writeInlines(children, format: format)
      return
    }
    try flush()
    try xml.start("w:hyperlink")
    if let anchor {
      try xml.attribute("w:anchor", anchor)
    } else {
      try xml.attribute("r:id", relationshipID(for: destination))
    }
    try xml.attribute("w:history", "1")
    var inner = format
    inner.hyperlink = true
    try writeInlines(children, format: inner)
    try flush()
    try xml.end()
  }

  private mutating func writeFootnoteReference(_ number: Int, format: RunFormat) throws {
    guard mode == .body, number >= 1, number <= shared.footnoteCount else {
      var inner = format
      inner.superscript = true
      try appendText(String(number), format: inner)
      return
    }
    try flush()
    let id = offsets.footnoteReferences + footnoteReferences.count + 1
    footnoteReferences.append((id, number))
    try xml.start("w:r")
    try xml.start("w:rPr")
    try xml.empty("w:rStyle", ["w:val": "FootnoteReference"])
    try xml.end()
    try xml.empty("w:footnoteReference", ["w:id": String(id)])
    try xml.end()
  }

  /// Raw HTML in a document built by hand: its text without the tags; `<br>` is a break.
  private mutating func writeRawHTML(_ html: String, format: RunFormat) throws {
    var text = ""
    var inTag = false
    var tag = ""
    for character in html {
      if character == "<" {
        inTag = true
        tag = ""
      } else if character == ">" && inTag {
        inTag = false
        let name = tag.lowercased().filter { $0 != " " && $0 != "/" }
        if name == "br" {
          try appendText(text, format: format)
          try append(.lineBreak, format: format)
          text = ""
        }
      } else if inTag {
        tag.append(character)
      } else {
        text.append(character)
      }
    }
    try appendText(text.hasSuffix("\n") ? String(text.dropLast()) : text, format: format)
  }

  mutating func relationshipID(for destination: String) -> String {
    let target = URLTarget.encoded(destination)
    if let index = hyperlinkIndex[target] { return hyperlinks[index].id }
    let id = "\(linkIDPrefix)\(hyperlinks.count + 1)"
    hyperlinks.append((id, target))
    hyperlinkIndex[target] = hyperlinks.count - 1
    return id
  }

  /// Adds text to the pending run, turning tabs into `w:tab` and newlines into `w:br`.
  mutating func appendText(_ text: String, format: RunFormat) throws {
    if !Self.hasTabOrLineBreak(text) {
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

  /// Writes the pending run, if any: one `w:r`, or one per stretch of right-to-left or East
  /// Asian text in it.
  mutating func flush() throws {
    guard !pending.pieces.isEmpty else { return }
    let format = pending.format
    var needsScripts = false
    for case .text(let text) in pending.pieces where TextScript.mayNeedAnalysis(text) {
      needsScripts = true
      break
    }
    if needsScripts {
      for (script, pieces) in segments(pending.pieces) {
        try writeRun(pieces, format: format, script: script)
      }
    } else {
      try writeRun(pending.pieces, format: format, script: .plain)
    }
    pending.pieces.removeAll(keepingCapacity: true)
  }

  /// The pieces cut where the script changes between left-to-right, right-to-left and East
  /// Asian; neutral characters (spaces, digits, punctuation) stay with the text before them.
  private mutating func segments(_ pieces: [PendingRun.Piece]) -> [(
    RunScript, [PendingRun.Piece]
  )] {
    enum Kind: Equatable { case plain, rightToLeft(TextScript), eastAsian }
    var result: [(RunScript, [PendingRun.Piece])] = []
    var current: [PendingRun.Piece] = []
    var text = String.UnicodeScalarView()
    var kind: Kind?
    var hasKana = false
    var hasHangul = false
    func script(of kind: Kind?) -> RunScript {
      switch kind {
      case .rightToLeft(let script)?: return .rightToLeft(shared.languages.rightToLeft(script))
      case .eastAsian?:
        return .eastAsian(shared.languages.eastAsian(hasKana: hasKana, hasHangul: hasHangul))
      default: return .plain
      }
    }
    func close() {
      if !text.isEmpty { current.append(.text(String(text))) }
      if !current.isEmpty { result.append((script(of: kind), current)) }
      current = []
      text = String.UnicodeScalarView()
      hasKana = false
      hasHangul = false
    }
    for piece in pieces {
      guard case .text(let string) = piece else {
        if !text.isEmpty {
          current.append(.text(String(text)))
          text = String.UnicodeScalarView()
        }
        current.append(piece)
        continue
      }
      for scalar in string.unicodeScalars {
        let found = TextScript.of(scalar)
        let next: Kind? =
          found == .neutral
          ? nil
          : found.isRightToLeft ? .rightToLeft(found) : found.isEastAsian ? .eastAsian : .plain
        if let next, next != kind {
          if kind != nil { close() }
          kind = next
        }
        if found == .kana { hasKana = true }
        if found == .hangul { hasHangul = true }
        text.append(scalar)
      }
    }
    close()
    for (script, _) in result {
      switch script {
      case .rightToLeft(let language): rightToLeftLanguage = rightToLeftLanguage ?? language
      case .eastAsian(let language): eastAsianLanguage = eastAsianLanguage ?? language
      case .plain: break
      }
    }
    return result
  }

  private func writeRun(_ pieces: [PendingRun.Piece], format: RunFormat, script: RunScript)
    throws
  {
    try xml.start("w:r")
    try writeRunProperties(format, script: script)
    for piece in pieces {
      switch piece {
      case .text(let text): try writeText(text)
      case .tab: try xml.empty("w:tab")
      case .lineBreak: try xml.empty("w:br")
      }
    }
    try xml.end()
  }

  /// `w:rPr` in the order Word writes it.
  func writeRunProperties(_ format: RunFormat, script: RunScript = .plain) throws {
    guard format != RunFormat() || script != .plain else { return }
    try xml.start("w:rPr")
    if format.hyperlink {
      try xml.empty("w:rStyle", ["w:val": "Hyperlink"])
    } else if format.code {
      try xml.empty("w:rStyle", ["w:val": "CodeChar"])
    } else if format.keyboard {
      try xml.empty("w:rStyle", ["w:val": "KeyboardChar"])
    }
    if format.hyperlink && (format.code || format.keyboard) {
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
    if format.highlight { try xml.empty("w:highlight", ["w:val": "yellow"]) }
    if format.underline && !format.hyperlink { try xml.empty("w:u", ["w:val": "single"]) }
    if format.superscript || format.subscript {
      try xml.empty("w:vertAlign", ["w:val": format.superscript ? "superscript" : "subscript"])
    }
    switch script {
    case .plain: break
    case .rightToLeft(let language):
      try xml.empty("w:rtl")
      try xml.empty("w:lang", ["w:bidi": language])
    case .eastAsian(let language):
      try xml.empty("w:lang", ["w:eastAsia": language])
    }
    try xml.end()
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
  /// either end, or two in a row. (On the UTF-8 bytes: this runs for every run of a document.)
  static func needsPreservedSpace(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let first = bytes.first, let last = bytes.last else { return false }
      if first == 0x20 || last == 0x20 { return true }
      var previousWasSpace = false
      for byte in bytes {
        let isSpace = byte == 0x20
        if isSpace && previousWasSpace { return true }
        previousWasSpace = isSpace
      }
      return false
    }
  }

  /// Whether `text` holds a tab, a line feed or a carriage return.
  static func hasTabOrLineBreak(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        index = ByteScan.skip(bytes, from: index) { !ByteScan.hasByte(below: 0x0E, in: $0) }
        let end = min(index + 8, bytes.count)
        while index < end {
          let byte = bytes[index]
          if byte == 0x09 || byte == 0x0A || byte == 0x0D { return true }
          index += 1
        }
      }
      return false
    }
  }
}
