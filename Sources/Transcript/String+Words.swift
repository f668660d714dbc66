import Dialogue

extension String {
    /// The text after `prefix`, or nil when the string does not start with it.
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// Every occurrence of `target` that stands as a whole word (no letter or digit
    /// against either end) replaced: `R1000017` in "number R1000017." but not in "R10000171".
    /// A script written without spaces has no word boundaries to see, so its characters
    /// (East Asian wide ones) bound a word: `R1000017` in "確認編號是R1000017，".
    public func replacingWords(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            let before = range.lowerBound > startIndex ? self[index(before: range.lowerBound)] : nil
            let after = range.upperBound < endIndex ? self[range.upperBound] : nil
            let isWord = { (character: Character) in (character.isLetter || character.isNumber) && displayWidth(of: String(character)) < 2 }
            let bounded = !(before.map(isWord) ?? false) && !(after.map(isWord) ?? false)
            result += rest[..<range.lowerBound]
            result += bounded ? replacement : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
