import Foundation

/// What the first bytes of an image file say: its format, its size in pixels and its
/// resolution.
///
/// Read from the headers each format defines, without decoding the picture: PNG's IHDR and
/// pHYs chunks (PNG 1.2, §4.1.1 and §4.2.4.2), a JPEG's SOF segment and JFIF APP0 density
/// (ITU T.81 B.2.2; JFIF 1.02), GIF's logical screen descriptor (GIF89a §18), and an SVG root's
/// `width`, `height` and `viewBox` (SVG 1.1 §7.1, CSS units at 96 pixels per inch).
struct ImageHeader: Equatable {
  var format: ImageFormat
  /// The size in pixels, when the header gives it.
  var pixelSize: PixelSize?
  /// Pixels per inch, when the file records them (PNG pHYs, JFIF density); else 96.
  var dotsPerInch: Double = 96

  /// Reads the header of `bytes`, or returns nil when they are none of the four formats.
  init?(_ bytes: Data) {
    let data = [UInt8](bytes.prefix(64 * 1024))
    if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
      format = .png
      readPNG(data)
    } else if data.starts(with: [0xFF, 0xD8, 0xFF]) {
      format = .jpeg
      readJPEG(data)
    } else if data.starts(with: Array("GIF87a".utf8)) || data.starts(with: Array("GIF89a".utf8)) {
      format = .gif
      if data.count >= 10 {
        pixelSize = Self.size(
          width: Int(data[6]) | Int(data[7]) << 8, height: Int(data[8]) | Int(data[9]) << 8)
      }
    } else if Self.looksLikeSVG(data) {
      format = .svg
      pixelSize = Self.svgSize(bytes)
    } else {
      return nil
    }
  }

  private static func size(width: Int, height: Int) -> PixelSize? {
    width > 0 && height > 0 ? PixelSize(width: width, height: height) : nil
  }

  private static func bigEndian(_ data: [UInt8], _ offset: Int, _ count: Int) -> Int {
    (0..<count).reduce(0) { $0 << 8 | Int(data[offset + $1]) }
  }

  private mutating func readPNG(_ data: [UInt8]) {
    var offset = 8
    while offset + 8 <= data.count {
      let length = Self.bigEndian(data, offset, 4)
      let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
      let body = offset + 8
      guard body + length <= data.count else { return }
      switch type {
      case "IHDR" where length >= 8:
        pixelSize = Self.size(
          width: Self.bigEndian(data, body, 4), height: Self.bigEndian(data, body + 4, 4))
      case "pHYs" where length >= 9:
        let perMetre = Self.bigEndian(data, body, 4)
        if data[body + 8] == 1 && perMetre > 0 { dotsPerInch = Double(perMetre) * 0.0254 }
      case "IDAT", "IEND":
        return
      default:
        break
      }
      offset = body + length + 4  // data, then the CRC
    }
  }

  private mutating func readJPEG(_ data: [UInt8]) {
    var offset = 2
    while offset + 4 <= data.count {
      guard data[offset] == 0xFF else { return }
      let marker = data[offset + 1]
      if marker == 0xFF {
        offset += 1
        continue
      }
      if (0xD0...0xD7).contains(marker) || marker == 0x01 {
        offset += 2
        continue
      }
      let length = Self.bigEndian(data, offset + 2, 2)
      let body = offset + 4
      guard length >= 2, offset + 2 + length <= data.count else { return }
      switch marker {
      case 0xE0 where length >= 14 && data[body..<(body + 5)].elementsEqual(Array("JFIF\0".utf8)):
        let density = Self.bigEndian(data, body + 8, 2)
        switch data[body + 7] {
        case 1 where density > 0: dotsPerInch = Double(density)
        case 2 where density > 0: dotsPerInch = Double(density) * 2.54
        default: break
        }
      case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC && length >= 7:
        pixelSize = Self.size(
          width: Self.bigEndian(data, body + 3, 2), height: Self.bigEndian(data, body + 1, 2))
        return
      case 0xDA, 0xD9:
        return
      default:
        break
      }
      offset += 2 + length
    }
  }

  /// Whether the text starts like an SVG document: an `<svg` element before anything but an
  /// XML declaration, comments, a doctype and white space.
  private static func looksLikeSVG(_ data: [UInt8]) -> Bool {
    var text = String(decoding: data.prefix(4096), as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    guard let svg = text.range(of: "<svg") else { return false }
    let before = text[..<svg.lowerBound]
    var rest = before.drop { $0.isWhitespace }
    while rest.hasPrefix("<") {
      guard let end = rest.firstIndex(of: ">") else { return false }
      let markup = rest[..<end]
      guard markup.hasPrefix("<?") || markup.hasPrefix("<!") else { return false }
      rest = rest[rest.index(after: end)...].drop { $0.isWhitespace }
    }
    return rest.isEmpty
  }

  /// The size an SVG asks for, in CSS pixels: its `width` and `height`, or the `viewBox`'s
  /// size (scaled to one of them when only one is given).
  static func svgSize(_ bytes: Data) -> PixelSize? {
    guard let root = try? XMLNode.parse(bytes, part: "svg"), root.name == "svg" else {
      return nil
    }
    let width = root.attributes["width"].flatMap(cssPixels)
    let height = root.attributes["height"].flatMap(cssPixels)
    let box = root.attributes["viewBox"].map {
      $0.split { $0 == " " || $0 == "," || $0.isWhitespace }.compactMap { Double($0) }
    }
    let boxSize = box.flatMap { $0.count == 4 && $0[2] > 0 && $0[3] > 0 ? ($0[2], $0[3]) : nil }
    switch (width, height, boxSize) {
    case (let width?, let height?, _):
      return size(width: Int(width.rounded()), height: Int(height.rounded()))
    case (let width?, nil, let box?):
      return size(width: Int(width.rounded()), height: Int((width * box.1 / box.0).rounded()))
    case (nil, let height?, let box?):
      return size(width: Int((height * box.0 / box.1).rounded()), height: Int(height.rounded()))
    case (nil, nil, let box?):
      return size(width: Int(box.0.rounded()), height: Int(box.1.rounded()))
    default:
      return nil
    }
  }

  /// A CSS length in pixels (`120`, `120px`, `2in`, `5cm`, `40mm`, `72pt`, `6pc`); nil for
  /// percentages and font-relative units, which have no size of their own.
  static func cssPixels(_ value: String) -> Double? {
    let text = value.trimmingCharacters(in: .whitespaces).lowercased()
    let units: [(String, Double)] = [
      ("px", 1), ("in", 96), ("cm", 96 / 2.54), ("mm", 96 / 25.4), ("pt", 96.0 / 72),
      ("pc", 16),
    ]
    for (unit, factor) in units where text.hasSuffix(unit) {
      return Double(text.dropLast(unit.count)).map { $0 * factor }.flatMap { $0 > 0 ? $0 : nil }
    }
    return Double(text).flatMap { $0 > 0 ? $0 : nil }
  }
}
