import Foundation
import Testing

/// Runs the built `pia interview` under a pseudo-terminal (scripts/pty-drive.py).
private enum InterviewProcess {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let questionnaire = "Tests/PIAKitTests/Fixtures/questionnaires/small.yaml"

  static var binary: URL { PIAProcess.binary }

  static var hasPython: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
      || (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/python3")
      }
  }

  struct Result {
    var status: Int32
    var output: String
  }

  /// Runs `command` with `input`; under a terminal unless `pipe` is set.
  static func run(_ arguments: [String], input: [String], pipe: Bool = false) throws -> Result {
    let process = Process()
    let inputPipe = Pipe()
    let outputPipe = Pipe()
    if pipe {
      process.executableURL = binary
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments =
        ["python3", repository.appendingPathComponent("scripts/pty-drive.py").path, "--"]
        + [binary.path] + arguments
    }
    process.currentDirectoryURL = repository
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardInput = inputPipe
    process.standardOutput = outputPipe
    process.standardError = outputPipe
    try process.run()
    inputPipe.fileHandleForWriting.write(Data(input.map { $0 + "\n" }.joined().utf8))
    try inputPipe.fileHandleForWriting.close()
    let data = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }
}

@Suite(
  .serialized, .enabled(if: InterviewProcess.hasPython, "needs python3 for the pseudo-terminal"))
struct InterviewEndToEndTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("pia-e2e-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  private func arguments(_ file: URL, _ extra: [String] = []) -> [String] {
    ["interview", InterviewProcess.questionnaire, "--answers", file.path, "--resources", "."]
      + extra
  }

  @Test func answersAShortQuestionnaireAtATerminal() throws {
    let file = folder.appendingPathComponent("small.pia.yaml")
    let result = try InterviewProcess.run(
      arguments(file),
      input: [
        "Pilot", "2026-01-15", "A note", "over two lines", ".", "teem", "2", "1,casework", "n",
        "y", "Names", "2", "1", "n", "Deputy Clerk",
      ])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("Section 2 of 3 · question 1 of 3\nWhich plan? (required)"))
    #expect(result.output.contains("! 'teem' is not one of the choices (did you mean 'team'?)"))
    #expect(result.output.contains("Done: every required question that applies is answered."))
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("  tier: team\n  tasks:\n    - reports\n    - casework\n"))
    #expect(text.contains("  notes: |-\n    A note\n    over two lines\n"))
    let mode =
      try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func controlCSavesAndSaysHowToResume() throws {
    let file = folder.appendingPathComponent("small.pia.yaml")
    let result = try InterviewProcess.run(arguments(file), input: ["Pilot", "<INT>"])
    #expect(result.status == 130, "\(result.output)")
    #expect(result.output.contains("Interrupted. Your answers so far are saved in \(file.path)."))
    #expect(
      result.output.contains(
        "run: pia interview \(InterviewProcess.questionnaire) --answers \(file.path)"))
    #expect(try String(contentsOf: file, encoding: .utf8).contains("  title: Pilot\n"))
  }

  @Test func controlDSavesAndStops() throws {
    let file = folder.appendingPathComponent("small.pia.yaml")
    let result = try InterviewProcess.run(arguments(file), input: ["Pilot", "<EOF>"])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output.contains("Input ended. Your answers so far are saved in"))
  }

  @Test func withoutATerminalItSaysSoInsteadOfHanging() throws {
    let file = folder.appendingPathComponent("small.pia.yaml")
    let result = try InterviewProcess.run(arguments(file), input: ["Pilot"], pipe: true)
    #expect(result.status == 1)
    #expect(result.output.contains("needs a terminal, but standard input is not one"))
    #expect(!FileManager.default.fileExists(atPath: file.path))
  }

  @Test func nonInteractiveListsUnansweredQuestions() throws {
    let file = folder.appendingPathComponent("small.pia.yaml")
    try Data("format: 1\nquestionnaire: {id: small, version: 2}\nanswers:\n  title: Pilot\n".utf8)
      .write(to: file)
    let result = try InterviewProcess.run(
      arguments(file, ["--non-interactive"]), input: [], pipe: true)
    #expect(result.status == 1)
    #expect(result.output.contains("7 questions that apply are unanswered (3 required):"))
    #expect(result.output.contains("  required  started"))
  }

  @Test func nonInteractiveAcceptsTheShippedExamples() throws {
    for name in ["safe-admin-pilot", "personal-account-pilot", "records-system-deployment"] {
      let result = try InterviewProcess.run(
        [
          "interview", "ai-assistant", "--answers", "Examples/\(name).pia.yaml",
          "--non-interactive",
          "--resources", ".",
        ],
        input: [], pipe: true)
      #expect(result.status == 0, "\(name): \(result.output)")
      #expect(result.output.contains("Every question that applies is answered."))
    }
  }

  @Test func loadErrorsArePrintedWithTheirPlace() throws {
    let result = try InterviewProcess.run(
      [
        "interview", InterviewProcess.questionnaire, "--answers",
        "Tests/PIAKitTests/Fixtures/answers/unknown-choice.pia.yaml", "--non-interactive",
        "--resources", ".",
      ],
      input: [], pipe: true)
    #expect(result.status == 1)
    #expect(
      result.output.contains(
        "Tests/PIAKitTests/Fixtures/answers/unknown-choice.pia.yaml:6:9: error: 'teem' is not a choice of 'tier'"
      ))
  }
}
