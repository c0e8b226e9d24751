import Foundation
import PIAKit

#if canImport(Glibc)
  import Glibc
#endif

/// Set by the SIGINT handler. A signal handler can only touch a global, so this
/// is the one piece of process-wide mutable state in the tool; only the handler
/// writes it and only `TerminalConsole` reads it.
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0

/// The interview's console on a real terminal: prompts on standard output,
/// answers from standard input, and Ctrl-C ends the current read so the engine
/// can save and stop cleanly.
struct TerminalConsole: Console {
  /// Installs the Ctrl-C handler. It is installed without `SA_RESTART`, so a
  /// read waiting for input returns at once when the user presses Ctrl-C.
  init() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in interruptFlag = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  mutating func readLine(prompt: String) -> String? {
    write(prompt)
    guard interruptFlag == 0 else { return nil }
    return Swift.readLine(strippingNewline: true)
  }

  mutating func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  var interruptRequested: Bool { interruptFlag != 0 }
}
