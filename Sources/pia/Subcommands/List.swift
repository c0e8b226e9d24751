import ArgumentParser
import PIAKit

extension PIACommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List the questionnaires and templates in the resource folder.")

    @OptionGroup var resources: ResourceOptions

    func run() throws {
      let found = try resources.locate()
      let catalog = ContentCatalog(resources: found)
      let templates = catalog.templates.manifest
      var rows: [[String]] = [["KIND", "ID", "VERSION", "TITLE"]]
      for questionnaire in catalog.questionnaires {
        rows.append([
          "questionnaire", questionnaire.id, String(questionnaire.version), questionnaire.title,
        ])
      }
      for template in templates.entries {
        rows.append(["template", template.id, String(template.version), template.title])
      }
      print(Table.format(rows))
      if catalog.diagnostics.hasErrors {
        Terminal.writeError(
          "Some files have problems and are not listed; run 'pia validate' for details.\n")
        throw ExitCode.failure
      }
    }
  }
}

/// Plain aligned columns for terminal tables.
enum Table {
  static func format(_ rows: [[String]]) -> String {
    let widths = rows.reduce(into: [Int]()) { widths, row in
      for (index, cell) in row.enumerated() {
        if index >= widths.count { widths.append(0) }
        widths[index] = max(widths[index], cell.count)
      }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }.joined(separator: "\n")
  }
}
