import Dialogue
import Storage

/// `file ID …` at the console: see a guest file in full (audited: it shows what the guest
/// brings), or set its kind or birthday (a journal record and an audit line each).
public enum FileCommand: Equatable, Sendable {
    case show(GuestFileNumber)
    case setKind(GuestFileNumber, GuestKind)
    /// Nil clears it (`file ID birthday none`).
    case setBirthday(GuestFileNumber, Birthday?)

    public var file: GuestFileNumber {
        switch self {
        case .show(let file), .setKind(let file, _), .setBirthday(let file, _): return file
        }
    }

    static let usage = "file is \"file NUMBER\", \"file NUMBER kind individual|business|group|vip\" or \"file NUMBER birthday MM-DD|none\" "
        + "(for example: file 261203001 kind vip)"

    /// Reads what follows `file`; every refusal says what was expected.
    static func parse(_ rest: String) -> Result<FileCommand, ConsoleCommand.Problem> {
        let parts = rest.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return .failure(.init(message: usage)) }
        guard let file = GuestFileNumber(first) else {
            return .failure(.init(message: "\"\(ConsoleText.safe(first))\" is not a guest file number (the day as YYMMDD, then three digits: 261203001)"))
        }
        guard parts.count > 1 else { return .success(.show(file)) }
        let field = parts[1].lowercased(), value = parts.count == 3 ? parts[2] : nil
        switch field {
        case "kind":
            let kinds = GuestKind.allCases.map(\.description)
            guard let value else { return .failure(.init(message: "file \(file) kind needs one of: " + kinds.joined(separator: ", "))) }
            guard let kind = GuestKind(word: value) else {
                return .failure(.init(message: "unknown kind \"\(ConsoleText.safe(value))\"" + Spelling.hint(for: value.lowercased(), among: kinds)
                                      + "; the kinds are " + kinds.joined(separator: ", ")))
            }
            return .success(.setKind(file, kind))
        case "birthday":
            guard let value else { return .failure(.init(message: "file \(file) birthday needs a month and day as MM-DD (for example 03-14), or none")) }
            if value.lowercased() == "none" { return .success(.setBirthday(file, nil)) }
            guard let birthday = Birthday(value) else {
                return .failure(.init(message: "\"\(ConsoleText.safe(value))\" is no birthday: a month and a day that exist, as MM-DD "
                                      + "(for example 03-14; 02-29 is allowed)"))
            }
            return .success(.setBirthday(file, birthday))
        default:
            return .failure(.init(message: "unknown file field \"\(ConsoleText.safe(parts[1]))\""
                                  + Spelling.hint(for: field, among: ["kind", "birthday"]) + "; " + usage))
        }
    }
}
