import Foundation
import Testing

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
    let process = Process()
    process.executableURL = PIAProcess.binary
    process.arguments = ["serve", "--workspace", workspace.path, "--port", "0"]
    process.currentDirectoryURL = PIAProcess.repositoryRoot
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let text = String(decoding: line, as: UTF8.self)
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
}
