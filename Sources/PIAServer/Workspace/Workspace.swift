import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder `pia serve --workspace DIR` serves: every `NAME.pia.yaml`
/// directly in it is one assessment, addressed as `/a/NAME/`.
///
/// The server reads and writes no other file: a name outside `[a-z0-9-]`, a
/// symbolic link, a sub-folder or anything not ending in `.pia.yaml` is
/// never opened, so no address reaches a file outside the workspace.
public struct Workspace: Sendable {
  /// The workspace folder (absolute, standardized).
  public var folder: URL

  /// The suffix of an answers file.
  public static let fileSuffix = ".pia.yaml"
  /// The longest name accepted for a new assessment.
  public static let maximumNameLength = 64

  /// A workspace over `folder`.
  public init(folder: URL) {
    self.folder = folder.standardizedFileURL
  }

  /// One answers file in the workspace.
  public struct File: Sendable, Hashable {
    /// The file name without `.pia.yaml` (the `{name}` of the routes).
    public var name: String
    /// The file's location.
    public var url: URL
    /// When the file last changed (its modification time).
    public var modified: Date
    /// Whether `name` fits `[a-z0-9-]+`, so the routes can address it.
    public var addressable: Bool
    /// The file's device, inode, size and modification time in nanoseconds:
    /// equal fingerprints mean the same bytes (a save replaces the file, so
    /// its inode changes; an edit in place changes its time).
    public var fingerprint: [Int64] = []
  }

  /// Whether `name` may appear in a route: one or more of `a–z`, `0–9`, `-`.
  public static func isValidName(_ name: some StringProtocol) -> Bool {
    !name.isEmpty && name.utf8.count <= 255
      && name.utf8.allSatisfy { byte in
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
      }
  }

  /// Every regular `*.pia.yaml` file directly in the folder, sorted by name.
  /// Symbolic links and folders are left out.
  public func files() throws -> [File] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    var files: [File] = []
    for fileName in names where fileName.hasSuffix(Self.fileSuffix) && !fileName.hasPrefix(".") {
      let name = String(fileName.dropLast(Self.fileSuffix.count))
      let url = folder.appendingPathComponent(fileName)
      guard let info = Self.regularFileInfo(url.path) else { continue }
      files.append(
        File(
          name: name, url: url, modified: Self.modificationDate(info),
          addressable: Self.isValidName(name), fingerprint: Self.fingerprint(info)))
    }
    return files.sorted { $0.name < $1.name }
  }

  /// The file a route's `{name}` stands for, or `nil` (the route answers 404)
  /// when the name is not `[a-z0-9-]+` or no regular file has it.
  public func file(named name: some StringProtocol) -> File? {
    guard Self.isValidName(name) else { return nil }
    let url = folder.appendingPathComponent(name + Self.fileSuffix)
    guard let info = Self.regularFileInfo(url.path) else { return nil }
    return File(
      name: String(name), url: url, modified: Self.modificationDate(info), addressable: true,
      fingerprint: Self.fingerprint(info))
  }

  /// Why a new file was not created.
  public enum CreateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file (or anything else) already has the name.
    case exists(String)
    /// The disk refused (no space, no permission); the message says which.
    case failed(String)

    /// A sentence for the page.
    public var description: String {
      switch self {
      case .exists(let name):
        return "An assessment named '\(name)' already exists. Choose another name."
      case .failed(let reason): return reason
      }
    }
  }

  /// Creates `NAME.pia.yaml` with `contents`, never replacing anything: the
  /// bytes go to a temporary file (mode 0600, flushed to disk) that is then
  /// hard-linked to the final name, which fails if the name is taken.
  public func create(name: String, contents: Data) throws(CreateError) {
    let target = folder.appendingPathComponent(name + Self.fileSuffix).path
    var template = Array("\(folder.path)/.\(name)\(Self.fileSuffix).tmp-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else { throw .failed(Self.reason(errno, doing: "create a file")) }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(temporary) }
    let written = contents.withUnsafeBytes { buffer -> Int32 in
      var offset = 0
      while offset < buffer.count {
        guard let base = buffer.baseAddress else { break }
        let count = systemWrite(descriptor, base + offset, buffer.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += count
      }
      return fsync(descriptor) == 0 ? 0 : errno
    }
    close(descriptor)
    if written != 0 { throw .failed(Self.reason(written, doing: "write the file")) }
    guard link(temporary, target) == 0 else {
      if errno == EEXIST { throw .exists(name) }
      throw .failed(Self.reason(errno, doing: "name the file"))
    }
    let folderDescriptor = open(folder.path, O_RDONLY)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Removes the temporary files a save killed between writing and renaming
  /// left behind (`.NAME.pia.yaml.tmp-XXXXXX`, as `AnswersStore` names them)
  /// and returns their names. Run when the server starts.
  public func removeStaleTemporaryFiles() -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return []
    }
    var removed: [String] = []
    for name in names.sorted() where Self.isTemporaryName(name) {
      let path = folder.appendingPathComponent(name).path
      guard Self.regularFileInfo(path) != nil, unlink(path) == 0 else { continue }
      removed.append(name)
    }
    return removed
  }

  /// Whether `name` is a save's temporary file: `.` + `*.pia.yaml` +
  /// `.tmp-` + six characters.
  static func isTemporaryName(_ name: String) -> Bool {
    let marker = Self.fileSuffix + ".tmp-"
    guard name.hasPrefix("."), let range = name.range(of: marker, options: .backwards) else {
      return false
    }
    return name.distance(from: range.upperBound, to: name.endIndex) == 6
      && name.distance(from: name.index(after: name.startIndex), to: range.lowerBound) > 0
  }

  private static func regularFileInfo(_ path: String) -> stat? {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return info
  }

  private static func fingerprint(_ info: stat) -> [Int64] {
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    return [
      Int64(info.st_dev), Int64(info.st_ino), Int64(info.st_size), Int64(time.tv_sec),
      Int64(time.tv_nsec),
    ]
  }

  private static func modificationDate(_ info: stat) -> Date {
    #if canImport(Darwin)
      let seconds = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
    #else
      let seconds = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    #endif
    return Date(timeIntervalSince1970: seconds)
  }

  private static func reason(_ code: Int32, doing action: String) -> String {
    let why: String
    switch code {
    case EACCES, EPERM: why = "no permission to write in the workspace folder"
    case EROFS: why = "the workspace folder is on a read-only volume"
    case ENOSPC: why = "no space left on the disk"
    case EDQUOT: why = "the disk quota is exceeded"
    default: why = String(cString: strerror(code))
    }
    return "The assessment was not created: \(why) (could not \(action))."
  }
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
  #else
    return Darwin.write(descriptor, buffer, count)
  #endif
}
