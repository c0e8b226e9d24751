import Foundation

/// Finds lines in UTF-8 Markdown, numbered as cmark-gfm numbers them (`\n`, `\r\n` and a lone
/// `\r` each end a line).
struct LineScanner {
  struct Line {
    /// Where the line starts, and its 1-based number.
    var start: Position
    /// Just after the line's end of line (or the end of the text).
    var endOffset: Int
    var line: Int { start.line }
  }

  struct Position {
    var offset: Int
    var line: Int
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var startOfText: Position { Position(offset: 0, line: 1) }

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The first line starting at or after `offset` that begins with one to six `#` and then a
  /// space, a tab or the end of the line: an ATX heading if nothing around it says otherwise.
  /// Lines are counted from `start`, which must be the start of a line.
  func nextHeadingLine(from start: Position, atOrAfter offset: Int) -> Line? {
    guard offset < bytes.count else { return nil }
    var position = start
    while position.offset < bytes.count {
      let end = lineEnd(from: position.offset)
      if position.offset >= offset && isHeadingLine(at: position.offset) {
        return Line(start: position, endOffset: end)
      }
      position = Position(offset: end, line: position.line + 1)
    }
    return nil
  }

  /// Just after the end of the line that starts at `offset`.
  private func lineEnd(from offset: Int) -> Int {
    var index = offset
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\n") { return index }
      if byte == UInt8(ascii: "\r") {
        if index < bytes.count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
        return index
      }
    }
    return index
  }

  private func isHeadingLine(at offset: Int) -> Bool {
    var index = offset
    while index < bytes.count, bytes[index] == UInt8(ascii: "#"), index - offset < 7 {
      index += 1
    }
    let level = index - offset
    guard (1...6).contains(level) else { return false }
    guard index < bytes.count else { return true }
    let next = bytes[index]
    return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n")
      || next == UInt8(ascii: "\r")
  }

  /// Whether the text has `]:` with the `]` not escaped by a backslash: what ends the label of
  /// a link reference definition.
  func mayDefineLinkReference() -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var index = 0
    // memchr finds each `]` far faster than a loop over every byte.
    while index < bytes.count,
      let found = memchr(base + index, Int32(UInt8(ascii: "]")), bytes.count - index)
    {
      let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      index = position + 1
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { continue }
      var backslashes = 0
      while position - backslashes > 0, bytes[position - backslashes - 1] == UInt8(ascii: "\\") {
        backslashes += 1
      }
      if backslashes % 2 == 0 { return true }
    }
    return false
  }
}
