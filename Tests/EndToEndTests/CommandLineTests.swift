import Foundation
import Testing

/// Runs the built `pia` binary and checks its output and exit code.
struct PIAProcess {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The binary next to the test bundle (`.build/<config>/pia`).
  static var binary: URL {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("pia")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/pia")
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `pia` with arguments in `directory` (the repository root by default).
  static func run(
    _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:],
    stdin: String? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "PIA_HOME")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

@Suite struct CommandLineTests {
  @Test func helpListsTheSubcommands() throws {
    let result = try PIAProcess.run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: pia <subcommand>"))
    for command in ["list", "validate"] {
      #expect(result.stdout.contains("  \(command)"), "\(command)")
    }
  }

  @Test(arguments: ["list", "validate"])
  func everySubcommandHasHelp(_ command: String) throws {
    let result = try PIAProcess.run([command, "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("USAGE: pia \(command)"))
  }

  @Test func versionPrints() throws {
    let result = try PIAProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(
      result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3
    )
  }

  @Test func unknownOptionIsAUsageError() throws {
    let result = try PIAProcess.run(["validate", "--frobnicate"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Unknown option '--frobnicate'"))
  }

  @Test func listShowsTheShippedQuestionnaires() throws {
    let result = try PIAProcess.run(["list"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = result.stdout.split(separator: "\n").map {
      $0.split(separator: " ", omittingEmptySubsequences: true).prefix(3).joined(separator: " ")
    }
    #expect(rows.contains("questionnaire ai-assistant 1"))
    #expect(rows.contains("questionnaire mfippa-pia 1"))
    #expect(rows.contains("template pia-report 1"))
    #expect(rows.contains("template council-appendix 1"))
  }

  @Test func validatePassesOnShippedContent() throws {
    let result = try PIAProcess.run(["validate"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.hasPrefix("Checked "))
    #expect(result.stdout.contains("no problems."))
  }

  @Test func validateFailsOnABrokenFile() throws {
    let path = "Tests/PIAKitTests/Fixtures/questionnaire/broken/unknown-key.yaml"
    let result = try PIAProcess.run(["validate", path])
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "\(path):11:9: error: unknown key 'requird' in a question (did you mean 'required'?)\n")
    #expect(result.stdout.contains("1 error"))
  }

  @Test func validateChecksAnAnswersFileAgainstItsQuestionnaire() throws {
    let example = try PIAProcess.run(["validate", "Examples/records-system-deployment.pia.yaml"])
    #expect(example.status == 0, "\(example.stderr)")
    #expect(example.stdout == "Checked 1 file (1 answers file): no problems.\n")

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-validate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("typo.pia.yaml")
    try Data(
      "format: 2\nquestionnaire:\n  id: ai-assistant\n  version: 1\nanswers:\n  bogus: 1\n".utf8
    ).write(to: file)
    let broken = try PIAProcess.run(["validate", file.path])
    #expect(broken.status == 1)
    #expect(
      broken.stderr
        == "\(file.path):6:3: error: unknown question id 'bogus' in 'answers'; "
        + "'ai-assistant' version 1 has no such question\n")
  }

  @Test func missingResourcesListEveryPathTried() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-empty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    let result = try PIAProcess.run(["list", "--resources", empty.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("Cannot find the questionnaires and templates"))
    #expect(result.stderr.contains(empty.path))
  }

  @Test func resourcesComeFromPIAHome() throws {
    let fixture = PIAProcess.repositoryRoot.appendingPathComponent(
      "Tests/PIAKitTests/Fixtures/questionnaire/resources")
    let outside = FileManager.default.temporaryDirectory
    let result = try PIAProcess.run(["list"], in: outside, environment: ["PIA_HOME": fixture.path])
    #expect(result.status == 0, "\(result.stderr)")
    let row = result.stdout.split(separator: "\n").first { $0.hasPrefix("questionnaire") }
    #expect(
      row?.split(separator: " ", omittingEmptySubsequences: true) == [
        "questionnaire", "demo", "2", "Demo", "assessment",
      ])
  }
}
