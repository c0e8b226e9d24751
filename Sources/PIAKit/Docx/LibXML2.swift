internal import CLibXML2

/// One-time libxml2 set-up shared by the writer and the reader.
enum LibXML2 {
  private static let initialized: Bool = {
    // libxml2 2.9 sets up its encoding tables lazily; do it once before any concurrent use.
    xmlInitParser()
    return true
  }()

  /// Initializes libxml2 once per process; cheap after the first call.
  static func ensureInitialized() {
    _ = initialized
  }
}
