import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads and writes one answers file on disk.
///
/// Every save is atomic: the new text goes to a temporary file in the same
/// folder (mode 0600), is flushed to the disk, and is renamed over the old
/// file, so a crash at any moment leaves either the old or the new file.
public struct AnswersStore: Sendable {
  /// The answers file.
  public var url: URL
  /// The path printed in messages (as the user typed it).
  public var displayPath: String
  /// Whether to write through a symbolic link (replacing the file it points to).
  public var followsSymlinks: Bool

  public init(url: URL, displayPath: String? = nil, followsSymlinks: Bool = false) {
    self.url = url
    self.displayPath = displayPath ?? url.path
    self.followsSymlinks = followsSymlinks
  }

  /// A save that did not happen; the previous file is untouched.
  public struct SaveError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
      self.description = description
    }
  }

  /// Whether the file exists (a dangling symlink counts as existing).
  public var exists: Bool {
    var info = stat()
    return lstat(url.path, &info) == 0
  }

  /// Loads the file and checks it against `questionnaire`.
  public func load(questionnaire: Questionnaire, options: AssessmentFile.LoadOptions = .init())
    -> (AssessmentFile?, [Diagnostic])
  {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return (nil, [.error(FileErrors.describe(error, path: displayPath), at: nil)])
    }
    return AssessmentFile.load(
      data: data, path: displayPath, questionnaire: questionnaire, options: options)
  }

  /// Writes `file` atomically.
  ///
  /// - Throws: `SaveError` with a readable reason (no permission, read-only
  ///   folder, disk full, a symbolic link); the previous file is then untouched.
  public func save(_ file: AssessmentFile, questionnaire: Questionnaire) throws(SaveError) {
    try write(Data(file.yamlText(questionnaire: questionnaire).utf8))
  }

  /// Writes bytes atomically to the store's file.
  public func write(_ data: Data) throws(SaveError) {
    var target = url.path
    var info = stat()
    var mode: mode_t = 0o600
    if lstat(target, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFLNK {
        guard followsSymlinks else {
          throw SaveError(
            "'\(displayPath)' is a symbolic link; pia does not write through links (pass "
              + "--force to replace the file it points to, or give the real path)")
        }
        target = url.resolvingSymlinksInPath().path
        if stat(target, &info) == 0 { mode = info.st_mode & 0o777 }
      } else if (info.st_mode & S_IFMT) == S_IFDIR {
        throw SaveError("'\(displayPath)' is a folder, not an answers file")
      } else {
        mode = info.st_mode & 0o777
      }
    }
    let folder = (target as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    let name = (target as NSString).lastPathComponent
    var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else {
      throw failure(errno, doing: "create a temporary file in the folder")
    }
    let temporary = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var closed = false
    defer {
      if !closed { close(descriptor) }
    }
    do throws(SaveError) {
      guard fchmod(descriptor, mode) == 0 else {
        throw failure(errno, doing: "set the mode of the temporary file")
      }
      let writeError = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32 in
        var offset = 0
        while offset < buffer.count {
          guard let base = buffer.baseAddress else { break }
          let written = systemWrite(descriptor, base + offset, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            return errno
          }
          offset += written
        }
        return 0
      }
      if writeError != 0 { throw failure(writeError, doing: "write the temporary file") }
      guard fsync(descriptor) == 0 else {
        throw failure(errno, doing: "flush the temporary file to the disk")
      }
      closed = true
      guard close(descriptor) == 0 else { throw failure(errno, doing: "close the temporary file") }
      guard rename(temporary, target) == 0 else {
        throw failure(errno, doing: "replace the file with the temporary file")
      }
    } catch {
      unlink(temporary)
      throw error
    }
    removeStaleTemporaryFiles(in: directory, name: name)
    let folderDescriptor = open(directory, O_RDONLY)
    if folderDescriptor >= 0 {
      _ = fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Removes temporary files an earlier save left when the process was killed
  /// between creating and renaming them (older than a minute, so a save in
  /// progress elsewhere is never touched).
  private func removeStaleTemporaryFiles(in directory: String, name: String) {
    let prefix = ".\(name).tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    let now = Date()
    for candidate in names where candidate.hasPrefix(prefix) && candidate.count == prefix.count + 6
    {
      let path = directory + "/" + candidate
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        let modified = attributes[.modificationDate] as? Date,
        now.timeIntervalSince(modified) > 60
      else { continue }
      unlink(path)
    }
  }

  private func failure(_ code: Int32, doing action: String) -> SaveError {
    let reason: String
    switch code {
    case EACCES, EPERM: reason = "no permission to write in the folder"
    case EROFS: reason = "the folder is on a read-only volume"
    case ENOSPC: reason = "no space left on the device"
    case EDQUOT: reason = "the disk quota is exceeded"
    case ENOENT: reason = "the folder does not exist"
    default: reason = String(cString: strerror(code))
    }
    return SaveError(
      "cannot save '\(displayPath)': \(reason) (could not \(action)); "
        + "the previous version of the file is untouched")
  }
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
  #else
    return Darwin.write(descriptor, buffer, count)
  #endif
}
