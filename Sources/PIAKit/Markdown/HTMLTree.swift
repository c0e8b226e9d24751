/// A fragment of HTML as a tree of elements and text, built leniently from
/// ``HTMLTokenizer`` tokens.
///
/// Void elements (`br`, `img`, …) have no children; an end tag closes the nearest open element
/// of its name and every element opened inside it; an end tag with nothing to close is
/// dropped; a new `li`, `tr`, `td`, `th`, `dt`, `dd` or `p` closes the one before it, as HTML's
/// own rules do. Elements still open at the end of the fragment are closed there, and marked
/// as never closed (``Element/isClosed``), so a table cut off by a blank line can be told from
/// a whole one.
struct HTMLTree {
  /// A node: an element or text.
  enum Node: Equatable {
    case element(Element)
    case text(String)
  }

  /// An element with its children.
  struct Element: Equatable {
    /// The lower-cased tag name.
    var name: String
    /// The attributes by lower-cased name.
    var attributes: [String: String]
    /// The children in order.
    var children: [Node]
    /// Whether its end tag was seen (void elements count as closed).
    var isClosed: Bool
    /// Where its start tag is in the fragment: 1-based line and byte column.
    var line: Int
    var column: Int
  }

  /// The top-level nodes.
  var nodes: [Node]
  /// End tags that closed nothing, with their positions (for warnings about unknown tags).
  var strayEndTags: [(name: String, line: Int, column: Int)]

  static let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "param",
  ]

  /// Elements a new one of the key's names closes, when one is open in the same parent
  /// (stopping at the values' containers).
  private static let implicitlyClosed: [String: (closes: Set<String>, stopsAt: Set<String>)] = [
    "li": (["li"], ["ul", "ol", "menu"]),
    "dt": (["dt", "dd"], ["dl"]),
    "dd": (["dt", "dd"], ["dl"]),
    "tr": (["tr", "td", "th"], ["table", "thead", "tbody", "tfoot"]),
    "td": (["td", "th"], ["tr", "table"]),
    "th": (["td", "th"], ["tr", "table"]),
    "thead": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
    "tbody": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
    "tfoot": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table"]),
    "p": (["p"], ["div", "td", "th", "li", "blockquote", "section", "article", "details"]),
  ]

  /// Builds the tree of `tokens`; comments and other markup are left out.
  init(_ tokens: [HTMLTokenizer.Located]) {
    var stack: [Element] = []
    var top: [Node] = []
    var stray: [(String, Int, Int)] = []

    func append(_ node: Node) {
      if stack.isEmpty {
        top.append(node)
      } else {
        stack[stack.count - 1].children.append(node)
      }
    }
    func pop(closed: Bool) {
      var element = stack.removeLast()
      element.isClosed = closed
      append(.element(element))
    }

    for located in tokens {
      switch located.token {
      case .text(let text):
        append(.text(text))
      case .startTag(let name, let attributes, let selfClosing):
        if let rule = Self.implicitlyClosed[name],
          let open = stack.lastIndex(where: { rule.closes.contains($0.name) }),
          !stack[open...].contains(where: { rule.stopsAt.contains($0.name) })
        {
          while stack.count > open { pop(closed: stack.count - 1 == open) }
        }
        let element = Element(
          name: name, attributes: attributes, children: [], isClosed: false,
          line: located.line, column: located.column)
        if selfClosing || Self.voidElements.contains(name) {
          var closed = element
          closed.isClosed = true
          append(.element(closed))
        } else {
          stack.append(element)
        }
      case .endTag(let name):
        guard let open = stack.lastIndex(where: { $0.name == name }) else {
          if !Self.voidElements.contains(name) {
            stray.append((name, located.line, located.column))
          }
          continue
        }
        while stack.count > open + 1 { pop(closed: false) }
        pop(closed: true)
      case .comment, .other:
        continue
      }
    }
    while !stack.isEmpty { pop(closed: false) }
    nodes = top
    strayEndTags = stray
  }
}

extension HTMLTree.Node {
  /// The text of the node and everything in it, as written (no white space collapsed).
  var textContent: String {
    switch self {
    case .text(let text): return text
    case .element(let element): return element.children.map(\.textContent).joined()
    }
  }
}
