import ArgumentParser
import PIAKit

@main
struct PIACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pia",
    abstract: "Privacy impact assessments under MFIPPA, from questionnaire to council appendix.",
    discussion: """
      Questionnaires, rules, vendor facts and templates are plain files found in a resource \
      folder (see --resources). Exit codes: 0 success, 1 failure, 64 usage error.
      """,
    version: PIAKit.version,
    subcommands: [
      List.self, Validate.self, Interview.self, Score.self, Render.self, Diff.self,
      History.self, Approve.self, Convert.self, CheckAccessibility.self, Serve.self,
    ]
  )
}
