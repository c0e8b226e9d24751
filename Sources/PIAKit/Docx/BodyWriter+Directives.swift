/// The table of contents and sign-off blocks.
extension BodyWriter {
  /// The table of contents: a TOC field whose current result links each heading of levels 1
  /// to 3 to its bookmark, the same bookmark a `#fragment` link uses.
  mutating func writeTableOfContents() throws {
    let entries = shared.tableOfContents ?? []
    try paragraph(ParagraphProperties(style: "TOCHeading")) {
      try $0.appendText("Contents", format: RunFormat())
    }
    guard !entries.isEmpty else {
      try xml.start("w:p")
      try writeFieldStart()
      try xml.start("w:r")
      try writeText("No headings yet. Update the field to fill the table of contents.")
      try xml.end()
      try writeFieldEnd()
      try xml.end()
      return
    }
    for (index, entry) in entries.enumerated() {
      try xml.start("w:p")
      try writeParagraphProperties(ParagraphProperties(style: "TOC\(entry.level)"))
      if index == 0 { try writeFieldStart() }
      try xml.start("w:hyperlink")
      try xml.attribute("w:anchor", entry.bookmark)
      try xml.attribute("w:history", "1")
      try appendText(entry.text, format: RunFormat())
      try flush()
      try xml.end()
      if index == entries.count - 1 { try writeFieldEnd() }
      try xml.end()
    }
  }

  func writeFieldStart() throws {
    try xml.start("w:r")
    try xml.empty("w:fldChar", ["w:fldCharType": "begin"])
    try xml.end()
    try xml.start("w:r")
    try xml.element("w:instrText", ["xml:space": "preserve"], text: #" TOC \o "1-3" \h \z \u "#)
    try xml.end()
    try xml.start("w:r")
    try xml.empty("w:fldChar", ["w:fldCharType": "separate"])
    try xml.end()
  }

  func writeFieldEnd() throws {
    try xml.start("w:r")
    try xml.empty("w:fldChar", ["w:fldCharType": "end"])
    try xml.end()
  }

  /// One sign-off block per data row: the role in bold, then Name, Title, Date and Decision
  /// lines, filled from the row where it has a value.
  mutating func writeSignatureBlocks(_ table: Table) throws {
    let fields = ["Name", "Title", "Date", "Decision"]
    let headerNames = table.header.map { $0.plainText.trimmingWhiteSpace.lowercased() }
    func column(_ name: String, fallback: Int) -> Int {
      headerNames.firstIndex(of: name.lowercased()) ?? fallback
    }
    let roleColumn = column("Role", fallback: 0)
    for row in table.rows {
      let role = roleColumn < row.count ? row[roleColumn] : []
      var properties = ParagraphProperties(style: "SignatureRole")
      properties.keepNext = true
      try paragraph(properties) {
        if role.plainText.isBlank {
          try $0.appendText("Signatory", format: RunFormat(bold: true))
        } else {
          try $0.writeInlines(role, format: RunFormat(bold: true))
        }
      }
      for (offset, field) in fields.enumerated() {
        let index = column(field, fallback: offset + 1)
        let value = index < row.count ? row[index] : []
        var lineProperties = ParagraphProperties(style: "SignatureLine")
        lineProperties.keepNext = offset < fields.count - 1
        try paragraph(lineProperties) {
          try $0.appendText("\(field): ", format: RunFormat())
          if value.plainText.isBlank {
            try $0.appendText("________________________________", format: RunFormat())
          } else {
            try $0.writeInlines(value, format: RunFormat())
          }
        }
      }
    }
  }
}
