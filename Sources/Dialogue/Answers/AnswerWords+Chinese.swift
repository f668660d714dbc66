extension AnswerWords {
    /// Simplified Chinese (with the common traditional forms). Words are written without
    /// spaces, so they are found by longest match: 明天下午3点 reads as 明天 / 下午 / 3 / 点.
    /// "下周五" is read like "next friday": the first Friday after today.
    public static let chinese = AnswerWords(
        months: (1...12).map { [chineseNumeral($0) + "月"] },
        weekdays: [
            ["周一", "星期一", "礼拜一", "週一", "禮拜一"],
            ["周二", "星期二", "礼拜二", "週二", "禮拜二"],
            ["周三", "星期三", "礼拜三", "週三", "禮拜三"],
            ["周四", "星期四", "礼拜四", "週四", "禮拜四"],
            ["周五", "星期五", "礼拜五", "週五", "禮拜五"],
            ["周六", "星期六", "礼拜六", "週六", "禮拜六"],
            ["周日", "周天", "星期日", "星期天", "礼拜日", "礼拜天", "週日", "禮拜天"],
        ],
        today: ["今天", "今日"],
        tomorrow: ["明天", "明日"],
        dayAfterTomorrow: ["后天", "後天"],
        next: ["下", "下个", "下個"],
        yes: [
            "是", "是的", "对", "对的", "對", "好", "好的", "行", "可以", "没错", "沒錯",
            "没问题", "沒問題", "嗯", "确认", "確認", "确定", "要", "需要", "yes", "ok", "👍",
        ],
        no: [
            "不", "不是", "不对", "不對", "不要", "不用", "不需要", "没有", "沒有", "否",
            "不行", "不好", "不可以", "算了", "no", "👎",
        ],
        numbers: Dictionary(uniqueKeysWithValues: (0...31).map { (chineseNumeral($0), $0) })
            .merging(["两": 2, "兩": 2, "〇": 0], uniquingKeysWith: { first, _ in first }),
        fillers: [
            "的", "在", "这", "这个", "這", "這個", "本", "个", "個", "请", "請", "谢谢",
            "謝謝", "吧", "啊", "呢", "了", "呀", "后", "後", "以后", "以後", "之后", "之後",
            "大约", "左右",
        ],
        monthMarkers: ["月"],
        dayMarkers: ["日", "号", "號"],
        yearMarkers: ["年"],
        am: ["上午", "早上", "早晨", "凌晨", "am", "a.m."],
        pm: ["下午", "晚上", "傍晚", "pm", "p.m."],
        noon: ["中午", "正午"],
        now: ["现在", "現在", "马上", "馬上", "尽快", "盡快", "立刻", "立即", "越快越好"],
        nights: ["晚", "夜", "宿"],
        days: ["天"],
        hourMarkers: ["点", "點", "点钟", "點鐘", "时", "時", "h"],
        minuteMarkers: ["分"],
        halfHour: ["半"],
        // A short numeric date in Chinese is month first (12/24); full ones are
        // year first (2026/12/24), which every order reads.
        dateOrder: .monthDayYear
    )

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
