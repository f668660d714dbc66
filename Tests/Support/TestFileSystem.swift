import Dispatch
import Foundation
import Glibc
import Synchronization
import Storage

/// The real file system with faults on demand: a write that stops half-way with ENOSPC,
/// a sync that fails with EIO, a truncate that fails, and syncs held at a gate so a test
/// can look at the journal while the writer is inside `fdatasync`. Counts file syncs.
///
/// A simulated crash: `crash(afterChanges:)` lets that many changing calls through (open,
/// write, sync, truncate, rename, remove, mkdir), then the next one does nothing (a write
/// writes half) and every change after it fails, so the directory stays exactly as a
/// process killed at that point would leave it.
public final class TestFileSystem: JournalFileSystem {
    private struct State {
        var writeFaults: [Int32] = []
        var syncFaults: [Int32] = []
        var truncateFaults: [Int32] = []
        var modeFaults: [Int32] = []
        var syncsHeld = false
        /// When set, only syncs of files whose path ends so are held.
        var heldSuffix: String?
        var writerAtGate = false
        var syncs = 0
        /// Changing calls still allowed before the crash; nil: no crash armed.
        var changesBeforeCrash: Int?
        var changes = 0
        var boot: BootIdentity?
    }

    private let base = PosixFileSystem()
    /// How long each file sync takes on top of the real one (see `init`).
    private let syncTakes: UInt32

    /// `syncMilliseconds`: each file sync also waits that long, as a disk's does. The suite's
    /// scratch directories are in memory, where a sync takes nothing, so a writer can run
    /// faster than any disk lets it; a test of what a reader sees beside a busy writer gives
    /// the writer the pace of a disk (5 ms: this project's development disk).
    public init(syncMilliseconds: UInt32 = 0) {
        syncTakes = syncMilliseconds * 1000
    }
    private let state = Mutex(State())
    private let gate = DispatchSemaphore(value: 0)
    /// Signalled each time a sync stops at the gate.
    public let syncReachedGate = DispatchSemaphore(value: 0)

    /// Successful and failed file syncs so far (directory syncs are not counted).
    public var syncCount: Int { state.withLock { $0.syncs } }

    /// The next `count` writes write half their bytes, then fail with `error`.
    public func failWrites(_ error: Int32, count: Int = 1) {
        state.withLock { $0.writeFaults += Array(repeating: error, count: count) }
    }

    /// The next `count` file syncs not yet begun fail with `error` (the data stays written).
    public func failSyncs(_ error: Int32, count: Int = 1) {
        state.withLock { $0.syncFaults += Array(repeating: error, count: count) }
    }

    public func failTruncates(_ error: Int32, count: Int = 1) {
        state.withLock { $0.truncateFaults += Array(repeating: error, count: count) }
    }

    /// The next `count` chmods fail with `error` (root may change any mode, so a test
    /// cannot get EPERM from the real disk).
    public func failModeChanges(_ error: Int32, count: Int = 1) {
        state.withLock { $0.modeFaults += Array(repeating: error, count: count) }
    }

    /// Lets `count` more changing calls through, then crashes (see the type's comment).
    public func crash(afterChanges count: Int) {
        state.withLock { state in
            state.changesBeforeCrash = count
            state.changes = 0
        }
    }

    /// Changing calls since `crash(afterChanges:)` was armed (crashed ones included).
    public var changesSinceArmed: Int { state.withLock { $0.changes } }

    /// Counts a changing call; throws if the crash has happened. A crashing write first
    /// writes half its bytes, as a process killed mid-write leaves them.
    private func change(
        _ operation: String, _ path: String, half bytes: [UInt8]? = nil, file: JournalFile? = nil, at offset: Int? = nil
    ) throws {
        let (crashed, crashesNow) = state.withLock { state -> (Bool, Bool) in
            state.changes += 1
            guard let allowed = state.changesBeforeCrash, state.changes > allowed else { return (false, false) }
            return (true, state.changes == allowed + 1)
        }
        guard crashed else { return }
        if crashesNow, let bytes, let file {
            let half = Array(bytes.prefix(bytes.count / 2))
            if let offset { try? base.write(half, to: file, at: offset) } else { try? base.write(half, to: file) }
        }
        throw JournalError.fileSystem(operation: operation + " (after the simulated crash)", path: path, errno: EIO)
    }

    /// From now on a file sync (of a path ending in `suffix`, if given) waits at the gate
    /// until `releaseSyncs`.
    public func holdSyncs(endingIn suffix: String? = nil) {
        state.withLock { state in
            state.syncsHeld = true
            state.heldSuffix = suffix
        }
    }

