import Foundation
import Mustache

/// The value a report template sees: text, a flag, a list, or an object with
/// named fields. The report model converts itself to this tree; templates only
/// ever see these values, so the set of names a template may use is exactly the
/// set of fields in the tree (see ``TemplateSchema``).
public enum TemplateValue: Sendable, Hashable {
  /// Text; escaped for Markdown wherever a template prints it.
  case text(String)
  /// A flag for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
  case flag(Bool)
  /// A list for `{{#name}}…{{/name}}` (repeated once per item).
  case list([TemplateValue])
  /// Named fields, in a fixed order.
  case object(TemplateObject)

  /// An object from `(name, value)` pairs.
  public static func fields(_ pairs: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
    .object(TemplateObject(pairs.map { ($0.key, $0.value) }))
  }
}

/// Named fields of a ``TemplateValue``, in declaration order.
public struct TemplateObject: Sendable, Hashable {
  /// The fields as `(name, value)` pairs, in the order the model declares them.
  public var fields: [(name: String, value: TemplateValue)]

  /// An object with `fields` in the order given; names are not checked for duplicates.
  public init(_ fields: [(String, TemplateValue)]) {
    self.fields = fields  // the same tuples, labelled: no copy
  }

  /// The field named `name`.
  public subscript(name: String) -> TemplateValue? {
    fields.first { $0.name == name }?.value
  }

  /// Whether both objects have the same names and values in the same order.
  public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
    lhs.fields.map(\.name) == rhs.fields.map(\.name)
      && lhs.fields.map(\.value) == rhs.fields.map(\.value)
  }

  /// Hashes the names and values in order, consistent with `==`.
  public func hash(into hasher: inout Hasher) {
    for field in fields {
      hasher.combine(field.name)
      hasher.combine(field.value)
    }
  }
}

extension TemplateValue {
  /// Text, or `fallback` when `text` is nil or blank.
  static func text(_ text: String?, or fallback: String) -> TemplateValue {
    guard let text, !text.isBlank else { return .text(fallback) }
    return .text(text)
  }

  /// A list of texts.
  static func texts(_ items: [String]) -> TemplateValue { .list(items.map { .text($0) }) }

  /// The value handed to swift-mustache: strings, booleans, arrays and
  /// ``MustacheObject`` wrappers that record names they do not know.
  func mustache(recorder: UnknownNameRecorder, isRoot: Bool = false) -> Any {
    switch self {
    case .text(let text): return text
    case .flag(let flag): return flag
    case .list(let items): return items.map { $0.mustache(recorder: recorder) }
    case .object(let object):
      return MustacheObject(object: object, recorder: recorder, isRoot: isRoot)
    }
  }
}

/// Collects the names swift-mustache asked for that no object on the context
/// stack had: swift-mustache climbs the stack from the innermost object to the
/// root, so a miss at the root is a name that is unknown everywhere.
final class UnknownNameRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var names: [String] = []

  func record(_ name: String) {
    lock.lock()
    defer { lock.unlock() }
    if !names.contains(name) { names.append(name) }
  }

  var unknown: [String] {
    lock.lock()
    defer { lock.unlock() }
    return names
  }
}

/// A template object as swift-mustache sees it.
struct MustacheObject: MustacheParent {
  var object: TemplateObject
  var recorder: UnknownNameRecorder
  var isRoot: Bool

  func child(named name: String) -> Any? {
    guard let value = object[name] else {
      if isRoot { recorder.record(name) }
      return nil
    }
    return value.mustache(recorder: recorder)
  }
}

/// The shape of a ``TemplateValue`` tree: which names exist where. Built from a
/// fully populated sample so that every list has an item to take its shape from.
public indirect enum TemplateSchema: Sendable, Hashable {
  case text
  case flag
  case list(TemplateSchema)
  case object([String: TemplateSchema])
  /// A list that had no items in the sample (a sample must avoid this).
  case unknown

  /// The schema of `value`; list item shapes are merged.
  public init(of value: TemplateValue) {
    switch value {
    case .text: self = .text
    case .flag: self = .flag
    case .list(let items):
      self = .list(
        items.map(TemplateSchema.init(of:)).reduce(TemplateSchema.unknown) { $0.merged(with: $1) })
    case .object(let object):
      var fields: [String: TemplateSchema] = [:]
      for field in object.fields {
        fields[field.name] =
          fields[field.name].map { $0.merged(with: TemplateSchema(of: field.value)) }
          ?? TemplateSchema(of: field.value)
      }
      self = .object(fields)
    }
  }

  func merged(with other: TemplateSchema) -> TemplateSchema {
    switch (self, other) {
    case (.unknown, _): return other
    case (_, .unknown): return self
    case (.list(let a), .list(let b)): return .list(a.merged(with: b))
    case (.object(let a), .object(let b)):
      return .object(a.merging(b) { $0.merged(with: $1) })
    default: return self
    }
  }

  /// Paths of lists whose item shape is unknown (empty in the sample).
  public func unknownPaths(prefix: String = "") -> [String] {
    switch self {
    case .unknown: return [prefix]
    case .list(let item): return item.unknownPaths(prefix: prefix + "[]")
    case .object(let fields):
      return fields.keys.sorted().flatMap {
        fields[$0]?.unknownPaths(prefix: prefix.isEmpty ? $0 : prefix + "." + $0) ?? []
      }
    default: return []
    }
  }

  var fieldNames: [String] {
    if case .object(let fields) = self { return fields.keys.sorted() }
    return []
  }

  func field(_ name: String) -> TemplateSchema? {
    if case .object(let fields) = self { return fields[name] }
    return nil
  }
}
