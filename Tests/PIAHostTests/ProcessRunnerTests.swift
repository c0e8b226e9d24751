import Foundation
import PIAHost
import Testing

@Suite struct ProcessRunnerTests {
  static let shell = URL(fileURLWithPath: "/bin/sh")

  @Test func capturesOutputAndStatus() throws {
    let output = try ProcessRunner.run(
      Self.shell, arguments: ["-c", "printf out; printf err >&2; exit 3"], timeLimit: 30)
    #expect(output.status == 3)
    #expect(output.standardOutput == Data("out".utf8))
    #expect(output.errorText == "err")
  }

  @Test func passesArgumentsAsIsAndTheEnvironmentGiven() throws {
    let output = try ProcessRunner.run(
      Self.shell, arguments: ["-c", "printf '%s|%s' \"$1\" \"$PIA_TEST\"", "sh", "a b; $(x)"],
      environment: ["PIA_TEST": "set"], timeLimit: 30)
    #expect(String(decoding: output.standardOutput, as: UTF8.self) == "a b; $(x)|set")
  }

  @Test func readsLargeOutputWithoutDeadlock() throws {
    let output = try ProcessRunner.run(
      Self.shell, arguments: ["-c", "head -c 3000000 /dev/zero; head -c 200000 /dev/zero >&2"],
      timeLimit: 60)
    #expect(output.standardOutput.count == 3_000_000)
    #expect(output.standardError.count == 200_000)
  }

  @Test func aProgramPastItsTimeLimitIsStoppedWithItsChildren() throws {
    let marker = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pia-runner-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: marker) }
    #expect {
      _ = try ProcessRunner.run(
        Self.shell, arguments: ["-c", "sleep 60 & echo $! > '\(marker.path)'; wait"],
        timeLimit: 0.5)
    } throws: { error in
      (error as? ProcessRunner.Failure)?.timedOut == true
    }
    let child = try #require(
      Int32(
        try String(contentsOf: marker, encoding: .utf8).trimmingCharacters(
          in: .whitespacesAndNewlines)
      ))
    // The whole process group was killed: the background sleep is gone too (or a zombie of init).
    var gone = kill(child, 0) != 0
    for _ in 0..<50 where !gone {
      usleep(100_000)
      gone = kill(child, 0) != 0 || isZombie(child)
    }
    #expect(gone)
  }

  @Test func aMissingProgramIsAFailure() {
    #expect {
      _ = try ProcessRunner.run(
        URL(fileURLWithPath: "/nonexistent/pia-tool"), arguments: [], timeLimit: 5)
    } throws: { error in
      (error as? ProcessRunner.Failure)?.message.hasPrefix("cannot run pia-tool") == true
    }
  }

  private func isZombie(_ pid: Int32) -> Bool {
    let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
    return status?.split(separator: " ").dropFirst(2).first == "Z"
  }
}

@Suite struct ExecutableSearchTests {
  @Test func findsInPathThenFallbacks() throws {
    let search = ExecutableSearch(environment: ["PATH": "/nonexistent:/bin:/usr/bin"])
    #expect(search.find(["pia-no-such-tool", "sh"])?.lastPathComponent == "sh")
    #expect(search.find(["pia-no-such-tool"]) == nil)
    #expect(search.find(["pia-no-such-tool"], fallbacks: ["/bin/s*"]) != nil)
  }
}
