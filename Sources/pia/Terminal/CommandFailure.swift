/// A command that could not do its work (unreadable input, unwritable output, bad content).
///
/// ArgumentParser prints `Error: <description>` and exits with status 1; unlike
/// `ValidationError` it does not add usage text or exit with the usage status 64.
struct CommandFailure: Error, CustomStringConvertible {
  /// What went wrong, naming the file involved.
  var description: String

  /// Creates a failure with a readable message.
  init(_ description: String) {
    self.description = description
  }
}
