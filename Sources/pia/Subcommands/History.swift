import ArgumentParser
import Foundation
import PIAHost
import PIAKit

extension PIACommand {
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "history",
      abstract: "List an assessment's versions and sign-offs.",
      discussion: """
        Each earlier version is shown with the date and reason of the revision that replaced \
        it, its answers hash (first 12 hex digits) and its overall residual level; then the \
        current version, and every approval with whether it applies to the current answers.
        """)

    @OptionGroup var resources: ResourceOptions

    @Option(help: ArgumentHelp("The answers file (*.pia.yaml).", valueName: "file"))
    var answers: String

    func run() throws {
      let content = try resources.content()
      let session = try AnswersFiles.open(answers, content: content).session
      let record = session.file.record
      let status = session.signOff
      var rows = [["VERSION", "REVISED ON", "BY", "HASH", "RESIDUAL", "REASON FOR REVISION"]]
      for entry in record.history {
        rows.append([
          String(entry.version), entry.date.description, entry.by ?? "—",
          entry.answersHash.short, entry.overallResidual?.description ?? "—", entry.reason,
        ])
      }
      let date = session.file.assessmentDate ?? HostClock.today()
      let residual = session.assessment(asOf: date).overallResidual
      rows.append([
        "\(record.currentVersion) (current)", "—", "—", status.currentHash.short,
        residual.description, "",
      ])
      print(Table.format(rows))
      print("")
      print("Status: \(status.label)")
      if status.entries.isEmpty {
        print("No sign-offs recorded.")
      } else {
        print("Sign-offs:")
        for entry in status.entries {
          print("  - \(entry.summary)")
        }
      }
    }
  }
}
