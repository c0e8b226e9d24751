import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("pia serve: the command")
struct ServeCommandTests {
  @Test("the first line is the sign-in address, flushed at once; temp files are removed at start")
  func firstLine() throws {
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-serve-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let stale = workspace.appendingPathComponent(".a.pia.yaml.tmp-Ab12Cd")
    try Data("half a save".utf8).write(to: stale)
    let (process, line) = try Self.start(workspace)
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    let text = line
    #expect(
      text.range(
        of: #"^pia serve: http://127\.0\.0\.1:[0-9]+/login\?token=[0-9a-f]{64}\n$"#,
        options: .regularExpression) != nil, "\(text)")
    #expect(!FileManager.default.fileExists(atPath: stale.path))
  }

  @Test("another address than loopback without --users is a usage error")
  func needsUsers() throws {
    let result = try PIAProcess.run(["serve", "--workspace", "Examples", "--host", "0.0.0.0"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--users FILE"))
  }

  @Test("add-user stores a bcrypt hash with mode 0600; a short password is refused")
  func addUser() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-users-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let users = folder.appendingPathComponent("users").path
    let short = try PIAProcess.run(
      ["serve", "add-user", "priya", "--users", users], stdin: "short\n")
    #expect(short.status == 1)
    #expect(!FileManager.default.fileExists(atPath: users))
    let added = try PIAProcess.run(
      ["serve", "add-user", "priya", "--users", users], stdin: "a long password\n")
    #expect(added.status == 0, "\(added.stderr)")
    let text = try String(contentsOfFile: users, encoding: .utf8)
    #expect(text.range(of: #"\npriya:\$2[aby]\$12\$.{53}\n"#, options: .regularExpression) != nil)
    #expect(!text.contains("a long password"))
    let mode = try FileManager.default.attributesOfItem(atPath: users)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let bad = try PIAProcess.run(
      ["serve", "add-user", "no spaces", "--users", users], stdin: "x\n")
    #expect(bad.status == 64)
  }

  @Test("score.json and a Markdown document are byte for byte what pia score and pia render print")
  func sameBytesAsTheCommands() async throws {
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("pia-serve-bytes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let example = workspace.appendingPathComponent("records-system-deployment.pia.yaml")
    try FileManager.default.copyItem(
      at: PIAProcess.repositoryRoot.appendingPathComponent(
        "Examples/records-system-deployment.pia.yaml"), to: example)
    let score = try PIAProcess.run(["score", "--answers", example.path, "--format", "json"])
    #expect(score.status == 0)
    let output = workspace.appendingPathComponent("out")
    let render = try PIAProcess.run([
      "render", "--answers", example.path, "--template", "council-appendix", "--output",
      output.path,
    ])
    #expect(render.status == 0, "\(render.stderr)")
    let rendered = try Data(
      contentsOf: output.appendingPathComponent(
        "records-system-deployment.council-appendix.md"))

    let (process, line) = try Self.start(workspace)
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    let address = line.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
      of: "pia serve: ", with: "")
    let login = try #require(URL(string: address))
    let base = try #require(URL(string: "/", relativeTo: login)?.absoluteURL)
    // An ephemeral session keeps the cookie the sign-in address sets, and follows its 303.
    let browser = URLSession(configuration: .ephemeral)
    _ = try await browser.data(from: login)
    let (served, response) = try await browser.data(
      from: base.appendingPathComponent("a/records-system-deployment/score.json"))
    #expect((response as? HTTPURLResponse)?.statusCode == 200)
    #expect(String(decoding: served, as: UTF8.self) == score.stdout)
    let (document, _) = try await browser.data(
      from: base.appendingPathComponent(
        "a/records-system-deployment/documents/council-appendix.md"))
    #expect(document == rendered)
  }

  /// Starts `pia serve` over `workspace` on a free port and reads its first line.
  static func start(_ workspace: URL) throws -> (Process, String) {
    let process = Process()
    process.executableURL = PIAProcess.binary
    process.arguments = ["serve", "--workspace", workspace.path, "--port", "0"]
    process.currentDirectoryURL = PIAProcess.repositoryRoot
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    return (process, String(decoding: line, as: UTF8.self))
  }
}
