import Foundation

/// Where the DOCX writer gets the bytes of the images a document shows.
///
/// The writer reads no files: the caller says what each image reference stands for. The
/// command line reads files beside the Markdown file; a report renderer can hand over images
/// it made in memory (``inMemory(_:)``). The writer asks once per distinct source, in document
/// order, and never for a remote image (`http:`, `https:`, `//…` and other URLs are never
/// fetched; the writer warns and keeps the alternative text).
public struct ImageSource: Sendable {
  private let lookUp: @Sendable (ImageReference) -> ImageLookup

  /// A source that answers with `lookUp`.
  public init(_ lookUp: @escaping @Sendable (ImageReference) -> ImageLookup) {
    self.lookUp = lookUp
  }

  /// The image for `reference`.
  public func image(for reference: ImageReference) -> ImageLookup {
    lookUp(reference)
  }

  /// A source with no images: every image is unavailable, with that reason.
  public static let none = ImageSource { _ in .unavailable("no images were supplied") }

  /// Images held in memory, by source exactly as written in the Markdown.
  public static func inMemory(_ images: [String: ImageData]) -> ImageSource {
    ImageSource { reference in
      guard let image = images[reference.source] else { return .unavailable("not supplied") }
      return .found(image)
    }
  }
}

/// An image as the Markdown refers to it.
public struct ImageReference: Sendable, Hashable {
  /// The source as written (`diagram.png`, `images/flow%20chart.svg`, …).
  public var source: String
  /// Where it is first written, when known.
  public var position: SourcePosition?

  /// Creates a reference.
  public init(source: String, position: SourcePosition? = nil) {
    self.source = source
    self.position = position
  }
}

/// What an ``ImageSource`` answers.
public enum ImageLookup: Sendable, Equatable {
  /// The image's bytes.
  case found(ImageData)
  /// No image: the reason, in words, for the warning (`no such file`, `permission denied`).
  case unavailable(String)
}

/// The raster or vector formats a DOCX can embed here.
public enum ImageFormat: String, Sendable, Equatable, CaseIterable {
  /// Portable Network Graphics.
  case png
  /// JPEG (JFIF or Exif).
  case jpeg
  /// GIF87a or GIF89a (the first frame is shown).
  case gif
  /// Scalable Vector Graphics.
  case svg

  /// The file extension of the part in `word/media/`.
  public var fileExtension: String { self == .jpeg ? "jpeg" : rawValue }

  /// The MIME type of the part.
  public var contentType: String { self == .svg ? "image/svg+xml" : "image/\(rawValue)" }
}

/// A size in pixels.
public struct PixelSize: Sendable, Equatable {
  /// The width in pixels.
  public var width: Int
  /// The height in pixels.
  public var height: Int

  /// Creates a size.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}

/// The bytes of one image, and what is known about them.
public struct ImageData: Sendable, Equatable {
  /// The file's bytes.
  public var bytes: Data
  /// The format; nil to have the writer tell it from the bytes.
  public var format: ImageFormat?
  /// The size in pixels; nil to have the writer read it from the image's header.
  public var pixelSize: PixelSize?
  /// For an SVG: a PNG of the same picture, which readers without SVG support show instead.
  /// Ignored for other formats.
  public var pngFallback: Data?

  /// Creates image data.
  public init(
    bytes: Data, format: ImageFormat? = nil, pixelSize: PixelSize? = nil, pngFallback: Data? = nil
  ) {
    self.bytes = bytes
    self.format = format
    self.pixelSize = pixelSize
    self.pngFallback = pngFallback
  }
}
