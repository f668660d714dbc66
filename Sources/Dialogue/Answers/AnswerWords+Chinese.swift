extension AnswerWords {
    /// Traditional Chinese (Taiwan, Hong Kong): 禮拜五, 下週五, 後天, 聽日, 點. Reads the
    /// Simplified forms too, so a guest on either line is understood whichever they type.
    public static let traditionalChinese = traditionalChineseLists.withLexicon
    static let traditionalChineseLists = chinese(.traditional)

    /// Simplified Chinese (mainland): 周五, 下周五, 后天, 点. Reads the Traditional forms too.
    public static let simplifiedChinese = simplifiedChineseLists.withLexicon
    static let simplifiedChineseLists = chinese(.simplified)

    /// The Simplified words, as the only Chinese of earlier versions was.
    public static var chinese: AnswerWords { simplifiedChinese }

    /// Which script's forms come first; both are read.
    enum ChineseScript {
        case traditional, simplified
    }

    /// Words are written without spaces, so they are found by longest match: 明天下午3點
    /// reads as 明天 / 下午 / 3 / 點. 下星期五 is Friday of next week (not the next
    /// Friday: said on a Wednesday, that is nine days on), 這週五 this week's Friday.
    /// A short numeric date is month first (12/24), whatever the hotel's date order.
    static func chinese(_ script: ChineseScript) -> AnswerWords {
        /// Traditional and Simplified forms, the line's own script first.
        func both(_ traditional: [String], _ simplified: [String]) -> [String] {
            var words = script == .traditional ? traditional + simplified : simplified + traditional
            var seen = Set<String>()
            words.removeAll { !seen.insert($0).inserted }
            return words
        }
        func weekday(_ day: String) -> [String] {
            both(["星期" + day, "週" + day, "禮拜" + day, "拜" + day], ["星期" + day, "周" + day, "礼拜" + day])
        }
        // 會 and 不會 answer "would you …?" (would you stay with us again?).
        let yes = both(["是", "是的", "對", "對的", "好", "好的", "行", "可以", "沒錯", "沒問題", "嗯", "確認", "確定", "要", "需要", "正確", "會", "當然"],
                       ["是", "是的", "对", "对的", "好", "好的", "行", "可以", "没错", "没问题", "嗯", "确认", "确定", "要", "需要", "正确", "会", "当然"])
        let no = both(["不", "不是", "不對", "不要", "不用", "不需要", "沒有", "否", "不行", "不好", "不可以", "算了", "錯", "錯了", "不正確", "不會"],
                      ["不", "不是", "不对", "不要", "不用", "不需要", "没有", "否", "不行", "不好", "不可以", "算了", "错", "错了", "不正确", "不会"])
        let fillers = both(
            ["的", "在", "請", "謝謝", "吧", "啊", "呢", "了", "呀", "後", "以後", "之後", "大約", "左右", "我", "我要", "我想", "想",
             "住", "入住", "退房", "到", "那天", "就"],
            ["的", "在", "请", "谢谢", "吧", "啊", "呢", "了", "呀", "后", "以后", "之后", "大约", "左右", "我", "我要", "我想", "想",
             "住", "入住", "退房", "到", "那天", "就"])
        let english = englishYesNo(besides: [yes, no, fillers])
        return AnswerWords(
            months: (1...12).map { [chineseNumeral($0) + "月"] },
            weekdays: ["一", "二", "三", "四", "五", "六"].map(weekday)
                + [weekday("日") + weekday("天") + both(["週天"], ["周天"])],
            today: both(["今天", "今日"], ["今天", "今日"]),
            tomorrow: both(["明天", "明日", "聽日"], ["明天", "明日"]),
            dayAfterTomorrow: both(["後天", "後日"], ["后天", "后日"]),
            inThreeDays: both(["大後天"], ["大后天"]),
            // 下週五 cuts as 下 / 週五, so 下週 itself is no word here (it would take the 週).
            nextWeek: both(["下", "下個"], ["下", "下个"]),
            thisWeek: both(["這", "這個", "本"], ["这", "这个", "本"]),
            yes: yes + english.yes,
            no: no + english.no,
            numbers: Dictionary(uniqueKeysWithValues: (0...31).map { (chineseNumeral($0), $0) })
                .merging(["两": 2, "兩": 2, "〇": 0], uniquingKeysWith: { first, _ in first }),
            fillers: fillers,
            monthMarkers: ["月"],
            dayMarkers: ["日", "號", "号"],
            yearMarkers: ["年"],
            am: both(["上午", "早上", "早晨", "凌晨"], ["上午", "早上", "早晨", "凌晨"]) + ["am", "a.m."],
            pm: both(["下午", "晚上", "傍晚"], ["下午", "晚上", "傍晚"]) + ["pm", "p.m."],
            noon: ["中午", "正午"],
            now: both(["現在", "馬上", "盡快", "立刻", "立即", "越快越好"], ["现在", "马上", "尽快", "立刻", "立即", "越快越好"]),
            // 3個晚上 is three nights: 個晚上 is one word, so 晚上 there is not the evening.
            nights: both(["晚", "夜", "宿", "個晚上"], ["晚", "夜", "宿", "个晚上"]),
            days: ["天"],
            hourMarkers: both(["點", "點鐘", "時"], ["点", "点钟", "时"]) + ["h"],
            minuteMarkers: ["分"],
            halfHour: ["半"],
            dateOrder: .monthDayYear,
            keepsItsDateOrder: true,
            buildsLexicon: false
        )
    }

    /// 0 … 99 in Chinese numerals: 零, 七, 十, 十二, 二十四.
    static func chineseNumeral(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 0..<10: return digits[value]
        case 10..<20: return "十" + (value == 10 ? "" : digits[value - 10])
        default: return digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10])
        }
    }
}
