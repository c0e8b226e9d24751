import Foundation
import Testing

@testable import PIAKit

@Suite struct ZipWriterTests {
  /// Text that compresses, but not to nothing: several deflate output buffers' worth.
  static func text(bytes: Int) -> Data {
    var generator = SplitMix64(seed: 7)
    let words = ["privacy", "<w:p>", "assessment", "résumé", "données", "🙂", "\n", "MFIPPA"]
    var data = Data()
    while data.count < bytes {
      data.append(contentsOf: words[Int(generator.next() % UInt64(words.count))].utf8)
      data.append(UInt8(ascii: " "))
    }
    return data
  }

  @Test func entriesReadBackWithTheirBytesAndChecksums() throws {
    let large = Self.text(bytes: 3_000_000)
    let parts: [(String, Data)] = [
      ("[Content_Types].xml", Data("<Types/>".utf8)), ("empty.xml", Data()),
      ("word/document.xml", large),
    ]
    let zip = try DocxWriter.zip(parts, date: DocxFixture.date)
    let package = try DocxPackage(data: zip)  // ZIPFoundation, checking each CRC-32
    #expect(package.entryNames == parts.map(\.0))
    for (name, data) in parts {
      #expect(try package.data(name) == data, "\(name)")
    }
    #expect(zip.count < large.count / 2)
  }

  @Test func streamedAndWholeCompressionAgree() throws {
    let text = Self.text(bytes: 500_000)
    let whole = try Deflater.compress(text, part: "x")
    let streamed = try Deflater(part: "x")
    var offset = 0
    var generator = SplitMix64(seed: 11)
    try text.withUnsafeBytes { bytes in
      while offset < bytes.count {
        let length = min(Int(generator.next() % 9_000), bytes.count - offset)
        try streamed.write(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]))
        offset += length
      }
    }
    let result = try streamed.finish()
    #expect(result.uncompressedSize == text.count)
    #expect(result.crc32 == whole.crc32)
    #expect(result.bytes == whole.bytes)
  }

  @Test func timestampIsTheGivenMomentInUTC() throws {
    // 2026-01-01T00:00:00Z: DOS date (46 << 9) | (1 << 5) | 1, time 0, whatever the time zone.
    let zip = try DocxWriter.zip([("a.xml", Data("<a/>".utf8))], date: DocxFixture.date)
    let bytes = [UInt8](zip)
    #expect(bytes[10] == 0 && bytes[11] == 0)
    #expect(UInt16(bytes[12]) | UInt16(bytes[13]) << 8 == 46 << 9 | 1 << 5 | 1)
  }

  @Test func datesOutsideTheZipRangeAreClamped() throws {
    let early = try DocxWriter.zip([("a", Data())], date: Date(timeIntervalSince1970: 0))
    let bytes = [UInt8](early)
    #expect(UInt16(bytes[12]) | UInt16(bytes[13]) << 8 == 0 << 9 | 1 << 5 | 1)  // 1980-01-01
  }

  @Test func nonASCIINamesAreRefused() {
    #expect(throws: DocxError.self) { _ = try DocxWriter.zip([("é.xml", Data())], date: .now) }
  }
}
