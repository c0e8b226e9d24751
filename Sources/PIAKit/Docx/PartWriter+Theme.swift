import Foundation

extension PartWriter {
  /// The theme fonts per script, as Office's own theme lists them: what East Asian and
  /// right-to-left text is shown in (the styles ask for the theme's East Asian and complex
  /// script fonts; the settings' theme font languages pick the script).
  private static let scriptFonts: [(script: String, typeface: String)] = [
    ("Jpan", "游明朝"), ("Hang", "맑은 고딕"), ("Hans", "等线"), ("Hant", "新細明體"),
    ("Arab", "Arial"), ("Hebr", "Arial"),
  ]

  /// `word/theme/theme1.xml`: a minimal theme (DrawingML `a:theme`, ECMA-376 Part 1, §20.1.6)
  /// whose one purpose is its font scheme: Calibri for Latin text and Office's usual font for
  /// each East Asian and right-to-left script. The colour and format schemes are the plain
  /// ones the schema requires.
  func theme() throws -> Data {
    let xml = try XMLWriter(part: "word/theme/theme1.xml")
    try xml.start("a:theme")
    try xml.attribute("xmlns:a", Namespace.drawingML)
    try xml.attribute("name", "pia")
    try xml.start("a:themeElements")
    try xml.start("a:clrScheme")
    try xml.attribute("name", "pia")
    try xml.start("a:dk1")
    try xml.empty("a:sysClr", ["val": "windowText", "lastClr": "000000"])
    try xml.end()
    try xml.start("a:lt1")
    try xml.empty("a:sysClr", ["val": "window", "lastClr": "FFFFFF"])
    try xml.end()
    let colours: [(StaticString, String)] = [
      ("a:dk2", "1F3864"), ("a:lt2", "E7E6E6"), ("a:accent1", "4472C4"),
      ("a:accent2", "ED7D31"), ("a:accent3", "A5A5A5"), ("a:accent4", "FFC000"),
      ("a:accent5", "5B9BD5"), ("a:accent6", "70AD47"), ("a:hlink", "0563C1"),
      ("a:folHlink", "954F72"),
    ]
    for (name, colour) in colours {
      try xml.start(name)
      try xml.empty("a:srgbClr", ["val": colour])
      try xml.end()
    }
    try xml.end()
    try xml.start("a:fontScheme")
    try xml.attribute("name", "pia")
    for font: StaticString in ["a:majorFont", "a:minorFont"] {
      try xml.start(font)
      try xml.empty("a:latin", ["typeface": "Calibri"])
      try xml.empty("a:ea", ["typeface": ""])
      try xml.empty("a:cs", ["typeface": ""])
      for (script, typeface) in Self.scriptFonts {
        try xml.empty("a:font", ["script": script, "typeface": typeface])
      }
      try xml.end()
    }
    try xml.end()
    try xml.start("a:fmtScheme")
    try xml.attribute("name", "pia")
    try xml.start("a:fillStyleLst")
    for _ in 0..<3 { try solidFill(xml) }
    try xml.end()
    try xml.start("a:lnStyleLst")
    for width in ["6350", "12700", "19050"] {
      try xml.start("a:ln")
      try xml.attribute("w", width)
      try solidFill(xml)
      try xml.end()
    }
    try xml.end()
    try xml.start("a:effectStyleLst")
    for _ in 0..<3 {
      try xml.start("a:effectStyle")
      try xml.empty("a:effectLst")
      try xml.end()
    }
    try xml.end()
    try xml.start("a:bgFillStyleLst")
    for _ in 0..<3 { try solidFill(xml) }
    try xml.end()
    try xml.end()  // a:fmtScheme
    try xml.end()  // a:themeElements
    try xml.empty("a:objectDefaults")
    try xml.empty("a:extraClrSchemeLst")
    try xml.end()
    return try xml.finish()
  }

  private func solidFill(_ xml: XMLWriter) throws {
    try xml.start("a:solidFill")
    try xml.empty("a:schemeClr", ["val": "phClr"])
    try xml.end()
  }
}
