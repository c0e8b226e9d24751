import PIAKit

/// A console that answers prompts from a script and records everything.
///
/// Lines are consumed in order; when they run out, `readLine` returns `nil`
/// (end of input). `interruptAtLine` simulates Ctrl-C at that read.
struct ScriptedConsole: Console {
  var lines: [String]
  /// Everything written, prompts and echoed answers included.
  var transcript = ""
  /// Answers lines by prompt instead of a fixed script when `lines` is empty.
  var responder: ((String, String) -> String?)?
  /// Simulates Ctrl-C at this read (0-based).
  var interruptAtRead: Int?
  private(set) var reads = 0
  private var interrupted = false

  init(_ lines: [String], interruptAtRead: Int? = nil) {
    self.lines = lines
    self.interruptAtRead = interruptAtRead
  }

  init(responder: @escaping (_ prompt: String, _ transcript: String) -> String?) {
    self.lines = []
    self.responder = responder
  }

  mutating func readLine(prompt: String) -> String? {
    transcript += prompt
    defer { reads += 1 }
    if reads == interruptAtRead {
      interrupted = true
      transcript += "^C\n"
      return nil
    }
    let line: String?
    if let responder {
      line = responder(prompt, transcript)
    } else {
      line = lines.isEmpty ? nil : lines.removeFirst()
    }
    transcript += (line ?? "^D") + "\n"
    return line
  }

  mutating func write(_ text: String) {
    transcript += text
  }

  var interruptRequested: Bool { interrupted }

  mutating func acknowledgeInterrupt() { interrupted = false }
}
