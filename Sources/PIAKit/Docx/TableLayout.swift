/// Column widths for a table, from its content: no column narrower than its longest word or
/// number, so text wraps at spaces and not inside "Checked" or "0.05".
///
/// Widths are estimated from the characters (Calibri 11 pt advance widths, bold 5 % wider,
/// code in Consolas 10 pt), as a layout engine would measure them; the cell's left and right
/// margins (108 twentieths of a point each, from the Table Grid style) are added. Each column
/// gets at least its longest unbreakable token and at most its longest line:
/// - when the longest lines fit, every column gets its longest line, and the space left is
///   shared in proportion to those;
/// - when only the tokens fit, every column gets its token, and the space left is shared in
///   proportion to how much more each column's longest line needs;
/// - when not even the tokens fit, the tokens' widths shrink in proportion (the page is too
///   narrow; words must then break).
/// A token ends at a space and after a `/` or `-` that no digit follows, where readers break a
/// line: a URL's pieces are its tokens. A token longer than a third of the width still counts
/// as a third.
enum TableLayout {
  /// The margins of a cell, left plus right, and a little slack for rounding in the readers.
  static let cellPadding = 2 * 108 + 40

  /// Widths in twentieths of a point, summing to `available`.
  static func columnWidths(_ table: Table, available: Int = BodyWriter.textWidth) -> [Int] {
    let columns = table.columnCount
    guard columns > 0 else { return [] }
    var minimum = [Int](repeating: 0, count: columns)
    var preferred = [Int](repeating: 0, count: columns)
    func measure(_ row: [[Inline]], bold: Bool) {
      for (column, cell) in row.enumerated() where column < columns {
        var measure = Measure(bold: bold)
        measure.add(cell)
        minimum[column] = max(minimum[column], measure.longestToken)
        preferred[column] = max(preferred[column], measure.longestLine)
      }
    }
    measure(table.header, bold: true)
    for row in table.rows { measure(row, bold: false) }
    // A very long token (a URL, which readers break after `/` and `-`) must not starve the
    // other columns of the room their words need: it counts for a third of the width at most.
    let cap = available / 3
    minimum = minimum.map { min($0 + cellPadding, cap) }
    preferred = zip(preferred, minimum).map { max($0 + cellPadding, $1) }
    let minimumTotal = minimum.reduce(0, +)
    let preferredTotal = preferred.reduce(0, +)
    var widths: [Int]
    if preferredTotal <= available {
      widths = preferred.map { $0 + (available - preferredTotal) * $0 / max(preferredTotal, 1) }
    } else if minimumTotal <= available {
      let extra = zip(preferred, minimum).map { $0 - $1 }
      let extraTotal = max(extra.reduce(0, +), 1)
      widths = zip(minimum, extra).map { $0 + (available - minimumTotal) * $1 / extraTotal }
    } else {
      widths = minimum.map { $0 * available / max(minimumTotal, 1) }
    }
    widths[columns - 1] += available - widths.reduce(0, +)
    return widths
  }

  /// Measures the words and lines of a cell's inlines.
  struct Measure {
    var bold: Bool
    var code = false
    /// The widest token (text between spaces) and line so far, in twentieths of a point.
    private(set) var longestToken = 0
    private(set) var longestLine = 0
    private var token = 0
    private var line = 0

    init(bold: Bool) {
      self.bold = bold
    }

    mutating func add(_ inlines: [Inline]) {
      for inline in inlines {
        switch inline {
        case .text(let text): add(text)
        case .code(let text):
          let wasCode = code
          code = true
          add(text)
          code = wasCode
        case .strong(let children):
          let wasBold = bold
          bold = true
          add(children)
          bold = wasBold
        case .emphasis(let children), .strikethrough(let children), .styled(_, let children),
          .link(_, _, let children):
          add(children)
        case .image(let image):
          add(image.alt)
        case .footnoteReference(let number):
          add(String(number))
        case .softBreak:
          add(" ")
        case .lineBreak:
          endToken()
          line = 0
        case .html(let html):
          add(html)
        }
      }
      endToken()
    }

