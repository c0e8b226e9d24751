import Foundation

/// Turns the bytes of a Markdown file into text.
///
/// Markdown is UTF-8. A file that starts with a UTF-16 or UTF-32 byte-order mark (as some
/// Windows editors save "Unicode" text) is converted; a UTF-8 byte-order mark is dropped.
/// Anything else that is not valid UTF-8 (a Latin-1 or Windows-1252 file, say) is refused with
/// the place of the first bad byte, instead of being guessed at.
public enum MarkdownSource {
  /// The text of a Markdown file.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The file's name as the user gave it, for the error message.
  /// - Returns: The text, without a byte-order mark.
  /// - Throws: ``DiagnosticsError`` with one error,
  ///   `FILE:LINE:COL: error: not valid UTF-8 (found byte 0xE9); save the file as UTF-8`
  ///   (line and column 1-based, the column in bytes), or, for a file with a UTF-16 or UTF-32
  ///   byte-order mark whose text does not decode, an error naming that encoding.
  public static func text(of data: Data, file: String) throws(DiagnosticsError) -> String {
    let bytes = [UInt8](data)
    if let (encoding, name) = byteOrderMark(bytes) {
      guard let text = String(data: data, encoding: encoding) else {
        throw DiagnosticsError([
          .error(
            "the file starts with a \(name) byte-order mark but is not valid \(name);"
              + " save the file as UTF-8",
            at: SourceLocation(file: file, line: 1, column: 1))
        ])
      }
      // Foundation keeps or drops the mark depending on the encoding; drop it either way.
      return text.first == "\u{FEFF}" ? String(text.dropFirst()) : text
    }
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    if let text = String(validating: body, as: UTF8.self) { return text }
    let (offset, line, column) = firstInvalidByte(body)
    let byte = String(body[offset], radix: 16, uppercase: true)
    throw DiagnosticsError([
      .error(
        "not valid UTF-8 (found byte 0x\(byte.count < 2 ? "0" + byte : byte));"
          + " save the file as UTF-8",
        at: SourceLocation(file: file, line: line, column: column))
    ])
  }

  /// The encoding a byte-order mark at the start of `bytes` announces (UTF-32 is tested first:
  /// its little-endian mark starts like UTF-16's).
  private static func byteOrderMark(_ bytes: [UInt8]) -> (String.Encoding, String)? {
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32LittleEndian, "UTF-32") }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32BigEndian, "UTF-32") }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, "UTF-16") }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, "UTF-16") }
    return nil
  }

  /// The offset of the first byte that does not belong to a valid UTF-8 sequence, with its
  /// 1-based line and byte column (lines end at `\n`, `\r\n` or a lone `\r`).
  static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> (offset: Int, line: Int, column: Int)
  {
    var line = 1
    var lineStart = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      let length = sequenceLength(bytes, at: index)
      if length == 0 {
        return (index, line, index - lineStart + 1)
      }
      index += length
      if byte == UInt8(ascii: "\n")
        || (byte == UInt8(ascii: "\r")
          && (index >= bytes.endIndex || bytes[index] != UInt8(ascii: "\n")))
      {
        line += 1
        lineStart = index
      }
    }
    return (bytes.endIndex - 1, line, max(index - lineStart, 1))
  }

  /// The length of the valid UTF-8 sequence at `index`, or 0 when it is not one (overlong
  /// forms, surrogates and values above U+10FFFF are not valid).
  private static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
    let first = bytes[index]
    let length: Int
    let lower: UInt8
    let upper: UInt8
    switch first {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: (length, lower, upper) = (2, 0x80, 0xBF)
    case 0xE0: (length, lower, upper) = (3, 0xA0, 0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: (length, lower, upper) = (3, 0x80, 0xBF)
    case 0xED: (length, lower, upper) = (3, 0x80, 0x9F)
    case 0xF0: (length, lower, upper) = (4, 0x90, 0xBF)
    case 0xF1...0xF3: (length, lower, upper) = (4, 0x80, 0xBF)
    case 0xF4: (length, lower, upper) = (4, 0x80, 0x8F)
    default: return 0
    }
    guard index + length <= bytes.endIndex else { return 0 }
    guard (lower...upper).contains(bytes[index + 1]) else { return 0 }
    for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
      return 0
    }
    return length
  }
}
