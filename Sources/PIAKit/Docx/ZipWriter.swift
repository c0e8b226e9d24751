import Foundation

/// Writes a zip archive of deflated entries in memory, in the order they are added, every entry
/// stamped with one date: the same entries always give the same bytes.
///
/// Only what a .docx package needs: DEFLATE entries with ASCII names, no zip64 (an entry or
/// archive over 4 GiB is refused), no encryption, no comments. Entries come compressed from a
/// ``Deflater``, so a part can be compressed while it is written instead of being held whole.
/// Reading stays with ZIPFoundation (``AccessibilityChecker``).
struct ZipWriter {
  private struct Entry {
    var name: [UInt8]
    var crc32: UInt32
    var compressedSize: UInt32
    var uncompressedSize: UInt32
    var offset: UInt32
  }

  private var bytes: [UInt8] = []
  private var entries: [Entry] = []
  private let time: UInt16
  private let date: UInt16

  /// Starts an archive whose entries are all stamped `modified` (in UTC, clamped to the years
  /// 1980–2107 that a zip timestamp can hold).
  init(modified: Date) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let earliest = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z
    let latest = Date(timeIntervalSince1970: 4_354_819_199)  // 2107-12-31T23:59:59Z
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: min(max(modified, earliest), latest))
    let year = (parts.year ?? 1980) - 1980
    date = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
    time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
  }

  /// Compresses `data` and adds it as the entry `name`.
  mutating func add(_ name: String, data: Data) throws {
    try add(name, Deflater.compress(data, part: name))
  }

  /// Adds an entry compressed by a ``Deflater``.
  mutating func add(_ name: String, _ entry: Deflater.Compressed) throws {
    guard name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) else {
      throw DocxError("zip entry name '\(name)' must be printable ASCII")
    }
    guard let compressedSize = UInt32(exactly: entry.bytes.count),
      let uncompressedSize = UInt32(exactly: entry.uncompressedSize),
      let offset = UInt32(exactly: bytes.count)
    else {
      throw DocxError("\(name) is too large for a zip archive without zip64 (over 4 GiB)")
    }
    let record = Entry(
      name: Array(name.utf8), crc32: entry.crc32, compressedSize: compressedSize,
      uncompressedSize: uncompressedSize, offset: offset)
    // Local file header.
    append32(0x0403_4B50)
    append16(20)  // version needed to extract: 2.0 (DEFLATE)
    append16(0)  // flags
    appendCommonFields(record)
    append16(0)  // extra field length
    bytes += record.name
    bytes += entry.bytes
    entries.append(record)
  }

  /// The archive: the entries, then the central directory. Nothing can be added afterwards.
  consuming func finish() throws -> Data {
    guard let directoryOffset = UInt32(exactly: bytes.count),
      let count = UInt16(exactly: entries.count)
    else {
      throw DocxError("the zip archive is too large without zip64 (over 4 GiB or 65,535 entries)")
    }
    for entry in entries {
      append32(0x0201_4B50)
      append16(0x0314)  // made by: Unix, zip 2.0
      append16(20)  // version needed to extract
      append16(0)  // flags
      appendCommonFields(entry)
      append16(0)  // extra field length
      append16(0)  // comment length
      append16(0)  // disk number
      append16(0)  // internal attributes
      append32(0o100644 << 16)  // external attributes: a regular file, rw-r--r--
      append32(entry.offset)
      bytes += entry.name
    }
    let directorySize = UInt32(bytes.count) - directoryOffset
    append32(0x0605_4B50)
    append16(0)  // this disk
    append16(0)  // disk with the directory
    append16(count)
    append16(count)
    append32(directorySize)
    append32(directoryOffset)
    append16(0)  // comment length
    return Data(bytes)
  }

  /// The fields the local header and the central directory share, from the method on.
  private mutating func appendCommonFields(_ entry: Entry) {
    append16(8)  // DEFLATE
    append16(time)
    append16(date)
    append32(entry.crc32)
    append32(entry.compressedSize)
    append32(entry.uncompressedSize)
    append16(UInt16(entry.name.count))
  }

  private mutating func append16(_ value: UInt16) {
    bytes.append(UInt8(truncatingIfNeeded: value))
    bytes.append(UInt8(truncatingIfNeeded: value >> 8))
  }

  private mutating func append32(_ value: UInt32) {
    append16(UInt16(truncatingIfNeeded: value))
    append16(UInt16(truncatingIfNeeded: value >> 16))
  }
}
