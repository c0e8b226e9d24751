/// Resolves the inline HTML tags of one paragraph (or heading, cell, link text) into inlines.
///
/// cmark-gfm gives each tag of inline HTML as a node of its own, between the text and emphasis
/// nodes: `a <sub>2</sub> b` is text, tag, text, tag, text. A start tag the converter knows
/// (``HTMLConverter/Vocabulary``) is paired with the next end tag of its name among the same
/// siblings, and the inlines between take its style; `<br>`, `<img>` and a checkbox `<input>`
/// stand alone. A start tag without its end tag, an end tag without its start tag, comments and
/// other markup are left out; an unknown tag is left out and recorded in ``unknownTags``.
struct InlineHTML {
  /// An inline already converted, or one tag of inline HTML and where it is.
  enum Piece {
    case inline(Inline)
    case tag(HTMLTokenizer.Token, SourcePosition)
  }

  /// Unknown tags in order of appearance, each name once.
  private(set) var unknownTags: [(name: String, position: SourcePosition)] = []

  /// The inlines of `pieces`, tags resolved; adjacent text merged.
  mutating func resolve(_ pieces: ArraySlice<Piece>) -> [Inline] {
    var result: [Inline] = []
    func append(_ inline: Inline) {
      if case .text(let text) = inline, case .text(let previous)? = result.last {
        result[result.count - 1] = .text(previous + text)
      } else {
        result.append(inline)
      }
    }
    var index = pieces.startIndex
    while index < pieces.endIndex {
      defer { index += 1 }
      let (token, position): (HTMLTokenizer.Token, SourcePosition)
      switch pieces[index] {
      case .inline(let inline):
        append(inline)
        continue
      case .tag(let tag, let tagPosition):
        (token, position) = (tag, tagPosition)
      }
      switch token {
      case .text(let text):
        append(.text(text))
      case .startTag(let name, let attributes, let selfClosing):
        if let standalone = Self.standalone(name, attributes, position) {
          append(standalone)
          continue
        }
        if HTMLConverter.Vocabulary.hidden.contains(name) {
          // A browser shows nothing of a script or style: leave out what it encloses.
          note(name, position)
          if !selfClosing, let end = matchingEnd(of: name, in: pieces, after: index) {
            index = end
          }
          continue
        }
        guard HTMLConverter.Vocabulary.isKnown(name) else {
          note(name, position)
          continue
        }
        guard !selfClosing, !HTMLTree.voidElements.contains(name),
          let end = matchingEnd(of: name, in: pieces, after: index)
        else { continue }
        let children = resolve(pieces[(index + 1)..<end])
        index = end
        for inline in Self.apply(name, attributes, to: children) { append(inline) }
      case .endTag(let name):
        if !HTMLConverter.Vocabulary.isKnown(name) { note(name, position) }
      case .comment, .other:
        continue
      }
    }
    return result
  }

  private mutating func note(_ name: String, _ position: SourcePosition) {
    guard !unknownTags.contains(where: { $0.name == name }) else { return }
    unknownTags.append((name, position))
  }

  /// The index of the end tag that closes the start tag `name` at `start`, counting nested
  /// tags of the same name.
  private func matchingEnd(of name: String, in pieces: ArraySlice<Piece>, after start: Int)
    -> Int?
  {
    var depth = 0
    for index in (start + 1)..<pieces.endIndex {
      guard case .tag(let token, _) = pieces[index] else { continue }
      switch token {
      case .startTag(name, _, false): depth += 1
      case .endTag(name):
        if depth == 0 { return index }
        depth -= 1
      default: continue
      }
    }
    return nil
  }

  /// A tag that is an inline by itself: `<br>`, `<img>`, a checkbox.
  private static func standalone(
    _ name: String, _ attributes: [String: String], _ position: SourcePosition
  ) -> Inline? {
    switch name {
    case "br":
      return .lineBreak
    case "img":
      guard
        case .image(var image) = HTMLConverter.image(
          HTMLTree.Element(
            name: name, attributes: attributes, children: [], isClosed: true, line: 1, column: 1))
      else { return nil }
      image.position = position
      return .image(image)
    case "input" where attributes["type"]?.lowercased() == "checkbox":
      return .text(attributes["checked"] != nil ? "☒" : "☐")
    default:
      return nil
    }
  }

  /// `children` in the style of the known element `name`.
  private static func apply(
    _ name: String, _ attributes: [String: String], to children: [Inline]
  ) -> [Inline] {
    if let kind = HTMLConverter.Vocabulary.inlineStyles[name] {
      return [kind.apply(children)]
    }
    if name == "a", let href = attributes["href"] {
      return [.link(destination: href, title: attributes["title"] ?? "", children)]
    }
    return children
  }
}
