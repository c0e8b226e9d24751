import Foundation
import Yams

/// A YAML file parsed into nodes that remember their line and column.
///
/// Loading is defensive: the size is capped, the bytes must be UTF-8 (a BOM is
/// accepted), the expanded node count is capped (so alias "billion laughs"
/// files are refused), and libyaml's nesting limit (1,000) bounds the depth.
/// Every failure is a diagnostic with a position.
struct YAMLDocument {
  /// The path printed in diagnostics.
  let path: String
  /// The top node; `nil` for an empty file.
  let root: Node?

  /// The largest file accepted, in bytes.
  static let maximumSize = 32 * 1024 * 1024

  /// Parses YAML text already in memory.
  init(text: String, path: String) throws(DiagnosticsError) {
    self.path = path
    do {
      // The basic resolver tags every scalar as a string: our loaders read
      // scalars as text and interpret them per question, and Yams's default
      // resolver runs regular expressions on every scalar (it dominated
      // `pia validate` in a profile).
      root = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw DiagnosticsError([Self.diagnostic(for: error, path: path)])
    } catch {
      throw DiagnosticsError([.error("cannot parse YAML: \(error)", at: Self.start(path))])
    }
    // Only an alias ('*name') can make the node count outgrow the text, so a text without
    // one is not walked (a 1,000-flow answers file: 4 % of `pia score`).
    if let root, text.utf8.contains(UInt8(ascii: "*")),
      let problem = Self.nodeBeyondBudget(in: root)
    {
      throw DiagnosticsError([
        .error(
          "the document expands to more than \(Self.maximumNodes) YAML nodes "
            + "(aliases such as '*name' can make a small file huge); refused",
          at: SourceLocation(yamlMark: problem.mark, file: path))
      ])
    }
  }

  /// Parses YAML bytes: checks the size and the encoding first.
  init(data: Data, path: String) throws(DiagnosticsError) {
    guard data.count <= Self.maximumSize else {
      throw DiagnosticsError([
        .error(
          "file is \(data.count) bytes; the limit is \(Self.maximumSize) bytes",
          at: Self.start(path))
      ])
    }
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw DiagnosticsError([
        .error(
          "file is not valid UTF-8 (first bad byte here); save it as UTF-8",
          at: Self.firstInvalidUTF8(in: Array(bytes), path: path))
      ])
    }
    // In valid UTF-8 a zero byte is the NUL character and nothing else.
    if text.utf8.contains(0) {
      throw DiagnosticsError([
        .error("file contains a NUL character; YAML files must be text", at: Self.start(path))
      ])
    }
    try self.init(text: text, path: path)
  }

  /// Reads and parses a file.
  init(contentsOf url: URL, path: String? = nil) throws(DiagnosticsError) {
    let shown = path ?? url.path
    let data: Data
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      if let size = attributes[.size] as? Int, size > Self.maximumSize {
        throw DiagnosticsError([
          .error(
            "file is \(size) bytes; the limit is \(Self.maximumSize) bytes",
            at: Self.start(shown))
        ])
      }
      data = try Data(contentsOf: url)
    } catch let error as DiagnosticsError {
      throw error
    } catch {
      throw DiagnosticsError([.error(FileErrors.describe(error, path: shown), at: nil)])
    }
    try self.init(data: data, path: shown)
  }

  static func start(_ path: String) -> SourceLocation {
    SourceLocation(file: path, line: 1, column: 1)
  }

  private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { " \($0.text)" } ?? ""
      return .error(
        "malformed YAML: \(problem)\(detail)", at: SourceLocation(yamlMark: mark, file: path))
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return .error(
        "duplicate key \(keys) in the same mapping",
        at: SourceLocation(yamlMark: context.mark, file: path))
    case .reader(let problem, _, _, _):
      return .error("malformed YAML: \(problem)", at: start(path))
    default:
      return .error("malformed YAML: \(error)", at: start(path))
    }
  }

  /// The most nodes a document may expand to. Yams resolves an alias to the
  /// anchored node itself, so a "billion laughs" file is small in memory but
  /// enormous to walk; counting expanded nodes bounds every later traversal.
  static let maximumNodes = 2_000_000

  private static func nodeBeyondBudget(in node: Node) -> Node? {
    var stack = [node]
    var visited = 0
    while let current = stack.popLast() {
      visited += 1
      if visited > maximumNodes { return current }
      switch current {
      case .scalar, .alias:
        continue
      case .mapping(let mapping):
        for (key, value) in mapping {
          stack.append(value)
          stack.append(key)
        }
      case .sequence(let sequence):
        stack.append(contentsOf: sequence)
      }
    }
    return nil
  }

  private static func firstInvalidUTF8(in bytes: [UInt8], path: String) -> SourceLocation {
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length: Int
      switch byte {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return SourceLocation(file: path, line: line, column: column)
      }
      let end = index + length
      guard end <= bytes.count,
        String(validating: bytes[index..<end], as: UTF8.self) != nil
      else { return SourceLocation(file: path, line: line, column: column) }
      if byte == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index = end
    }
    return SourceLocation(file: path, line: line, column: column)
  }
}

extension SourceLocation {
  init(yamlMark mark: Mark?, file: String) {
    self.init(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }
}

extension Node {
  /// Whether the node is a plain YAML null (`null`, `~` or nothing).
  public var isNull: Bool {
    guard case .scalar(let scalar) = self, scalar.style == .plain else {
      return false
    }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// A short name of the node's YAML type, for messages.
  var kindName: String {
    switch self {
    case .scalar: return "a scalar"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }
}
