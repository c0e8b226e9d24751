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
    /// `.section`, `.inverted`, or (in pages, never in a report template that loads) `.parent`
    /// or `.block`.
    var kind: MustacheTag.Kind
    /// 0-based indices of the lines holding the opening and the closing tag.
    var openLine: Int
    var closeLine: Int
    var children: [FlagSection]
  }

  /// The template's lines, each with its line break.
  let lines: [Substring]
  /// The tags that start on each line, in order.
  let tagsByLine: [[MustacheTag]]
  /// Whether a line is inside a tag that began on an earlier line (a long comment).
  let continuesTag: [Bool]
  let sections: [FlagSection]

  init(source: String, tags: [MustacheTag]) {
    // Lines as TagScanner counts them, each ending after its LF byte (a CRLF break, one
    // Character, ends there too; no other character holds an LF).
    var lines: [Substring] = []
    let utf8 = source.utf8
    var start = utf8.startIndex
    while start < utf8.endIndex {
      let end =
        utf8[start...].firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) }
        ?? utf8.endIndex
      lines.append(source[start..<end])
      start = end
    }
    self.lines = lines
    var tagsByLine = [[MustacheTag]](repeating: [], count: lines.count)
    var continuesTag = [Bool](repeating: false, count: lines.count)
    for tag in tags where tag.line >= 1 && tag.line <= lines.count {
      tagsByLine[tag.line - 1].append(tag)
      for line in tag.line..<min(tag.endLine, lines.count) { continuesTag[line] = true }
    }
    self.tagsByLine = tagsByLine
    self.continuesTag = continuesTag
    sections = Self.flagSections(tags: tags, lines: lines)
  }

  /// Sections whose tags stand alone on their lines, nested only in other such sections.
  private static func flagSections(tags: [MustacheTag], lines: [Substring]) -> [FlagSection] {
    func standsAlone(_ tag: MustacheTag) -> Bool {
      guard tag.line >= 1, tag.line <= lines.count, tag.endLine == tag.line else { return false }
      let text = lines[tag.line - 1].trimmingWhiteSpace
      guard text.hasPrefix("{{"), text.hasSuffix("}}") else { return false }
      // No second tag on the line, and no carriage return left inside it.
      var previous: UInt8 = 0
      for byte in text.utf8.dropFirst(2) {
        if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "{") && previous == byte) {
          return false
        }
        previous = byte
      }
      return true
    }
    // Open sections, innermost last; nil for a section that cannot be opened (its children
    // cannot either).
    var stack: [(tag: MustacheTag, children: [FlagSection])?] = []
    var topLevel: [FlagSection] = []
    for tag in tags {
      switch tag.kind {
      case .section, .inverted, .parent, .block:
        let parentOpenable = stack.last.map { $0 != nil } ?? true
        stack.append(parentOpenable && standsAlone(tag) ? (tag, []) : nil)
      case .close:
        guard let open = stack.popLast() else { return [] }
        guard let open, standsAlone(tag), open.tag.name == tag.name else { continue }
        let section = FlagSection(
          name: open.tag.name, kind: open.tag.kind, openLine: open.tag.line - 1,
          closeLine: tag.line - 1, children: open.children)
        if stack.isEmpty {
          topLevel.append(section)
        } else if stack[stack.count - 1] != nil {
          stack[stack.count - 1]?.children.append(section)
        }
      case .variable, .comment, .partial, .setDelimiter:
        break
      }
    }
    return stack.isEmpty ? topLevel : []
  }

  /// The template for `root` in pieces that render independently: flag sections opened or
  /// dropped, the rest cut just before each line that opens a section outside every other
  /// section and just after the line that closes it, never inside a tag.
  func pieces(for root: TemplateValue) -> [String] {
    var keep = [Bool](repeating: true, count: lines.count)
    func open(_ sections: [FlagSection]) {
      for section in sections where section.kind == .section || section.kind == .inverted {
        guard case .flag(let flag)? = root.value(at: section.name) else { continue }
        if flag != (section.kind == .inverted) {
          keep[section.openLine] = false
          keep[section.closeLine] = false
          open(section.children)
        } else {
          for line in section.openLine...section.closeLine { keep[line] = false }
        }
      }
    }
    open(sections)
    return pieces(keeping: keep)
  }

  /// The kept lines, cut where a top-level section begins or ends (see ``pieces(for:)``).
  func pieces(keeping keep: [Bool]) -> [String] {
    var pieces: [String] = []
    var current = ""
    var depth = 0
    func cut() {
      if !current.isEmpty { pieces.append(current) }
      current = ""
    }
    for line in lines.indices where keep[line] {
      let depthAtStart = depth
      var touchesTopLevel = false
      for tag in tagsByLine[line] {
        switch tag.kind {
        case .section, .inverted, .parent, .block:
          if depth == 0 {
            touchesTopLevel = true
            if depthAtStart == 0 && !continuesTag[line] { cut() }
          }
          depth += 1
        case .close:
          depth -= 1
          if depth == 0 { touchesTopLevel = true }
        case .variable, .comment, .partial, .setDelimiter:
          break
        }
      }
      current += lines[line]
      let next = line + 1
      if depth == 0 && touchesTopLevel && (next == lines.count || !continuesTag[next]) { cut() }
    }
    cut()
    return depth == 0 ? pieces : [lines.indices.filter { keep[$0] }.map { lines[$0] }.joined()]
  }

  /// The template in short runs of lines that each parse on their own, for checking its syntax
  /// without parsing it whole: swift-mustache 2.1's parser measures the text left after every
  /// tag it reads, so one parse costs the number of tags times the length, and a 9 kB template
  /// cost more than all the questionnaires. The lines of sections whose tags stand alone are
  /// left out (``flagSections(tags:lines:)`` found those tags paired, by name); the rest is cut
  /// between lines outside every other section and every tag, once a run is `length` UTF-8
  /// bytes long.
  ///
  /// A parent (`{{<layout}}`) is left out only when nothing but standalone blocks
  /// (`{{$main}}`) fill it, since a tag directly inside a parent is an error a run could not
  /// see; a block's content parses as any other text.
  ///
  /// If the whole template does not parse, at least one run does not: the left-out tags are
  /// paired and parsed pair by pair, and every other tag is in a run with its partner. `nil` when the tags do not
  /// balance or the delimiters change; then only the whole template can say what is wrong.
  func syntaxRuns(length: Int = 1024) -> [String]? {
    var keep = [Bool](repeating: true, count: lines.count)
    func onlyBlocksFill(_ parent: FlagSection) -> Bool {
      var line = parent.openLine + 1
      for child in parent.children {
        guard child.kind == .block, child.openLine == line else { return false }
        line = child.closeLine + 1
      }
      return line == parent.closeLine
    }
    // The tags left out are still parsed, each pair on its own (a pair always balances): the
    // scanner pairs `{{ #a }}` with `{{ /a }}` by name, but swift-mustache refuses both.
    var pairs: [String] = []
    func leaveOut(_ sections: [FlagSection]) {
      for section in sections where section.kind != .parent || onlyBlocksFill(section) {
        keep[section.openLine] = false
        keep[section.closeLine] = false
        var pair = String(lines[section.openLine])
        if !pair.hasSuffix("\n") { pair += "\n" }
        pairs.append(pair + lines[section.closeLine])
        leaveOut(section.children)
      }
    }
    leaveOut(sections)
    var runs: [String] = []
    var tagRun = ""
    for pair in pairs {
      tagRun += pair.hasSuffix("\n") ? pair : pair + "\n"
      if tagRun.utf8.count >= length {
        runs.append(tagRun)
        tagRun = ""
      }
    }
    if !tagRun.isEmpty { runs.append(tagRun) }
    var current = ""
    var depth = 0
    for line in lines.indices where keep[line] {
      for tag in tagsByLine[line] {
        switch tag.kind {
        case .section, .inverted, .parent, .block: depth += 1
        case .close: depth -= 1
        case .variable, .comment, .partial: break
        case .setDelimiter: return nil
        }
        if depth < 0 { return nil }
      }
      current += lines[line]
      let next = line + 1
      if depth == 0 && current.utf8.count >= length && (next == lines.count || !continuesTag[next])
      {
        runs.append(current)
        current = ""
      }
    }
    guard depth == 0 else { return nil }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// `source` cut as ``pieces(keeping:)`` cuts it, with no section opened.
  static func pieces(of source: String) -> [String] {
    var ignored: [Diagnostic] = []
    let layout = ParallelLayout(
      source: source, tags: TagScanner.scan(source, path: "", diagnostics: &ignored))
    return layout.pieces(keeping: [Bool](repeating: true, count: layout.lines.count))
  }

  /// Renders `pieces` (each parsed with `pragma` in front) on all cores and joins the output in
  /// order; nil if a piece does not parse on its own.
  static func render(_ pieces: [String], pragma: String, context: Any) -> String? {
    var templates: [MustacheTemplate] = []
    for piece in pieces {
      guard let template = try? MustacheTemplate(string: pragma + piece) else { return nil }
      templates.append(template)
    }
    // The context is only read while rendering.
    nonisolated(unsafe) let context = context
    let outputs = templates.concurrentMap { $0.render(context) }
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