    public func releaseSyncs() {
        let waiting = state.withLock { state in
            state.syncsHeld = false
            defer { state.writerAtGate = false }
            return state.writerAtGate
        }
        if waiting { gate.signal() }
    }

    private func takeFault(_ faults: WritableKeyPath<State, [Int32]>) -> Int32? {
        state.withLock { state in state[keyPath: faults].isEmpty ? nil : state[keyPath: faults].removeFirst() }
    }

    public func write(_ bytes: [UInt8], to file: JournalFile) throws {
        try change("write", file.path, half: bytes, file: file)
        if let error = takeFault(\.writeFaults) {
            try base.write(Array(bytes.prefix(bytes.count / 2)), to: file)
            throw JournalError.fileSystem(operation: "write", path: file.path, errno: error)
        }
        try base.write(bytes, to: file)
    }

    public func write(_ bytes: [UInt8], to file: JournalFile, at offset: Int) throws {
        try change("write", file.path, half: bytes, file: file, at: offset)
        if let error = takeFault(\.writeFaults) {
            try base.write(Array(bytes.prefix(bytes.count / 2)), to: file, at: offset)
            throw JournalError.fileSystem(operation: "write", path: file.path, errno: error)
        }
        try base.write(bytes, to: file, at: offset)
    }

    public func synchronize(_ file: JournalFile) throws {
        try change("fdatasync", file.path)
        // Decided before the gate, so a fault armed while a sync waits there hits the next one.
        let fault = takeFault(\.syncFaults)
        let held = state.withLock { state in
            state.syncs += 1
            let held = state.syncsHeld && state.heldSuffix.map { file.path.hasSuffix($0) } ?? state.syncsHeld
            if held { state.writerAtGate = true }
            return held
        }
        if held {
            syncReachedGate.signal()
            // A test that failed before opening the gate must not hang the run: after 30 s the
            // sync goes on, and the test's own checks fail on what it then sees.
            _ = gate.wait(timeout: .now() + 30)
        }
        if let error = fault {
            throw JournalError.fileSystem(operation: "fdatasync", path: file.path, errno: error)
        }
        if syncTakes > 0 { usleep(syncTakes) }
        try base.synchronize(file)
    }

    public func truncate(_ file: JournalFile, to size: Int) throws {
        try change("ftruncate", file.path)
        if let error = takeFault(\.truncateFaults) {
            throw JournalError.fileSystem(operation: "ftruncate", path: file.path, errno: error)
        }
        try base.truncate(file, to: size)
    }

    public func createDirectory(_ path: String) throws {
        try change("mkdir", path)
        try base.createDirectory(path)
    }

    public func open(_ path: String, _ mode: JournalOpenMode) throws -> JournalFile {
        try change("open", path)
        return try base.open(path, mode)
    }

    public func synchronizeDirectory(_ path: String) throws {
        try change("fsync", path)
        try base.synchronizeDirectory(path)
    }

    public func rename(_ from: String, to: String) throws {
        try change("rename", from)
        try base.rename(from, to: to)
    }

    public func remove(_ path: String) throws {
        try change("unlink", path)
        try base.remove(path)
    }

    public func contentsOfDirectory(_ path: String) throws -> [String] { try base.contentsOfDirectory(path) }
    public func size(of file: JournalFile) throws -> Int { try base.size(of: file) }
    public func close(_ file: JournalFile) { base.close(file) }
    public func readFile(_ path: String) throws -> [UInt8] { try base.readFile(path) }
    public func read(_ path: String, offset: Int, count: Int) throws -> [UInt8] { try base.read(path, offset: offset, count: count) }
    public func exists(_ path: String) -> Bool { base.exists(path) }
    public func mode(of path: String) throws -> JournalFileMode { try base.mode(of: path) }

    /// The machine's boot as the journal sees it: the real one until `restartMachine`.
    public var bootIdentity: BootIdentity { state.withLock { $0.boot } ?? .current }

    /// From now on the journal sees another boot, as after a power cut.
    public func restartMachine() {
        state.withLock { $0.boot = BootIdentity(bytes: (0..<16).map { _ in UInt8.random(in: 1...255) }) }
    }

    public func setMode(_ permissions: UInt32, of path: String) throws {
        try change("chmod", path)
        if let error = takeFault(\.modeFaults) {
            throw JournalError.fileSystem(operation: "chmod", path: path, errno: error)
        }
        try base.setMode(permissions, of: path)
    }
}
