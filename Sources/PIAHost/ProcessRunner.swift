import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a finished program wrote and how it ended.
public struct ProcessOutput: Sendable, Equatable {
  /// The exit status (0 is success); 128 + N when signal N ended it.
  public var status: Int32
  /// Everything it wrote on standard output.
  public var standardOutput: Data
  /// Everything it wrote on standard error.
  public var standardError: Data

  /// Creates an output record.
  public init(status: Int32, standardOutput: Data, standardError: Data) {
    self.status = status
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// Standard error as text, for messages (invalid UTF-8 replaced).
  public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}

/// Runs external programs (LibreOffice, poppler's tools) with a time limit.
///
/// Each program runs in a process group of its own, with standard input from `/dev/null` and its
/// output captured, so that when the time limit passes the whole group (LibreOffice's launcher
/// and the office process it starts) is ended: SIGTERM, then SIGKILL two seconds later.
public enum ProcessRunner {
  /// A program that could not be run or did not finish in time.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the program.
    public var message: String
    /// True when the program was stopped because its time limit passed.
    public var timedOut: Bool

    /// Creates a failure.
    public init(_ message: String, timedOut: Bool = false) {
      self.message = message
      self.timedOut = timedOut
    }

    /// The same text as `message`.
    public var description: String { message }
  }

  /// Runs `executable` and waits for it.
  ///
  /// - Parameters:
  ///   - executable: The program's path (not searched for; see ``ExecutableSearch``).
  ///   - arguments: Its arguments, each passed as is (no shell).
  ///   - environment: Its environment; the current process's when nil. It runs in the current
  ///     folder: give it absolute paths.
  ///   - timeLimit: Seconds before it is stopped.
  /// - Returns: Its exit status and output, whatever the status.
  /// - Throws: ``Failure`` when it cannot be started or is still running after `timeLimit`.
  public static func run(
    _ executable: URL, arguments: [String], environment: [String: String]? = nil,
    timeLimit: TimeInterval
  ) throws(Failure) -> ProcessOutput {
    let name = executable.lastPathComponent
    var outputPipe: [Int32] = [-1, -1]
    var errorPipe: [Int32] = [-1, -1]
    guard pipe(&outputPipe) == 0 else { throw Failure("cannot run \(name): no pipe available") }
    guard pipe(&errorPipe) == 0 else {
      close(outputPipe[0])
      close(outputPipe[1])
      throw Failure("cannot run \(name): no pipe available")
    }
    let pid: pid_t
    do {
      pid = try spawn(
        executable.path, arguments: arguments,
        environment: environment ?? ProcessInfo.processInfo.environment, stdout: outputPipe,
        stderr: errorPipe)
    } catch {
      for fd in outputPipe + errorPipe { close(fd) }
      throw error
    }
    close(outputPipe[1])
    close(errorPipe[1])

    let output = PipeReader(outputPipe[0])
    let errors = PipeReader(errorPipe[0])
    let exited = DispatchSemaphore(value: 0)
    let exit = ExitBox()
    DispatchQueue.global().async {
      exit.status = waitForExit(pid)
      exited.signal()
    }
    var timedOut = false
    if exited.wait(timeout: .now() + timeLimit) == .timedOut {
      timedOut = true
      kill(-pid, SIGTERM)
      if exited.wait(timeout: .now() + 2) == .timedOut {
        kill(-pid, SIGKILL)
        exited.wait()
      }
    }
    // A child the program left behind may hold the pipes open: give the readers a moment, then
    // end the rest of the group.
    if !output.finish(within: 5) || !errors.finish(within: 1) {
      kill(-pid, SIGKILL)
      output.finishAfterKill()
      errors.finishAfterKill()
    }
    if timedOut {
      throw Failure(
        "\(name) did not finish within \(Int(timeLimit)) seconds and was stopped", timedOut: true)
    }
    return ProcessOutput(
      status: exit.status, standardOutput: output.data, standardError: errors.data)
  }

  /// Starts the program in a new process group with stdin from /dev/null.
  private static func spawn(
    _ path: String, arguments: [String], environment: [String: String], stdout: [Int32],
    stderr: [Int32]
  ) throws(Failure) -> pid_t {
    let name = (path as NSString).lastPathComponent
    #if canImport(Glibc)
      var actions = posix_spawn_file_actions_t()
      var attributes = posix_spawnattr_t()
    #else
      var actions: posix_spawn_file_actions_t? = nil
      var attributes: posix_spawnattr_t? = nil
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
    posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
    for fd in stdout + stderr { posix_spawn_file_actions_addclose(&actions, fd) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([path] + arguments).map { strdup($0) }
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, argv + [nil], envp + [nil])
    guard result == 0 else {
      throw Failure("cannot run \(name) (\(path)): \(String(cString: strerror(result)))")
    }
    return pid
  }

  /// Waits for `pid` to end; its exit status, or 128 + the signal that ended it.
  private static func waitForExit(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let signal = status & 0x7F
    if signal == 0 { return (status >> 8) & 0xFF }
    return 128 + signal
  }
}

/// The exit status, written by the waiting thread before it signals.
private final class ExitBox: @unchecked Sendable {
  var status: Int32 = 0
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
  private let fd: Int32
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var buffer = Data()
  private var finished = false

  init(_ fd: Int32) {
    self.fd = fd
    DispatchQueue.global().async { self.readAll() }
  }

  private func readAll() {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count > 0 {
        lock.lock()
        buffer.append(contentsOf: chunk[0..<count])
        lock.unlock()
      } else if count == 0 || errno != EINTR {
        break
      }
    }
    close(fd)
    done.signal()
  }

  /// Waits up to `seconds` for the end of the pipe; false if it is still open.
  func finish(within seconds: TimeInterval) -> Bool {
    if finished { return true }
    finished = done.wait(timeout: .now() + seconds) == .success
    return finished
  }

  /// Waits for the end of the pipe after its writers were killed.
  func finishAfterKill() {
    if !finished {
      done.wait()
      finished = true
    }
  }

  /// What was read.
  var data: Data {
    lock.lock()
    defer { lock.unlock() }
    return buffer
  }
}
