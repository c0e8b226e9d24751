import ArgumentParser
import Foundation
import PIAKit

/// `pia check-accessibility FILE.docx`: reports accessibility problems, exit 1 if any.
struct CheckAccessibility: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-accessibility",
    abstract:
      "Check a .docx for language, title, heading order, table headers and empty paragraphs.")

  @Argument(help: "The .docx files to check.")
  var files: [String]

  func run() throws {
    var failed = false
    for file in files {
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: file))
      } catch {
        throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
      }
      let issues: [AccessibilityIssue]
      do {
        issues = try AccessibilityChecker.check(docx: data)
      } catch {
        throw CommandFailure("\(file): \(error)")
      }
      if issues.isEmpty {
        print("\(file): ok")
      } else {
        failed = true
        for issue in issues {
          print("\(file): \(issue.message)")
        }
      }
    }
    if failed { throw ExitCode(1) }
  }
}