    private mutating func add(_ text: String) {
      var text = text
      let ascii = code ? Self.code : bold ? Self.boldWidths : Self.regular
      text.withUTF8 { bytes in
        var index = 0
        while index < bytes.count {
          let byte = bytes[index]
          if byte < 0x80 {
            index += 1
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
              endToken()
              line += ascii[0x20]
            } else {
              let width = ascii[Int(byte)]
              token += width
              line += width
              // Readers may break after `/` and `-` (UAX #14), but not before a digit: a URL
              // or a hyphenated word is several tokens; "2026-02-18" and "1/2" stay whole.
              if byte == 0x2F || byte == 0x2D, index < bytes.count,
                !(0x30...0x39).contains(bytes[index])
              {
                endToken()
              }
            }
            continue
          }
          // A multi-byte character: decode it (the text is valid UTF-8).
          let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
          var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
          for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
          }
          index += length
          guard let scalar = Unicode.Scalar(value) else { continue }
          let width = Self.advance(of: scalar, code: code, bold: bold)
          if TextScript.of(scalar).isEastAsian {
            // East Asian text may break between any two characters.
            endToken()
            token = width
            endToken()
            line += width
          } else {
            token += width
            line += width
          }
        }
      }
    }

    private mutating func endToken() {
      longestToken = max(longestToken, token)
      longestLine = max(longestLine, line)
      token = 0
    }

    /// Advance widths of Calibri's ASCII characters in thousandths of an em (from its hmtx
    /// table, rounded); control characters 0.
    private static let calibri: [Int] = {
      var widths = [Int](repeating: 0, count: 128)
      let lower = [
        479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525,
        349, 391, 335, 525, 452, 715, 433, 453, 395,
      ]
      let upper = [
        579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662, 517, 673,
        543, 459, 487, 642, 567, 890, 519, 487, 468,
      ]
      for (offset, width) in lower.enumerated() { widths[0x61 + offset] = width }
      for (offset, width) in upper.enumerated() { widths[0x41 + offset] = width }
      for digit in 0x30...0x39 { widths[digit] = 507 }
      let punctuation: [(Character, Int)] = [
        (" ", 226), (".", 252), (",", 250), (":", 268), (";", 268), ("-", 306), ("/", 386),
        ("(", 303), (")", 303), ("%", 715), ("&", 682), ("@", 899), ("_", 498), ("'", 221),
        ("\"", 401), ("#", 498), ("$", 507), ("+", 498), ("=", 498), ("?", 463), ("!", 326),
        ("*", 498), ("[", 324), ("]", 324), ("|", 460), ("<", 498), (">", 498), ("~", 498),
        ("{", 324), ("}", 324), ("^", 498), ("`", 298), ("\\", 386),
      ]
      for (character, width) in punctuation { widths[Int(character.asciiValue ?? 0)] = width }
      return widths
    }()

    /// ASCII advances in twentieths of a point at 11 pt, regular and bold.
    private static let regular = calibri.map { $0 * 220 / 1000 }
    private static let boldWidths = calibri.map { $0 * 220 * 105 / 100_000 }
    private static let code = [Int](repeating: 110, count: 128)  // Consolas 10 pt

    static func advance(ofASCII byte: UInt8, code isCode: Bool, bold: Bool) -> Int {
      (isCode ? code : bold ? boldWidths : regular)[Int(byte)]
    }

    /// The advance of one character in twentieths of a point.
    static func advance(of scalar: Unicode.Scalar, code: Bool, bold: Bool) -> Int {
      if scalar.isASCII { return advance(ofASCII: UInt8(scalar.value), code: code, bold: bold) }
      let eastAsian = TextScript.of(scalar).isEastAsian
      if code { return eastAsian ? 200 : 110 }  // Consolas 10 pt
      return (eastAsian ? 1000 : 560) * 220 * (bold ? 105 : 100) / 100_000
    }
  }
}
