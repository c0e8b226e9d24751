import ArgumentParser
import Foundation
import Logging
import PIAHost
import PIAKit
import PIAServer

extension PIACommand {
  /// `pia serve`: a group whose default is `start`, so that `pia serve --workspace DIR` starts
  /// the server and `pia serve add-user NAME --users FILE` reaches its own `--users`.
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve",
      abstract: "The interview in a browser, over the answers files of a workspace folder.",
      discussion: """
        'pia serve --workspace DIR' (the default subcommand, start) runs the server; \
        'pia serve add-user NAME --users FILE' manages the users file. The routes and the \
        security are described in docs/web.md.
        """,
      subcommands: [Start.self, AddUser.self], defaultSubcommand: Start.self)
  }
}

extension PIACommand.Serve {
  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "start",
      abstract: "Start the server (the default of 'pia serve').",
      discussion: """
        Listens on 127.0.0.1 and prints 'pia serve: http://127.0.0.1:PORT/login?token=…' as \
        its first line; opening that address signs the browser in. The token is new at every \
        start. Listening on another address (--host) requires --users FILE, whose users sign \
        in with a password (add them with 'pia serve add-user'). Stop with Ctrl-C. The routes \
        are described in docs/web.md.
        """)

    @OptionGroup var resources: ResourceOptions

    @Option(
      help: ArgumentHelp("The folder of answers files (*.pia.yaml) to serve.", valueName: "dir"))
    var workspace: String

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 0

    @Option(
      help: ArgumentHelp(
        "Users who sign in with a password (NAME:BCRYPT-HASH lines); required with --host other "
          + "than a loopback address.", valueName: "file"))
    var users: String?

    @Flag(help: .hidden)
    var patterns = false

    func validate() throws {
      guard (0...65_535).contains(port) else {
        throw ValidationError("'--port' must be 0 to 65535")
      }
      if users == nil && !ServerConfiguration.isLoopback(host) {
        throw ValidationError(
          "Listening on '\(host)' makes the server reachable from other machines; pass "
            + "--users FILE so people sign in with a password (see 'pia serve add-user')")
      }
    }

    /// Runs the server until SIGINT or SIGTERM. The root command stays synchronous (the
    /// terminal interview's Ctrl-C handling needs its read on the main thread), so this blocks
    /// the main thread while the server runs on Swift's and NIO's own threads.
    func run() throws {
      let outcome = Outcome()
      let done = DispatchSemaphore(value: 0)
      let command = self
      Task {
        do {
          try await command.serve()
        } catch {
          outcome.error = error
        }
        done.signal()
      }
      done.wait()
      if let error = outcome.error { throw error }
    }

    /// The error the server's task ended with; the semaphore orders the write before the read.
    private final class Outcome: @unchecked Sendable {
      var error: (any Error)?
    }

    private func serve() async throws {
      let found = try resources.locate()
      let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      let folder = URL(fileURLWithPath: workspace, relativeTo: workingDirectory).standardizedFileURL
      var usersFile: UsersFile?
      if let users {
        usersFile = try Self.loadUsers(users, workingDirectory: workingDirectory)
      }
      let configuration = ServerConfiguration(
        workspace: folder, workspaceDisplay: workspace, resources: found, host: host, port: port,
        users: usersFile, operatorName: HostClock.loginName() ?? "operator", patterns: patterns,
        today: { HostClock.today() },
        audit: { line in Terminal.writeError("pia serve: \(line)\n") })
      let server: WebServer
      do {
        server = try WebServer(configuration: configuration)
      } catch {
        Terminal.print(error.diagnostics)
        throw CommandFailure("pia serve cannot start; fix the problems above.")
      }
      for name in Workspace(folder: folder).removeStaleTemporaryFiles() {
        Terminal.writeError("pia serve: removed '\(name)', left by a save that was interrupted\n")
      }
      var logger = Logger(label: "pia-serve")
      logger.logLevel = .warning
      let app = server.application(logger: logger) { port in
        let line = "pia serve: \(configuration.loginURL(port: port))\n"
        FileHandle.standardOutput.write(Data(line.utf8))
      }
      try await app.runService()
    }

    /// Reads and checks the users file.
    static func loadUsers(_ path: String, workingDirectory: URL) throws -> UsersFile {
      let url = URL(fileURLWithPath: path, relativeTo: workingDirectory)
      guard let data = FileManager.default.contents(atPath: url.path),
        let text = String(data: data, encoding: .utf8)
      else {
        throw CommandFailure(
          "cannot read the users file '\(path)'; create it with 'pia serve add-user NAME --users \(path)'"
        )
      }
      switch UsersFile.parse(text, path: path) {
      case .success(let file): return file
      case .failure(let error):
        Terminal.print(error.diagnostics)
        throw CommandFailure("the users file '\(path)' has errors")
      }
    }
  }
}
