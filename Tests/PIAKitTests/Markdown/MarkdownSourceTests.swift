import Foundation
import Testing

@testable import PIAKit

/// The bytes of a Markdown file become text, or an error naming the first bad byte.
@Suite struct MarkdownSourceTests {
  @Test func utf8WithAndWithoutByteOrderMark() throws {
    #expect(try MarkdownSource.text(of: Data("# Café\n".utf8), file: "a.md") == "# Café\n")
    let marked = Data([0xEF, 0xBB, 0xBF]) + Data("# Café\n".utf8)
    #expect(try MarkdownSource.text(of: marked, file: "a.md") == "# Café\n")
  }

  @Test(arguments: [
    (String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE])),
    (.utf16BigEndian, [0xFE, 0xFF]),
    (.utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00]),
    (.utf32BigEndian, [0x00, 0x00, 0xFE, 0xFF]),
  ])
  func unicodeWithAByteOrderMarkIsConverted(encoding: String.Encoding, mark: [UInt8]) throws {
    let text = "# Résumé 中文 مرحبا\n\n- 🙂\n"
    let data = Data(mark) + (try #require(text.data(using: encoding)))
    #expect(try MarkdownSource.text(of: data, file: "u.md") == text)
  }

  @Test func latin1IsRefusedWithTheExactMessage() {
    var data = Data("# Title\n\nCaf".utf8)
    data.append(0xE9)  // é in Latin-1
    data.append(contentsOf: Data(" au lait\n".utf8))
    #expect(throws: DiagnosticsError.self) { try MarkdownSource.text(of: data, file: "menu.md") }
    do {
      _ = try MarkdownSource.text(of: data, file: "menu.md")
    } catch {
      #expect(
        error.description
          == "menu.md:3:4: error: not valid UTF-8 (found byte 0xE9); save the file as UTF-8")
    }
  }

  @Test(arguments: [
    ([UInt8]([0x61, 0xC0, 0xAF]), "1:2", "0xC0"),  // overlong "/"
    ([0x0A, 0x0A, 0xED, 0xA0, 0x80], "3:1", "0xED"),  // a UTF-16 surrogate
    ([0x61, 0x0D, 0x62, 0xF4, 0x90, 0x80, 0x80], "2:2", "0xF4"),  // above U+10FFFF, after CR
    ([0x61, 0xE2, 0x82], "1:2", "0xE2"),  // cut off at the end
  ])
  func invalidSequencesAreNamed(bytes: [UInt8], place: String, byte: String) {
    do {
      _ = try MarkdownSource.text(of: Data(bytes), file: "x.md")
      Issue.record("accepted \(bytes)")
    } catch {
      #expect(
        error.description
          == "x.md:\(place): error: not valid UTF-8 (found byte \(byte)); save the file as UTF-8")
    }
  }
}
