/// Pictures: an inline DrawingML picture per embedded image (ECMA-376 Part 1, §20.4.2.8
/// `inline`, §20.2.2.5 `pic`), its alternative text in `wp:docPr/@descr` and its title in
/// `@title`. An SVG is shown through `asvg:svgBlip` (the Office 2016 extension
/// `{96DAC541-7B7A-43D3-8B79-37D633B846F1}`), with its PNG fallback as the ordinary blip.
extension BodyWriter {
  static let svgExtensionURI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"

  mutating func writeDrawing(_ image: ImageCatalog.Embedded, _ source: Image) throws {
    let id = offsets.images + imageCount + 1
    imageCount += 1
    let width = String(image.width)
    let height = String(image.height)
    try xml.start("w:r")
    try xml.start("w:drawing")
    try xml.start("wp:inline")
    for side: StaticString in ["distT", "distB", "distL", "distR"] {
      try xml.attribute(side, "0")
    }
    try xml.empty("wp:extent", ["cx": width, "cy": height])
    try xml.start("wp:docPr")
    try xml.attribute("id", String(id))
    try xml.attribute("name", "Picture \(id)")
    try xml.attribute("descr", source.alt.plainText)
    if !source.title.isEmpty { try xml.attribute("title", source.title) }
    try xml.end()
    try xml.start("wp:cNvGraphicFramePr")
    try xml.empty("a:graphicFrameLocks", ["noChangeAspect": "1"])
    try xml.end()
    try xml.start("a:graphic")
    try xml.start("a:graphicData")
    try xml.attribute("uri", Namespace.picture)
    try xml.start("pic:pic")
    try xml.start("pic:nvPicPr")
    try xml.empty("pic:cNvPr", ["id": "0", "name": image.fileName])
    try xml.empty("pic:cNvPicPr")
    try xml.end()
    try xml.start("pic:blipFill")
    try xml.start("a:blip")
    try xml.attribute("r:embed", image.relationshipID)
    if let svg = image.svgRelationshipID {
      try xml.start("a:extLst")
      try xml.start("a:ext")
      try xml.attribute("uri", Self.svgExtensionURI)
      try xml.start("asvg:svgBlip")
      try xml.attribute("xmlns:asvg", Namespace.svg)
      try xml.attribute("r:embed", svg)
      try xml.end()
      try xml.end()
      try xml.end()
    }
    try xml.end()
    try xml.start("a:stretch")
    try xml.empty("a:fillRect")
    try xml.end()
    try xml.end()
    try xml.start("pic:spPr")
    try xml.start("a:xfrm")
    try xml.empty("a:off", ["x": "0", "y": "0"])
    try xml.empty("a:ext", ["cx": width, "cy": height])
    try xml.end()
    try xml.start("a:prstGeom")
    try xml.attribute("prst", "rect")
    try xml.empty("a:avLst")
    try xml.end()
    try xml.end()
    try xml.end()  // pic:pic
    try xml.end()  // a:graphicData
    try xml.end()  // a:graphic
    try xml.end()  // wp:inline
    try xml.end()  // w:drawing
    try xml.end()  // w:r
  }
}
