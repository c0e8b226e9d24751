import ArgumentParser
import Foundation
import PIAHost
import PIAKit
import PIAServer

extension PIACommand.Serve {
  struct AddUser: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-user",
      abstract: "Add a user to a users file, or set a user's password.",
      discussion: """
        Reads the password from standard input (one line; typed without echo on a terminal) \
        and stores its bcrypt hash. The file is written with mode 0600.
        """)

    @Argument(help: "The user name (letters, digits, '.', '_', '@', '-').")
    var name: String

    @Option(help: ArgumentHelp("The users file (created when missing).", valueName: "file"))
    var users: String

    func validate() throws {
      guard UsersFile.isValidName(name) else {
        throw ValidationError(
          "'\(name)' is not a user name: use 1 to 64 letters, digits, '.', '_', '@' or '-'")
      }
    }

    func run() throws {
      let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      let url = URL(fileURLWithPath: users, relativeTo: workingDirectory)
      var file = UsersFile(users: [])
      if FileManager.default.fileExists(atPath: url.path) {
        file = try PIACommand.Serve.Start.loadUsers(users, workingDirectory: workingDirectory)
      }
      let password = try Self.readPassword()
      let existed = file.users.contains { $0.name == name }
      file = file.setting(name, hash: UsersFile.hash(password))
      do {
        try AtomicFile(url: url, displayPath: users).write(Data(file.text.utf8))
      } catch {
        throw CommandFailure(error.description)
      }
      guard chmod(url.path, 0o600) == 0 else {
        throw CommandFailure("cannot set the mode of '\(users)' to 0600")
      }
      print(
        existed ? "Changed the password of '\(name)' in \(users)." : "Added '\(name)' to \(users).")
    }

    /// One line from standard input, without echo when it is a terminal.
    static func readPassword() throws -> String {
      let terminal = isatty(STDIN_FILENO) == 1
      var saved = termios()
      if terminal {
        Terminal.writeError("Password: ")
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
      }
      let line = readLine(strippingNewline: true)
      if terminal {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        Terminal.writeError("\n")
      }
      guard let line, !line.isEmpty else {
        throw CommandFailure("no password on standard input")
      }
      guard line.count >= 8 else {
        throw CommandFailure("the password must be at least 8 characters")
      }
      return line
    }
  }
}
