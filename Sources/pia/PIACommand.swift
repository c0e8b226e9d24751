import ArgumentParser
import PIAKit

@main
struct PIACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pia",
    abstract: "Privacy impact assessments under MFIPPA, from questionnaire to council appendix.",
    version: PIAKit.version,
    subcommands: [Convert.self, CheckAccessibility.self]
  )
}
