extension Document {
  /// Whether a `pia:toc` directive appears anywhere in the document.
  var containsTableOfContents: Bool {
    var finder = DirectiveFinder(target: .tableOfContents)
    try? accept(&finder)
    return finder.found
  }
}

private struct DirectiveFinder: DocumentVisitor {
  let target: Directive
  var found = false

  mutating func visitDirective(_ directive: Directive) {
    if directive == target { found = true }
  }
}
