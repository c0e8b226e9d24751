internal import CZlibShim

/// Compresses one zip entry with zlib as it is written: raw DEFLATE, with the CRC-32 and size of
/// the input kept on the way.
///
/// The body of a large report is tens of megabytes of XML; fed here piece by piece, only its
/// compressed form (a few percent of that) is ever held in memory. Not `Sendable`: one part, one
/// thread.
final class Deflater {
  /// A finished entry: its compressed bytes, and the CRC-32 and size of what went in.
  struct Compressed {
    var bytes: [UInt8]
    var crc32: UInt32
    var uncompressedSize: Int

    /// This stream (finished with `final` false) and then `next`, as one entry: raw DEFLATE
    /// streams concatenate when all but the last end on a sync flush, and zlib combines the
    /// CRC-32s.
    func followed(by next: Compressed) -> Compressed {
      Compressed(
        bytes: bytes + next.bytes,
        crc32: UInt32(
          crc32_combine(uLong(crc32), uLong(next.crc32), off_t(next.uncompressedSize))),
        uncompressedSize: uncompressedSize + next.uncompressedSize)
    }
  }

  /// zlib keeps a pointer back to its stream and checks it on every call, so the stream needs
  /// an address that never moves.
  private let stream: UnsafeMutablePointer<z_stream>
  private var scratch = [UInt8](repeating: 0, count: 64 * 1024)
  private var output: [UInt8] = []
  private var crc: UInt32 = 0
  private var size = 0
  private var isOpen = true
  private let part: String
  /// The first failure while writing, for the XML writer's output callback to report.
  private(set) var failure: DocxError?

  /// Starts compressing the part named `part` (used in error messages).
  init(part: String) throws {
    self.part = part
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = czlib_deflate_init_raw(stream, Z_DEFAULT_COMPRESSION)
    guard status == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw DocxError("zlib cannot start compressing \(part) (error \(status))")
    }
  }

  deinit {
    if isOpen { deflateEnd(stream) }
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Compresses `bytes` in one go.
  static func compress(_ bytes: some Sequence<UInt8>, part: String) throws -> Compressed {
    let deflater = try Deflater(part: part)
    try Array(bytes).withUnsafeBytes { try deflater.write($0) }
    return try deflater.finish()
  }

  /// Adds `bytes` to the entry.
  func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard isOpen else { throw DocxError("\(part) was written to after it was finished") }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    let input = base.assumingMemoryBound(to: Bytef.self)
    crc = UInt32(crc32(uLong(crc), input, uInt(bytes.count)))
    size += bytes.count
    try run(input: UnsafeMutablePointer(mutating: input), count: bytes.count, flush: Z_NO_FLUSH)
  }

  /// Flushes the stream and returns the entry. The deflater cannot be used afterwards.
  ///
  /// With `final` false the stream ends on a byte boundary without a last block, so another
  /// deflater's stream can follow it (``Compressed/followed(by:)``).
  func finish(final: Bool = true) throws -> Compressed {
    guard isOpen else { throw DocxError("\(part) was finished twice") }
    try run(input: nil, count: 0, flush: final ? Z_FINISH : Z_SYNC_FLUSH)
    deflateEnd(stream)
    isOpen = false
    return Compressed(bytes: output, crc32: crc, uncompressedSize: size)
  }

  /// Records `error` as the reason a callback failed.
  func fail(_ error: DocxError) {
    if failure == nil { failure = error }
  }

  private func run(input: UnsafeMutablePointer<Bytef>?, count: Int, flush: Int32) throws {
    guard count <= Int(UInt32.max) else { throw DocxError("\(part) is too large to compress") }
    stream.pointee.next_in = input
    stream.pointee.avail_in = uInt(count)
    var status: Int32
    repeat {
      status = scratch.withUnsafeMutableBufferPointer { buffer in
        stream.pointee.next_out = buffer.baseAddress
        stream.pointee.avail_out = uInt(buffer.count)
        return deflate(stream, flush)
      }
      guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
        throw DocxError("zlib failed while compressing \(part) (error \(status))")
      }
      output.append(contentsOf: scratch[..<(scratch.count - Int(stream.pointee.avail_out))])
    } while stream.pointee.avail_out == 0
    if flush == Z_FINISH && status != Z_STREAM_END {
      throw DocxError("zlib did not finish compressing \(part) (error \(status))")
    }
  }
}
