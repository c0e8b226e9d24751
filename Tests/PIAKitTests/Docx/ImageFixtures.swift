import Foundation

/// Small images built byte by byte, for the image tests.
enum ImageFixtures {
  /// A valid PNG of `width` × `height` red pixels; with `pixelsPerMetre`, a pHYs chunk.
  static func png(width: Int, height: Int, pixelsPerMetre: Int? = nil) -> Data {
    func bigEndian(_ value: Int) -> [UInt8] {
      [
        UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF),
        UInt8(value & 0xFF),
      ]
    }
    func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
      let typed = Array(type.utf8) + body
      return bigEndian(body.count) + typed + bigEndian(Int(crc32(typed)))
    }
    var header = bigEndian(width) + bigEndian(height)
    header += [8, 2, 0, 0, 0]  // 8 bits, truecolour, deflate, no filter, no interlace
    var raw: [UInt8] = []
    for _ in 0..<height {
      raw.append(0)
      for _ in 0..<width { raw += [0xFF, 0, 0] }
    }
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    bytes += chunk("IHDR", header)
    if let pixelsPerMetre {
      bytes += chunk("pHYs", bigEndian(pixelsPerMetre) + bigEndian(pixelsPerMetre) + [1])
    }
    bytes += chunk("IDAT", storedZlib(raw))
    bytes += chunk("IEND", [])
    return Data(bytes)
  }

  /// The headers of a JPEG (SOI, JFIF APP0 with a density, SOF0, EOI): enough to be read.
  static func jpeg(width: Int, height: Int, dotsPerInch: Int = 72) -> Data {
    var bytes: [UInt8] = [0xFF, 0xD8]
    bytes += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 1]
    bytes += [UInt8(dotsPerInch >> 8), UInt8(dotsPerInch & 0xFF)]
    bytes += [UInt8(dotsPerInch >> 8), UInt8(dotsPerInch & 0xFF), 0, 0]
    bytes += [0xFF, 0xC0, 0x00, 0x11, 8, UInt8(height >> 8), UInt8(height & 0xFF)]
    bytes += [UInt8(width >> 8), UInt8(width & 0xFF), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    bytes += [0xFF, 0xD9]
    return Data(bytes)
  }

  /// A valid one-pixel GIF89a, its screen size set to `width` × `height`.
  static func gif(width: Int = 1, height: Int = 1) -> Data {
    var bytes = Array("GIF89a".utf8)
    bytes += [UInt8(width & 0xFF), UInt8(width >> 8), UInt8(height & 0xFF), UInt8(height >> 8)]
    bytes += [0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF]
    bytes += [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B]
    return Data(bytes)
  }

  static func svg(width: String? = "200", height: String? = "100", viewBox: String? = nil) -> Data {
    var attributes = ""
    if let width { attributes += " width=\"\(width)\"" }
    if let height { attributes += " height=\"\(height)\"" }
    if let viewBox { attributes += " viewBox=\"\(viewBox)\"" }
    return Data(
      "<?xml version=\"1.0\"?>\n<!-- a drawing -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"\(attributes)><rect width=\"10\" height=\"10\"/></svg>\n"
        .utf8)
  }

  /// A zlib stream of stored (uncompressed) blocks.
  private static func storedZlib(_ data: [UInt8]) -> [UInt8] {
    var result: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let count = min(65_535, data.count - offset)
      let last: UInt8 = offset + count >= data.count ? 1 : 0
      result += [
        last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF),
        UInt8(~count >> 8 & 0xFF),
      ]
      result += data[offset..<(offset + count)]
      offset += count
    } while offset < data.count
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65_521
      b = (b + a) % 65_521
    }
    let adler = b << 16 | a
    return result + [
      UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF),
    ]
  }

  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
