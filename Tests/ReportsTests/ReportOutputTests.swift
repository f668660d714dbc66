import Dialogue
import HotelCalendar
import Storage
import Testing
@testable import Reports

/// The report as people and programs read it: text within 80 columns whatever the names
/// (Chinese ones count two columns each), CSV quoted per RFC 4180, and an SVG that escapes
/// what it is given.
@Suite("Report output")
struct ReportOutputTests {
    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    /// A month of facts on every day, for a hotel and departments with long and Chinese names.
    static func report(by grouping: ReportGrouping = .day) -> ServiceReport {
        var activity = ServiceActivity()
        var day = Self.day("2027-02-20")
        var index = 0
        while day <= Self.day("2027-03-31") {
            index += 1
            for call in 0..<(index % 7 + 1) {
                activity.calls.append(.init(day: day, milliseconds: Int64(1000 * (index * 37 % 900 + call)),
                                            waits: call == 0 ? [PersonWait(milliseconds: Int64(index * 1500), ending: .putThrough)] : []))
            }
            activity.complaints.append(.init(day: day, category: index % 2 == 0 ? "客房" : "a category with a very long name indeed",
                                             resolved: index % 3 != 0, handling: index % 4 == 0 ? .late : .onTime))
            activity.surveys.append(.init(day: day, ratings: ["food": index % 5 + 1, "front_desk": 4], stayAgain: index % 2 == 0, recommend: true))
            activity.revisits.append(.init(day: day, kind: GuestKind.allCases[index % 4], done: index % 3 == 0))
            activity.bookings.append(day)
            day = day.adding(days: 1)
        }
        let settings = ReportSettings(
            hotelName: "港景酒店 Harbour View Hotel, the one on the water with the very long name", answerTargetSeconds: 20,
            departments: [.init(code: "hk", name: "客房部（房務及洗衣）與公共區域清潔", categories: ["客房"]),
                          .init(code: "other", name: "Engineering and facilities, and everything else", categories: ["a category with a very long name indeed"])],
            categories: ["客房"])
        return ServiceReport(activity: activity, from: Self.day("2027-03-01"), to: Self.day("2027-03-31"), by: grouping, settings: settings,
                             readAt: LocalMoment(iso: "2027-04-01T09:00")!)
    }

    @Test(arguments: ReportGrouping.allCases)
    func everyTextLineFitsEightyColumns(grouping: ReportGrouping) {
        let text = ReportText.render(Self.report(by: grouping))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { displayWidth(of: $0) <= 80 }, "\(lines.filter { displayWidth(of: $0) > 80 })")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "no trailing spaces")
        #expect(lines.contains { $0.contains("客房部（房務及洗衣）與公…") }, "a long Chinese name cut at 26 columns, with …")
    }

    @Test func columnsLineUpByTerminalColumnsNotCharacters() {
        var table = TextTable("t", [("name", .left), ("n", .right)])
        table.add(["客房", "1"])
        table.add(["room", "22"])
        let lines = table.lines
        #expect(lines[2] == "客房   1")
        #expect(lines[3] == "room  22")
        #expect(displayWidth(of: lines[2]) == displayWidth(of: lines[3]))
    }

    @Test func csvQuotesWhatMustBeQuotedAndEndsLinesWithCRLF() {
        let report = Self.report(by: .month)
        let csv = ReportRows.csv(report)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 3, "a header, March, and the empty rest after the last CR LF")
        #expect(lines[2].isEmpty)
        #expect(lines[0].hasPrefix("period,from,to,calls,calls_change,average_call_seconds,"))
        #expect(lines[0].contains(",complaints_category_a category with a very long name indeed,"))
        #expect(lines[1].hasPrefix("2027-03,2027-03-01,2027-03-31,"))
        #expect(ReportRows.names(report).count == lines[0].split(separator: ",").count)
    }

    @Test func theSVGEscapesNamesAndIsOneDocument() {
        var activity = ServiceActivity()
        activity.complaints = [.init(day: Self.day("2027-03-02"), category: "<script>&", resolved: false, handling: .inTime)]
        let settings = ReportSettings(hotelName: "Tom & Jerry's \"Inn\" <b>", departments: [], categories: [])
        let svg = ReportSVG.render(ServiceReport(activity: activity, from: Self.day("2027-03-01"), to: Self.day("2027-03-07"), by: .day,
                                                 settings: settings, readAt: LocalMoment(iso: "2027-03-08T09:00")!))
        #expect(svg.contains("Tom &amp; Jerry's &quot;Inn&quot; &lt;b&gt;: service report"))
        #expect(svg.contains("&lt;script&gt;&amp;"))
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.components(separatedBy: "<svg ").count == 2 && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("hotel.conf names no departments"))
    }

    @Test func roundScalesAreRoundAndReachTheLargest() {
        #expect(SVGChart.roundScale(43) == (50, 10))
        #expect(SVGChart.roundScale(0, whole: true) == (1, 1))
        #expect(SVGChart.roundScale(3, whole: true) == (3, 1))
        #expect(SVGChart.roundScale(125, whole: false) == (125, 25))
        #expect(SVGChart.roundScale(0.37) == (0.4, 0.1))
    }
}
