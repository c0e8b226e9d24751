import Foundation

/// The images of a document, looked up once before any XML is written: which are embedded
/// (as which parts, at what size) and which are not (with a warning for each place they are
/// used, whose alternative text then stands in their place).
struct ImageCatalog {
  /// An image embedded in the package.
  struct Embedded: Equatable {
    /// The relationship of the picture the `a:blip` shows (a PNG, JPEG or GIF; an SVG
    /// without a fallback).
    var relationshipID: String
    /// The relationship of the SVG, when the blip shows its PNG fallback (`asvg:svgBlip`).
    var svgRelationshipID: String?
    /// The part's file name, for `pic:cNvPr/@name`.
    var fileName: String
    /// The size on the page in EMU (914,400 per inch).
    var width: Int
    var height: Int
  }

  /// One part in `word/media/`.
  struct Media {
    var relationshipID: String
    var part: String
    var format: ImageFormat
    var bytes: Data
  }

  /// Embedded images by source as written.
  private(set) var embedded: [String: Embedded] = [:]
  /// The media parts in order.
  private(set) var media: [Media] = []
  /// Warnings, in document order.
  private(set) var warnings: [Diagnostic] = []

  /// EMU per inch, and the largest size a picture takes: the text width (6.5 in) and 9 in.
  static let emuPerInch = 914_400
  static let maximumWidth = BodyWriter.textWidth * 635
  static let maximumHeight = 9 * emuPerInch

  init() {}

  /// Looks up every image of `document` (body, then footnotes) in `source`.
  ///
  /// - Parameter file: The Markdown file's name, for the warnings.
  init(_ document: Document, source: ImageSource, file: String) {
    var looked: Set<String> = []
    var reasons: [String: String] = [:]
    var images: [Image] = []
    let collect: (Inline) -> Void = { inline in
      if case .image(let image) = inline { images.append(image) }
    }
    for block in document.blocks { block.forEachInline(collect) }
    for note in document.footnotes {
      for block in note { block.forEachInline(collect) }
    }
    for image in images {
      if looked.insert(image.source).inserted {
        let reference = ImageReference(source: image.source, position: image.position)
        reasons[image.source] = embed(reference, from: source, file: file)
      }
      if let reason = reasons[image.source] {
        warnings.append(
          .warning(
            "image '\(image.source)' is not included: \(reason); its alternative text is kept"
              + " in its place", at: Self.location(image.position, file)))
      }
    }
  }

  private static func location(_ position: SourcePosition?, _ file: String) -> SourceLocation {
    SourceLocation(file: file, line: position?.line ?? 0, column: position?.column ?? 0)
  }

  /// Embeds the image `reference` names; returns nil, or why it cannot be embedded.
  private mutating func embed(_ reference: ImageReference, from source: ImageSource, file: String)
    -> String?
  {
    let name = reference.source
    if name.trimmingCharacters(in: .whitespaces).isEmpty { return "it has no source" }
    if Self.isRemote(name) { return "remote images are never fetched" }
    let data: ImageData
    switch source.image(for: reference) {
    case .found(let found): data = found
    case .unavailable(let reason): return reason
    }
    guard let header = ImageHeader(data.bytes) else {
      return "it is not a PNG, JPEG, GIF or SVG image"
    }
    var pixels = data.pixelSize ?? header.pixelSize
    var dotsPerInch = header.dotsPerInch
    let embedded: Embedded
    if header.format == .svg {
      let fallback = data.pngFallback.flatMap { bytes in
        ImageHeader(bytes).flatMap { $0.format == .png ? ($0, bytes) : nil }
      }
      let svgID = add(data.bytes, format: .svg)
      if let (png, bytes) = fallback {
        if pixels == nil {
          pixels = png.pixelSize
          dotsPerInch = png.dotsPerInch
        }
        let pngID = add(bytes, format: .png)
        embedded = Embedded(
          relationshipID: pngID, svgRelationshipID: svgID, fileName: fileName(of: pngID),
          width: 0, height: 0)
      } else {
        embedded = Embedded(
          relationshipID: svgID, svgRelationshipID: svgID, fileName: fileName(of: svgID),
          width: 0, height: 0)
        warnings.append(
          .warning(
            "image '\(name)' is an SVG with no PNG of the same name beside it: Word 2016 and"
              + " later show it, older readers may not", at: Self.location(reference.position, file)
          ))
      }
    } else {
      let id = add(data.bytes, format: header.format)
      embedded = Embedded(
        relationshipID: id, svgRelationshipID: nil, fileName: fileName(of: id), width: 0,
        height: 0)
    }
    var sized = embedded
    (sized.width, sized.height) = Self.extent(pixels, dotsPerInch: dotsPerInch)
    self.embedded[name] = sized
    return nil
  }

  /// Adds a media part and returns its relationship id.
  private mutating func add(_ bytes: Data, format: ImageFormat) -> String {
    let number = media.count + 1
    let id = "rIdImage\(number)"
    media.append(
      Media(
        relationshipID: id, part: "word/media/image\(number).\(format.fileExtension)",
        format: format, bytes: bytes))
    return id
  }

  private func fileName(of id: String) -> String {
    media.first { $0.relationshipID == id }.map { String($0.part.dropFirst("word/media/".count)) }
      ?? id
  }

  /// The size on the page, in EMU: the natural size (pixels at the image's resolution),
  /// scaled down to fit the text width and 9 inches of height; 4 × 3 inches when unknown.
  static func extent(_ pixels: PixelSize?, dotsPerInch: Double) -> (Int, Int) {
    guard let pixels else { return (4 * emuPerInch, 3 * emuPerInch) }
    let dpi = dotsPerInch >= 1 ? dotsPerInch : 96
    var width = Double(pixels.width) * Double(emuPerInch) / dpi
    var height = Double(pixels.height) * Double(emuPerInch) / dpi
    let scale = min(1, Double(maximumWidth) / width, Double(maximumHeight) / height)
    width *= scale
    height *= scale
    return (max(Int(width.rounded()), 1), max(Int(height.rounded()), 1))
  }

  /// Whether a source names an image elsewhere: a URL with a scheme of two letters or more
  /// (`https:`, `ftp:`, `data:`; `C:` is a Windows drive) or a network path (`//host/…`).
  static func isRemote(_ source: String) -> Bool {
    if source.hasPrefix("//") || source.hasPrefix("\\\\") { return true }
    guard let colon = source.firstIndex(of: ":") else { return false }
    let scheme = source[..<colon]
    return scheme.count >= 2 && scheme.first?.isASCII == true && scheme.first?.isLetter == true
      && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }
}
