import Foundation
import PIAKit

#if canImport(Glibc)
  import Glibc
#endif

/// The interview's console on a real terminal: prompts on standard output,
/// answers from standard input, and Ctrl-C ends the current read so the engine
/// can save and stop cleanly.
///
/// The SIGINT handler does nothing itself (so it touches no Swift state from
/// signal context); it is installed without `SA_RESTART`, so a read waiting for
/// input fails with `EINTR` when the user presses Ctrl-C, and that is the
/// interruption the engine sees.
struct TerminalConsole: Console {
  private(set) var interruptRequested = false

  init() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
  }

  mutating func acknowledgeInterrupt() {
    interruptRequested = false
  }

  mutating func readLine(prompt: String) -> String? {
    write(prompt)
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let count = read(STDIN_FILENO, &byte, 1)
      if count < 0 {
        if errno == EINTR { interruptRequested = true }
        return nil
      }
      if count == 0 { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
      if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
  }

  /// Writes with write(2), retrying after Ctrl-C (EINTR) instead of failing.
  mutating func write(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { buffer in
        Glibc.write(STDOUT_FILENO, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }
}
