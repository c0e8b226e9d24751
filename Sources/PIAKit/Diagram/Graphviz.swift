internal import CGraphviz
import Foundation

/// Lays out and draws a graph written in the DOT language with the Graphviz C library (libgvc
/// and libcgraph, Debian `libgraphviz-dev`), in process: no `dot` command is run.
///
/// Graphviz is not thread-safe (`man cgraph`: "The library is not thread safe"), so every call,
/// from reading the DOT text to freeing the layout, runs on one serial queue; concurrent callers
/// wait their turn. The same DOT text gives the same bytes (Graphviz 2.43 writes no date into
/// SVG or PNG); the geometry depends on the installed fonts and the Graphviz version.
public enum Graphviz {
  /// An output format, named as Graphviz names its renderers.
  public enum Format: String, Sendable, CaseIterable {
    /// SVG from the core writer: text stays text, fonts are named, not embedded.
    case svg
    /// A PNG drawn by cairo and pango (antialiased, with font fallback), 96 pixels per inch
    /// unless the graph's `dpi` attribute says otherwise.
    case png
  }

  /// Graphviz refused the graph or could not draw it.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed, with Graphviz's own messages when it gave any.
    public var message: String

    /// Creates a failure with a readable message.
    public init(_ message: String) {
      self.message = message
    }

    /// The same text as `message`.
    public var description: String { message }
  }

  /// Lays out `dot` with the `dot` engine and draws it in each format.
  ///
  /// - Parameters:
  ///   - dot: A graph in the DOT language.
  ///   - formats: The formats to draw, in the order of the result.
  /// - Returns: The bytes of each format, in the order asked.
  /// - Throws: ``Failure`` when the DOT text does not parse, the layout fails (for example when
  ///   Graphviz's plugin configuration is missing), or a renderer is unavailable; the message
  ///   carries Graphviz's own words.
  public static func render(dot: String, formats: [Format]) throws(Failure) -> [Data] {
    let result: Result<[Data], Failure> = queue.sync { Session.shared.render(dot, formats) }
    return try result.get()
  }

  /// The one queue every Graphviz call runs on.
  private static let queue = DispatchQueue(label: "pia.graphviz")
}

/// The Graphviz context and the messages of the call in progress; used only on the queue.
private final class Session: @unchecked Sendable {
  /// Created on first use (on the queue) and kept for the life of the process: a context costs
  /// about 12 ms to create and loads the plugin configuration once.
  static let shared = Session()

  /// Messages Graphviz reported during the current call.
  nonisolated(unsafe) static var messages = ""

  private var context: OpaquePointer?

  func render(_ dot: String, _ formats: [Graphviz.Format]) -> Result<[Data], Graphviz.Failure> {
    Self.messages = ""
    cgraphviz_set_error_sink { message in
      if let message { Session.messages += String(cString: message) }
      return 0
    }
    if context == nil { context = gvContext() }
    guard let context else { return .failure(Graphviz.Failure("cannot start Graphviz")) }
    guard let graph = cgraphviz_read(dot) else {
      return .failure(failure("the diagram's DOT text does not parse"))
    }
    defer { agclose(graph) }
    guard gvLayout(context, graph, "dot") == 0 else {
      return .failure(failure("Graphviz cannot lay out the diagram"))
    }
    defer { gvFreeLayout(context, graph) }
    var outputs: [Data] = []
    for format in formats {
      guard let data = renderBytes(gvRenderData, context, graph, format.rawValue) else {
        return .failure(failure("Graphviz cannot draw the diagram as \(format.rawValue)"))
      }
      outputs.append(data)
    }
    return .success(outputs)
  }

  /// A failure whose message ends with what Graphviz said, if anything.
  private func failure(_ summary: String) -> Graphviz.Failure {
    let said = Self.messages.split(whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      .joined(separator: " ")
    return Graphviz.Failure(said.isEmpty ? summary : "\(summary): \(said)")
  }

  /// `gvRenderData` as Graphviz before 13.0 declares it (the length is `unsigned int *`).
  typealias RenderData32 = (
    OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?,
    UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<UInt32>?
  ) -> Int32

  /// `gvRenderData` as Graphviz 13.0 and later declare it (the length is `size_t *`).
  typealias RenderDataSize = (
    OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?,
    UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Int>?
  ) -> Int32

  /// Draws the laid-out `graph` with the installed `gvRenderData`; nil when it fails.
  private func renderBytes(
    _ function: RenderData32, _ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>,
    _ format: String
  ) -> Data? {
    var bytes: UnsafeMutablePointer<CChar>?
    var length: UInt32 = 0
    guard function(context, graph, format, &bytes, &length) == 0, let bytes else { return nil }
    defer { gvFreeRenderData(bytes) }
    return Data(bytes: bytes, count: Int(length))
  }

  /// Draws the laid-out `graph` with the installed `gvRenderData`; nil when it fails.
  private func renderBytes(
    _ function: RenderDataSize, _ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>,
    _ format: String
  ) -> Data? {
    var bytes: UnsafeMutablePointer<CChar>?
    var length = 0
    guard function(context, graph, format, &bytes, &length) == 0, let bytes else { return nil }
    defer { gvFreeRenderData(bytes) }
    return Data(bytes: bytes, count: length)
  }
}
