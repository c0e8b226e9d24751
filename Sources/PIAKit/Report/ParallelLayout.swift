import Dispatch
import Mustache

/// Renders a report template on all cores.
///
/// A template's top-level sections (data flows, analysis, register, appendix) render
/// independently of each other, so the template is cut at lines outside every section and the
/// pieces are rendered at the same time, then joined in order. Report templates tend to wrap
/// nearly everything in a flag (`{{#screening.handles_pi}}`), so a top-level section on a flag
/// whose tags stand alone on their lines is opened first: with the flag's value read from the
/// model, the section is either dropped or replaced by its content, which is what Mustache
/// renders for it (a flag pushes no context). Cutting only between lines, outside every section
/// and tag, keeps Mustache's standalone-line rules intact, so the output is the same as one
/// render of the whole template (tested on every shipped template and example).
struct ParallelLayout: Sendable {
  /// A section on a name that may be a flag, with its tags alone on their lines.
  struct FlagSection: Sendable {
    var name: String
    var inverted: Bool
    /// 0-based indices of the lines holding the opening and the closing tag.
    var openLine: Int
    var closeLine: Int
    var children: [FlagSection]
  }

  /// The template's lines, each with its line break.
  let lines: [Substring]
  let sections: [FlagSection]

  init(source: String, tags: [MustacheTag]) {
    var lines: [Substring] = []
    var start = source.startIndex
    while start < source.endIndex {
      let end =
        source[start...].firstIndex(of: "\n").map { source.index(after: $0) } ?? source.endIndex
      lines.append(source[start..<end])
      start = end
    }
    self.lines = lines
    sections = Self.flagSections(tags: tags, lines: lines)
  }

  /// Sections whose tags stand alone on their lines, nested only in other such sections.
  private static func flagSections(tags: [MustacheTag], lines: [Substring]) -> [FlagSection] {
    func standsAlone(_ tag: MustacheTag) -> Bool {
      guard tag.line >= 1, tag.line <= lines.count else { return false }
      let text = lines[tag.line - 1].trimmingWhiteSpace
      return text.hasPrefix("{{") && text.hasSuffix("}}")
        && text.dropFirst(2).range(of: "{{") == nil && !text.contains("\r")
    }
    // Open sections, innermost last; nil for a section that cannot be opened (its children
    // cannot either).
    var stack: [(tag: MustacheTag, children: [FlagSection])?] = []
    var topLevel: [FlagSection] = []
    for tag in tags {
      switch tag.kind {
      case .section, .inverted:
        let parentOpenable = stack.last.map { $0 != nil } ?? true
        stack.append(parentOpenable && standsAlone(tag) ? (tag, []) : nil)
      case .close:
        guard let open = stack.popLast() else { return [] }
        guard let open, standsAlone(tag), open.tag.name == tag.name else { continue }
        let section = FlagSection(
          name: open.tag.name, inverted: open.tag.kind == .inverted, openLine: open.tag.line - 1,
          closeLine: tag.line - 1, children: open.children)
        if stack.isEmpty {
          topLevel.append(section)
        } else if stack[stack.count - 1] != nil {
          stack[stack.count - 1]?.children.append(section)
        }
      case .variable:
        break
      }
    }
    return stack.isEmpty ? topLevel : []
  }

  /// The template text for `root`: flag sections opened or dropped, the rest as written.
  func openedSource(for root: TemplateValue) -> String {
    var keep = [Bool](repeating: true, count: lines.count)
    func open(_ sections: [FlagSection]) {
      for section in sections {
        guard case .flag(let flag)? = root.value(at: section.name) else { continue }
        if flag != section.inverted {
          keep[section.openLine] = false
          keep[section.closeLine] = false
          open(section.children)
        } else {
          for line in section.openLine...section.closeLine { keep[line] = false }
        }
      }
    }
    open(sections)
    return lines.indices.filter { keep[$0] }.map { String(lines[$0]) }.joined()
  }

  /// `source` cut just before each line that opens a section outside every other section, and
  /// just after the line that closes it; never inside a tag.
  static func pieces(of source: String) -> [String] {
    let bytes = Array(source.utf8)
    var cuts: [Int] = [0]
    var depth = 0
    var lineStart = 0
    var depthAtLineStart = 0
    var lineTouchesTopLevel = false
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count,
        bytes[index + 1] == UInt8(ascii: "{")
      {
        var end = index + 2
        while end + 1 < bytes.count
          && !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}"))
        {
          end += 1
        }
        let sigil = bytes[(index + 2)..<end].first { $0 != UInt8(ascii: " ") }
        if sigil == UInt8(ascii: "#") || sigil == UInt8(ascii: "^") {
          if depth == 0 {
            lineTouchesTopLevel = true
            if depthAtLineStart == 0 && cuts.last != lineStart { cuts.append(lineStart) }
          }
          depth += 1
        } else if sigil == UInt8(ascii: "/") {
          depth -= 1
          if depth == 0 { lineTouchesTopLevel = true }
        }
        index = end + 2
        continue
      }
      index += 1
      if bytes[index - 1] == UInt8(ascii: "\n") {
        if depth == 0 && lineTouchesTopLevel && cuts.last != index { cuts.append(index) }
        lineStart = index
        depthAtLineStart = depth
        lineTouchesTopLevel = false
      }
    }
    guard depth == 0 else { return [source] }
    cuts.append(bytes.count)
    var pieces: [String] = []
    for (start, end) in zip(cuts, cuts.dropFirst()) where start < end {
      pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
    }
    return pieces
  }

  /// Renders `pieces` (each parsed with `pragma` in front) on all cores and joins the output in
  /// order; nil if a piece does not parse on its own.
  static func render(_ pieces: [String], pragma: String, context: Any) -> String? {
    var templates: [MustacheTemplate] = []
    for piece in pieces {
      guard let template = try? MustacheTemplate(string: pragma + piece) else { return nil }
      templates.append(template)
    }
    // The context is only read while rendering, and each piece writes only its own slot.
    nonisolated(unsafe) let context = context
    nonisolated(unsafe) var outputs = [String](repeating: "", count: templates.count)
    let parsed = templates
    outputs.withUnsafeMutableBufferPointer { slots in
      nonisolated(unsafe) let slots = slots
      DispatchQueue.concurrentPerform(iterations: parsed.count) { index in
        slots[index] = parsed[index].render(context)
      }
    }
    return outputs.joined()
  }
}

extension TemplateValue {
  /// The value at a dotted path from this object (`screening.handles_pi`), as Mustache finds it
  /// from the root of the context.
  func value(at path: String) -> TemplateValue? {
    var current: TemplateValue? = self
    for name in path.split(separator: ".", omittingEmptySubsequences: false) {
      guard case .object(let object)? = current, let next = object[String(name)] else {
        return nil
      }
      current = next
    }
    return current
  }
}
