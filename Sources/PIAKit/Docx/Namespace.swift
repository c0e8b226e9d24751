/// XML namespace URIs used by the parts.
enum Namespace {
  static let wordprocessingML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
  static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
  static let drawingML = "http://schemas.openxmlformats.org/drawingml/2006/main"
  static let wordprocessingDrawing =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  static let picture = "http://schemas.openxmlformats.org/drawingml/2006/picture"
  /// Office 2016's SVG picture extension (`asvg:svgBlip`).
  static let svg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
}
