/// Tables, heat maps and sign-off blocks.
extension BodyWriter {
  // MARK: - Tables

  mutating func writeTable(_ table: Table, heatMap: Bool) throws {
    let columns = table.columnCount
    guard columns > 0 else { return }
    if lastWasTable {
      // Word joins two tables with nothing between them into one.
      try xml.empty("w:p")
      lastWasTable = false
    }
    let widths = TableLayout.columnWidths(table)
    try xml.start("w:tbl")
    try xml.start("w:tblPr")
    try xml.empty("w:tblStyle", ["w:val": "TableGrid"])
    if Self.isRightToLeft(table) { try xml.empty("w:bidiVisual") }
    try xml.empty("w:tblW", ["w:w": "5000", "w:type": "pct"])
    try xml.start("w:tblBorders")
    for side: StaticString in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
      try xml.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "auto"])
    }
    try xml.end()
    try xml.empty("w:tblLayout", ["w:type": "autofit"])
    try xml.end()
    try xml.start("w:tblGrid")
    for width in widths {
      try xml.empty("w:gridCol", ["w:w": String(width)])
    }
    try xml.end()
    if !table.header.isEmpty {
      try writeRow(table.header, table: table, widths: widths, header: true, heatMap: heatMap)
    }
    for row in table.rows {
      try writeRow(row, table: table, widths: widths, header: false, heatMap: heatMap)
    }
    try xml.end()
    lastWasTable = true
  }

  /// Whether the table's first text with a direction is right-to-left (its columns then run
  /// from right to left, `w:bidiVisual`).
  static func isRightToLeft(_ table: Table) -> Bool {
    for cell in table.header {
      if let script = cell.firstStrongScript { return script.isRightToLeft }
    }
    for row in table.rows {
      for cell in row {
        if let script = cell.firstStrongScript { return script.isRightToLeft }
      }
    }
    return false
  }

  mutating func writeRow(
    _ cells: [[Inline]], table: Table, widths: [Int], header: Bool, heatMap: Bool
  ) throws {
    try xml.start("w:tr")
    if header {
      try xml.start("w:trPr")
      try xml.empty("w:cantSplit")
      try xml.empty("w:tblHeader")
      try xml.end()
    }
    for column in widths.indices {
      let cell = column < cells.count ? cells[column] : []
      var fill: String?
      if heatMap {
        fill = header ? "D9D9D9" : RiskLevel.find(in: cell.plainText)?.fill
      }
      try xml.start("w:tc")
      try xml.start("w:tcPr")
      try xml.empty("w:tcW", ["w:w": String(widths[column]), "w:type": "dxa"])
      if let fill {
        try xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill])
      }
      try xml.end()
      var properties = ParagraphProperties()
      properties.alignment = column < table.alignments.count ? table.alignments[column] : .none
      try paragraph(properties, cell, format: RunFormat(bold: header))
      try xml.end()
    }
    try xml.end()
  }
}
