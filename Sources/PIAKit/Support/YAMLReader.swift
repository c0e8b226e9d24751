import Yams

/// Typed, forgiving access to YAML nodes that records a diagnostic for every
/// problem instead of stopping at the first one.
struct YAMLReader: Sendable {
  /// The path printed in diagnostics.
  let path: String
  /// The problems found so far.
  var diagnostics: [Diagnostic] = []

  /// Makes a reader for the file printed as `path`, with no diagnostics yet.
  init(path: String) {
    self.path = path
  }

  /// The location of `node` in this file.
  func location(of node: Node) -> SourceLocation {
    SourceLocation(yamlMark: node.mark, file: path)
  }

  /// Records an error at `node`.
  mutating func error(_ message: String, at node: Node) {
    diagnostics.append(.error(message, at: location(of: node)))
  }

  /// Records a warning at `node`.
  mutating func warning(_ message: String, at node: Node) {
    diagnostics.append(.warning(message, at: location(of: node)))
  }

  /// Reads a mapping, reporting unknown keys (with a did-you-mean) and missing
  /// required keys.
  ///
  /// - Parameters:
  ///   - node: The node that should be a mapping.
  ///   - what: What the mapping is, for messages ("question", "choice").
  ///   - keys: Every key allowed.
  ///   - required: The keys that must be present.
  /// - Returns: The mapping, or `nil` when the node is not one.
  mutating func mapping(
    _ node: Node, _ what: String, keys: [String], required: [String] = []
  ) -> YAMLMapping? {
    guard case .mapping(let mapping) = node else {
      error("expected \(what) to be a mapping, found \(node.kindName)", at: node)
      return nil
    }
    var result = YAMLMapping(node: node)
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        error("expected a plain key in \(what), found \(keyNode.kindName)", at: keyNode)
        continue
      }
      let key = scalar.string
      if !keys.contains(key) {
        error(
          "unknown key '\(key)' in \(what)\(Spelling.didYouMean(key, among: keys))", at: keyNode)
        continue
      }
      result.entries.append((key, keyNode, value))
    }
    for key in required where result[key] == nil {
      error("missing required key '\(key)' in \(what)", at: node)
    }
    return result
  }

  /// Reads a non-empty string scalar.
  mutating func string(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
    guard case .scalar(let scalar) = node else {
      error("expected \(what) to be text, found \(node.kindName)", at: node)
      return nil
    }
    if node.isNull && !allowEmpty {
      error("expected \(what) to be text, found nothing", at: node)
      return nil
    }
    if !allowEmpty && scalar.string.isBlank {
      error("\(what) must not be empty", at: node)
      return nil
    }
    return scalar.string
  }

  /// Reads an identifier: lower-case letters, digits, `_` and `-`, starting with a letter.
  mutating func identifier(_ node: Node, _ what: String) -> String? {
    guard let text = string(node, what) else { return nil }
    guard Identifier.isValid(text) else {
      error(
        "\(what) '\(text)' is not a valid id (use lower-case letters, digits, '_' or '-', "
          + "starting with a letter)", at: node)
      return nil
    }
    return text
  }

  /// Reads an integer.
  mutating func integer(_ node: Node, _ what: String) -> Int? {
    guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
      error("expected \(what) to be a whole number, found \(describe(node))", at: node)
      return nil
    }
    return value
  }

  /// Reads a number.
  mutating func number(_ node: Node, _ what: String) -> Double? {
    guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite
    else {
      error("expected \(what) to be a number, found \(describe(node))", at: node)
      return nil
    }
    return value
  }

  /// Reads `true`/`false` (YAML 1.1 `yes`/`no` are accepted too).
  mutating func boolean(_ node: Node, _ what: String) -> Bool? {
    guard case .scalar(let scalar) = node, let value = Self.bool(scalar.string) else {
      error("expected \(what) to be true or false, found \(describe(node))", at: node)
      return nil
    }
    return value
  }

  /// Reads a list; a single scalar is not accepted as a list.
  mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      error("expected \(what) to be a list, found \(node.kindName)", at: node)
      return nil
    }
    return Array(sequence)
  }

  /// Reads a list of strings.
  mutating func strings(_ node: Node, _ what: String) -> [String]? {
    guard let items = sequence(node, what) else { return nil }
    return items.compactMap { string($0, "each item of \(what)") }
  }

  /// Parses the YAML spellings of a boolean.
  static func bool(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true", "yes", "y", "on": return true
    case "false", "no", "n", "off": return false
    default: return nil
    }
  }

  /// A short description of a node's value for messages.
  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
      let text = scalar.string
      return text.isEmpty
        ? "nothing" : "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
    default:
      return node.kindName
    }
  }
}

/// A YAML mapping's entries in file order, with their key nodes for locations.
struct YAMLMapping {
  /// The mapping node itself.
  let node: Node
  /// Key text, key node and value node, in file order.
  var entries: [(key: String, keyNode: Node, value: Node)] = []

  init(node: Node) {
    self.node = node
  }

  /// The value for `key`.
  subscript(key: String) -> Node? {
    // By index: `first(where:)` would copy each entry (two nodes) to test it.
    for index in entries.indices where entries[index].key == key {
      return entries[index].value
    }
    return nil
  }
}

/// The rules for ids of questions, choices, rules, provisions and vendors.
enum Identifier {
  /// Whether `text` is a valid id.
  static func isValid(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else {
      return false
    }
    return text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
    }
  }
}
