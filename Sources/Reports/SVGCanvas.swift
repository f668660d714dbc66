/// SVG written by hand: shapes and text appended as elements, every text escaped, every
/// coordinate to a tenth of a pixel. What `ReportSVG` draws with; no library, so the page
/// opens in any browser as it is.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var elements: [String] = []

    static let font = "'DejaVu Sans', 'Noto Sans', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif"

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    enum Anchor: String { case start, middle, end }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, radius: Double = 0,
                       tooltip: String? = nil) {
        let border = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let round = radius > 0 ? " rx=\"\(n(radius))\"" : ""
        let title = tooltip.map { "<title>\(Self.escaped($0))</title>" } ?? ""
        let body = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, w)))\" height=\"\(n(max(0, h)))\" fill=\"\(fill)\"\(border)\(round)"
        elements.append(title.isEmpty ? "<rect \(body)/>" : "<rect \(body)>\(title)</rect>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
        elements.append("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"\(dash)/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2.5) {
        guard points.count > 1 else { return }
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: String, tooltip: String? = nil) {
        let title = tooltip.map { "<title>\(Self.escaped($0))</title>" } ?? ""
        let body = "cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill)\" stroke=\"#ffffff\" stroke-width=\"1.5\""
        elements.append(title.isEmpty ? "<circle \(body)/>" : "<circle \(body)>\(title)</circle>")
    }

    mutating func text(_ text: String, _ x: Double, _ y: Double, size: Double = 12, fill: String = "#374151", anchor: Anchor = .start,
                       weight: String? = nil, rotate: Bool = false) {
        let bold = weight.map { " font-weight=\"\($0)\"" } ?? ""
        let turn = rotate ? " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" : ""
        elements.append("<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(fill)\" text-anchor=\"\(anchor.rawValue)\"\(bold)\(turn)>"
                        + Self.escaped(text) + "</text>")
    }

    /// The whole document: an SVG 1.1 file with a white page, `title` for the browser's tab.
    func document(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" \
        font-family="\(Self.font)">
        <title>\(Self.escaped(title))</title>
        <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
        \(elements.joined(separator: "\n"))
        </svg>

        """
    }

    /// `text` safe inside an element or an attribute: `&`, `<`, `>`, `"` escaped, and any
    /// control character (which XML 1.0 forbids) dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private func n(_ value: Double) -> String { FigureFormat.fixed(value, decimals: 1) }
}
