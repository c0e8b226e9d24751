/// A parsed Markdown document: the tree the DOCX writer walks.
///
/// The model is plain Swift values. It knows nothing about cmark-gfm or libxml2, so it can be
/// built by hand in tests and inspected by any renderer.
public struct Document: Sendable, Equatable {
  /// The top-level blocks, in document order.
  public var blocks: [Block]
  /// The footnotes: note `n` (as in ``Inline/footnoteReference(_:)``) is `footnotes[n - 1]`,
  /// numbered in the order they are first referenced.
  public var footnotes: [[Block]]

  /// Creates a document from its top-level blocks and its footnotes.
  public init(blocks: [Block], footnotes: [[Block]] = []) {
    self.blocks = blocks
    self.footnotes = footnotes
  }
}

/// A place in a Markdown source: a 1-based line and column (in characters).
public struct SourcePosition: Sendable, Hashable {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, counted in Unicode scalars.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// A block-level element of a ``Document``.
public indirect enum Block: Sendable, Equatable {
  /// A heading of level 1 to 6.
  case heading(level: Int, [Inline])
  /// A paragraph of inline content.
  case paragraph([Inline])
  /// A bullet or numbered list.
  case list(List)
  /// A block quote holding other blocks.
  case blockQuote([Block])
  /// A fenced or indented code block; `info` is the fence's info string (may be empty).
  case codeBlock(info: String, text: String)
  /// A thematic break (`---`).
  case thematicBreak
  /// A GitHub-flavoured table.
  case table(Table)
  /// A `pia:` directive written as an HTML comment alone on a line.
  case directive(Directive)
  /// A raw HTML block that is not a comment. The Markdown parser turns HTML into blocks and
  /// inlines of their own; a document built by hand may still hold one, and the DOCX writer
  /// then writes its text without the tags.
  case html(String)
}

/// A bullet or numbered list.
public struct List: Sendable, Equatable {
  /// What follows the number of a numbered list item: `1.` or `1)`.
  public enum Delimiter: Sendable, Equatable {
    /// `1.`
    case period
    /// `1)`
    case parenthesis
  }

  /// Whether the list is numbered.
  public var ordered: Bool
  /// The first number of a numbered list (1 for bullet lists).
  public var start: Int
  /// Whether the list is tight (no blank lines between items).
  public var tight: Bool
  /// The items; each item is a sequence of blocks.
  public var items: [[Block]]
  /// The delimiter after a numbered item's number.
  public var delimiter: Delimiter
  /// The task-list checkbox of each item (`- [x] done`, `- [ ] to do`): `true` checked, `false`
  /// unchecked, `nil` no checkbox. Empty when no item has one; otherwise one per item.
  public var checkboxes: [Bool?]

  /// Creates a list.
  public init(
    ordered: Bool, start: Int = 1, tight: Bool = true, items: [[Block]],
    delimiter: Delimiter = .period, checkboxes: [Bool?] = []
  ) {
    self.ordered = ordered
    self.start = start
    self.tight = tight
    self.items = items
    self.delimiter = delimiter
    self.checkboxes = checkboxes
  }

  /// The checkbox of item `index`: `true` checked, `false` unchecked, `nil` none.
  public func checkbox(ofItem index: Int) -> Bool? {
    index < checkboxes.count ? checkboxes[index] : nil
  }
}

/// A GitHub-flavoured Markdown table.
public struct Table: Sendable, Equatable {
  /// One alignment per column.
  public var alignments: [Alignment]
  /// The header row: one inline sequence per column. Empty for a table without a header row
  /// (an HTML table whose first row has no `<th>`).
  public var header: [[Inline]]
  /// The data rows: one inline sequence per cell.
  public var rows: [[[Inline]]]

  /// Creates a table.
  public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }

  /// The number of columns (the widest of the header, the alignments and the rows).
  public var columnCount: Int {
    rows.reduce(max(header.count, alignments.count)) { max($0, $1.count) }
  }
}

/// The alignment of a table column.
public enum Alignment: Sendable, Equatable {
  /// Not given: the reader's default (left in left-to-right text).
  case none
  /// `:---`
  case left
  /// `:---:`
  case center
  /// `---:`
  case right
}

/// Inline content of a paragraph, heading or table cell.
public indirect enum Inline: Sendable, Equatable {
  /// Literal text.
  case text(String)
  /// Emphasis (italic).
  case emphasis([Inline])
  /// Strong emphasis (bold).
  case strong([Inline])
  /// Strikethrough (`~~text~~`).
  case strikethrough([Inline])
  /// A code span.
  case code(String)
  /// A hyperlink with its destination, title and link text. A destination that starts with
  /// `#` points at a heading of the same document (GitHub's heading anchors).
  case link(destination: String, title: String, [Inline])
  /// An image: its source (a path or URL as written), title and alternative text.
  case image(Image)
  /// A reference to footnote `n` of ``Document/footnotes`` (1-based).
  case footnoteReference(Int)
  /// Text in a style Markdown has no syntax for (written as inline HTML: `<sub>`, `<kbd>`, …).
  case styled(InlineStyle, [Inline])
  /// A soft line break (rendered as a space).
  case softBreak
  /// A hard line break.
  case lineBreak
  /// Raw inline HTML. The Markdown parser turns HTML tags into inlines of their own; a document
  /// built by hand may still hold one, and the DOCX writer then writes its text without tags.
  case html(String)
}

/// An image in the text.
public struct Image: Sendable, Equatable {
  /// The source as written: a path relative to the Markdown file, or a URL.
  public var source: String
  /// The title (`![alt](src "title")`), or empty.
  public var title: String
  /// The alternative text: what a reader who cannot see the image reads instead.
  public var alt: [Inline]
  /// Where the image is written in the Markdown source, when known (for warnings).
  public var position: SourcePosition?

  /// Creates an image.
  public init(source: String, title: String = "", alt: [Inline], position: SourcePosition? = nil) {
    self.source = source
    self.title = title
    self.alt = alt
    self.position = position
  }
}

/// Character styles that Markdown writes as inline HTML.
public enum InlineStyle: String, Sendable, Equatable, CaseIterable {
  /// `<u>`, `<ins>`: underlined.
  case underline
  /// `<sup>`: raised and smaller.
  case superscript
  /// `<sub>`: lowered and smaller.
  case `subscript`
  /// `<kbd>`: a key to press, in a monospaced font on a light background.
  case keyboard
  /// `<mark>`: highlighted.
  case highlight
}

/// A `pia:` directive: an instruction to the DOCX writer written as an HTML comment.
///
/// In Markdown each is an HTML comment alone on its line, for example `<!-- pia:toc -->`.
/// ``signatureBlock`` and ``heatMap`` apply to the table that immediately follows.
public enum Directive: String, Sendable, Equatable, CaseIterable {
  /// `<!-- pia:page-break -->`: start a new page.
  case pageBreak = "page-break"
  /// `<!-- pia:toc -->`: a table of contents of headings 1–3.
  case tableOfContents = "toc"
  /// `<!-- pia:signature -->`: render the next table (Role|Name|Title|Date|Decision) as sign-off blocks.
  case signatureBlock = "signature"
  /// `<!-- pia:heat-map -->`: render the next table with cells shaded by risk level.
  case heatMap = "heat-map"

  /// The directive's name as written after `pia:`.
  public var name: String { rawValue }

  /// Whether the directive applies to the table that immediately follows it.
  public var appliesToNextTable: Bool {
    self == .signatureBlock || self == .heatMap
  }
}
