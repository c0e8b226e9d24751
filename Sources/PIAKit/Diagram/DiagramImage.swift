import Foundation

/// A drawn data-flow diagram: the picture in two formats and its text alternative.
public struct DiagramImage: Sendable, Hashable {
  /// The SVG (text kept as text, fonts named).
  public var svg: Data
  /// The same picture as a PNG, for readers without SVG support.
  public var png: Data
  /// The text alternative: the flows stated in words.
  public var altText: String

  /// Creates a drawn diagram.
  public init(svg: Data, png: Data, altText: String) {
    self.svg = svg
    self.png = png
    self.altText = altText
  }
}
