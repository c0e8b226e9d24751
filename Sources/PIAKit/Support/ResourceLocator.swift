import Foundation

/// The folders holding the shipped (or the municipality's own) questionnaires
/// and templates, and the web pages of `pia serve`.
public struct Resources: Sendable, Hashable {
  /// The folder holding `Questionnaires/` and `Templates/`.
  public var root: URL
  /// How to print `root` in messages (relative to the working folder when possible).
  public var displayRoot: String

  /// Makes resources rooted at `root` (standardized); `displayRoot` defaults to its path.
  public init(root: URL, displayRoot: String? = nil) {
    self.root = root.standardizedFileURL
    self.displayRoot = displayRoot ?? root.standardizedFileURL.path
  }

  /// `Questionnaires/`: the questionnaires, modules, law, rules, vendors and materiality rules.
  public var questionnaires: URL { root.appendingPathComponent("Questionnaires") }
  /// `Templates/`: the Mustache report templates and their manifest.
  public var templates: URL { root.appendingPathComponent("Templates") }
  /// `Web/`: the page templates (`pages/`) and styles (`static/`) of `pia serve`.
  /// Optional: only `pia serve` and `pia validate` read it.
  public var web: URL { root.appendingPathComponent("Web") }
  /// `Questionnaires/law/`: the law catalogue.
  public var law: URL { questionnaires.appendingPathComponent("law") }
  /// `Questionnaires/rules/`: the risk rule files.
  public var rules: URL { questionnaires.appendingPathComponent("rules") }
  /// `Questionnaires/vendors/`: one vendor file per AI vendor, with its plan-tier facts.
  public var vendors: URL { questionnaires.appendingPathComponent("vendors") }

  /// The printed path of a file under `root`.
  public func display(_ url: URL) -> String {
    let rootPath = root.path
    let path = url.standardizedFileURL.path
    guard path.hasPrefix(rootPath + "/") else { return path }
    let relative = String(path.dropFirst(rootPath.count + 1))
    return displayRoot == "." ? relative : displayRoot + "/" + relative
  }
}

/// Finds the resource folder, in this order:
///
/// 1. an explicit folder (`--resources DIR`);
/// 2. the `PIA_HOME` environment variable;
/// 3. `<exe dir>/../share/pia/` (the installed layout);
/// 4. the folder of the executable (a portable copy);
/// 5. the nearest ancestor of the executable's folder holding `Package.swift`
///    and both folders (`swift run` in a checkout).
///
/// A folder qualifies when it holds both `Questionnaires/` and `Templates/`.
public struct ResourceLocator: Sendable {
  /// Raised when no folder qualifies; lists every path tried.
  public struct NotFound: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every folder tried, standardized absolute paths in the order tried.
    public var tried: [String]
    /// `true` when the folder was given with `--resources` (only it is tried).
    public var explicit: Bool

    /// The paths tried, one per line, and how to point at the folder.
    public var description: String {
      let lines = tried.map { "  - \($0)" }.joined(separator: "\n")
      return
        "Cannot find the questionnaires and templates (a folder holding both "
        + "'Questionnaires' and 'Templates'). Tried:\n\(lines)\n"
        + "Pass --resources DIR or set PIA_HOME."
    }
  }

  /// The `--resources` folder, relative to `workingDirectory`; `nil` when not given.
  public var explicitRoot: String?
  /// The process environment, read for `PIA_HOME`.
  public var environment: [String: String]
  /// The running executable, for the installed, portable and checkout layouts; `nil` when
  /// unknown.
  public var executableURL: URL?
  /// The folder relative paths are resolved against.
  public var workingDirectory: URL

  /// Makes a locator; the executable passes the process's values, tests their own.
  public init(
    explicitRoot: String?, environment: [String: String], executableURL: URL?,
    workingDirectory: URL
  ) {
    self.explicitRoot = explicitRoot
    self.environment = environment
    self.executableURL = executableURL
    self.workingDirectory = workingDirectory
  }

  /// The first folder that qualifies.
  ///
  /// - Throws: ``NotFound`` listing every path tried, when none qualifies (or the
  ///   `--resources` folder does not).
  public func locate() throws(NotFound) -> Resources {
    var tried: [String] = []
    func attempt(_ url: URL) -> Resources? {
      let standardized = url.standardizedFileURL
      tried.append(standardized.path)
      guard Self.qualifies(standardized) else { return nil }
      return Resources(root: standardized, displayRoot: display(standardized))
    }
    if let explicitRoot {
      let url = URL(fileURLWithPath: explicitRoot, relativeTo: workingDirectory)
      if let found = attempt(url) { return found }
      throw NotFound(tried: tried, explicit: true)
    }
    if let home = environment["PIA_HOME"], !home.isEmpty {
      if let found = attempt(URL(fileURLWithPath: home, relativeTo: workingDirectory)) {
        return found
      }
    }
    if let executableURL {
      let folder = executableURL.deletingLastPathComponent()
      if let found = attempt(folder.appendingPathComponent("../share/pia")) { return found }
      if let found = attempt(folder) { return found }
      var candidate = folder.standardizedFileURL
      while candidate.path != "/" {
        let manifest = candidate.appendingPathComponent("Package.swift")
        if FileManager.default.fileExists(atPath: manifest.path) {
          if let found = attempt(candidate) { return found }
        }
        candidate = candidate.deletingLastPathComponent()
      }
      tried.append("(no ancestor of \(folder.standardizedFileURL.path) holding Package.swift)")
    }
    throw NotFound(tried: tried, explicit: false)
  }

  static func qualifies(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    for name in ["Questionnaires", "Templates"] {
      let path = url.appendingPathComponent(name).path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else { return false }
    }
    return true
  }

  private func display(_ url: URL) -> String {
    let base = workingDirectory.standardizedFileURL.path
    let path = url.path
    if path == base { return "." }
    if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
    return path
  }
}
