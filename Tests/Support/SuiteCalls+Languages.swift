import HotelCalendar
import Dialogue

/// The calls of the transcript suite in Traditional Chinese, Simplified Chinese and
/// Spanish: every flow in each, typed as its guests type (their words and date forms, never
/// ISO dates or English words), with wrong answers, a switch of language mid-call and a
/// caller on file answered in the language of their last call. Together they reach every
/// node in every language (`--coverage` counts nodes per language).
///
/// Each language's live calls run in this order on one store: a booking made in the
/// language; the same guest calling again, picking English on the screen, and heard back in
/// their own language; then complaints, callbacks and status calls that find what the
/// earlier ones left (`$R-1`, `$T-1`: the latest confirmation or ticket the line gave).
extension SuiteCalls {
    /// One language's guests and what they type.
    struct LanguageScript {
        let code: String
        /// The guest who books first and calls again: their phone.
        let phone: String
        /// A guest not on file when they first call: their phone.
        let stranger: String
        let live: [SuiteCall]
        let inProcess: [SuiteCall]
    }

    static let traditionalChinese = LanguageScript(
        code: "zh-Hant", phone: "+886 2 2345 6789", stranger: "+852 2345 6789",
        live: [
            SuiteCall("zh-Hant-booking", language: "繁體中文", lines: [
                "訂房", "下星期五", "3晚", "兩間", "家庭房", "+886 2 2345 6789", "陳美玲", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-booking-wrong-answers-fix-cancel", language: "2", lines: [
                "1", "2月30日", "2026年11月20日", "１２月２４日", "12月20日", "60晚", "12月27日", "很多", "９", "1", "總統套房", "2",
                "+886 2 2345 6700", "陳大文", "不對", "1", "12月25日", "12月28日", "不對", "8", "不用了",
            ]),
            // Picks English on the screen, and is answered in the language of the last call.
            SuiteCall("zh-Hant-caller-on-file", language: "1", lines: [
                "1", "24 Dec", "2 nights", "1", "1", "+886 2 2345 6789", "是", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-complaint-repeat-caller", language: "繁體", lines: [
                "投訴", "房務", "浴室的毛巾一直沒有更換。", "請今天補上乾淨的毛巾。", "+886 2 2345 6789", "是", "１２０４", "不用了",
            ]),
            SuiteCall("zh-Hant-callback-repeat-caller", language: "2", lines: [
                "請我們回電給您", "+886 2 2345 6789", "今天上午9點", "明天早上7點", "明天上午10點半", "想詢問機場接送。", "繁體中文", "不用了",
            ]),
            SuiteCall("zh-Hant-status-unknown-then-complaint-and-callback", language: "2", lines: [
                "查詢", "+852 2345 6789", "1", "12345", "R9999999", "選單", "2", "櫃檯", "辦理入住等了四十分鐘。", "希望能加派櫃檯人手。",
                "黃志明", "否", "是", "3", "是", "現在", "關於投訴的後續。", "2", "不用了",
            ]),
            SuiteCall("zh-Hant-status-booking-found", language: "2", lines: ["5", "+886 2 2345 6789", "訂房", "$R-1", "不用了"]),
            SuiteCall("zh-Hant-status-complaint-found", language: "2", lines: ["5", "+852 2345 6789", "投訴", "T9999999", "$T-1", "不用了"]),
            SuiteCall("zh-Hant-survey-found", language: "2", lines: [
                "4", "$R-1", "是", "5", "4", "6", "4", "5", "4分", "3", "5", "會", "會", "早餐可以多一些素食選擇。", "不用了",
            ]),
            SuiteCall("zh-Hant-survey-missing-declined", language: "繁體中文", lines: [
                "問卷", "R9999999", "林志豪", "+886 4 2345 6789", "不要", "不用了",
            ]),
            SuiteCall("zh-Hant-agent-nobody-callback", language: "2", lines: [
                "人工", "是", "+886 7 234 5678", "明天下午3點", "想確認發票抬頭。", "繁體中文", "張淑芬", "不用了",
            ]),
            // English, back, the screen to Simplified, a name of two languages, help, goodbye.
            SuiteCall("zh-Hant-switch-language", language: "2", lines: [
                "訂房", "English", "繁體中文", "語言", "3", "12月24日", "中文", "2", "幫助", "結束",
            ]),
        ],
        inProcess: [
            SuiteCall("zh-Hant-booking-full-midnight-save-failed", language: "2", lines: [
                "訂房", "今天", "1晚", "3", "4", "1", "3", "3", "2", "3", "+886 2 2345 6711", "吳家豪", "是", "明天", "3晚", "是", "是", "是",
                "明天上午10點", "想把訂房完成。", "2", "不用了",
            ]),
            SuiteCall("zh-Hant-agent-queue-then-callback", language: "2", lines: [
                "0", "你好？", "1", "+886 2 2345 6722", "明天上午10點", "帳單的問題。", "2", "周雅婷", "不用了",
            ]),
        ])

    static let simplifiedChinese = LanguageScript(
        code: "zh-Hans", phone: "+86 138 0013 8000", stranger: "+86 21 6888 1234",
        live: [
            SuiteCall("zh-Hans-booking", language: "简体中文", lines: [
                "预订", "1月15日", "1月18日", "两间", "标准双人房", "+86 138 0013 8000", "李娜", "是的", "没有了",
            ]),
            SuiteCall("zh-Hans-booking-wrong-answers-fix-cancel", language: "3", lines: [
                "1", "２月３０日", "2026年11月20日", "后天", "今天", "40晚", "3晚", "好多", "两间", "总统套房", "豪华大床房", "+86 21 5555 0101", "赵磊",
                "不对", "4", "家庭房", "不对", "8", "没有了",
            ]),
            SuiteCall("zh-Hans-caller-on-file", language: "1", lines: [
                "1", "20 Jan", "22 Jan", "1", "1", "+86 138 0013 8000", "是", "是", "没有",
            ]),
            SuiteCall("zh-Hans-complaint-repeat-caller", language: "简体", lines: [
                "投诉", "餐饮", "早餐的粥是凉的。", "希望明天的早餐注意温度。", "+86 138 0013 8000", "是的", "0812", "没有了",
            ]),
            SuiteCall("zh-Hans-callback-repeat-caller", language: "3", lines: [
                "回电", "+86 138 0013 8000", "今天上午9点", "明天晚上9点", "后天下午2点", "想咨询会议室。", "简体中文", "没有",
            ]),
            SuiteCall("zh-Hans-status-unknown-then-complaint-and-callback", language: "3", lines: [
                "查询", "+86 21 6888 1234", "预订", "12345", "R9999999", "菜单", "投诉", "设备", "空调一直有噪音，晚上睡不好。", "请尽快安排维修。",
                "张伟", "不是", "是", "3", "是", "尽快", "投诉的后续。", "3", "没有",
            ]),
            SuiteCall("zh-Hans-status-booking-found", language: "3", lines: ["5", "+86 138 0013 8000", "1", "$R-1", "没有"]),
            SuiteCall("zh-Hans-status-complaint-found", language: "3", lines: ["5", "+86 21 6888 1234", "2", "T9999999", "$T-1", "没有"]),
            SuiteCall("zh-Hans-survey-found", language: "3", lines: [
                "4", "$R-1", "好", "5", "5", "4", "六", "4", "3", "5", "4", "会", "会", "希望健身房能延长开放时间。", "没有",
            ]),
            SuiteCall("zh-Hans-survey-missing-declined", language: "简体中文", lines: [
                "问卷", "R9999999", "刘洋", "+86 755 8888 6666", "不用", "没有",
            ]),
            SuiteCall("zh-Hans-agent-nobody-callback", language: "3", lines: [
                "转人工", "好的", "+86 10 8888 7777", "明天下午3点", "想确认发票信息。", "简体", "陈静", "没有",
            ]),
            // Spanish, back, the screen to English, a name of two languages, help, goodbye.
            SuiteCall("zh-Hans-switch-language", language: "3", lines: [
                "预订", "español", "简体中文", "语言", "1", "24 Dec", "中文", "3", "帮助", "结束",
            ]),
        ],
        inProcess: [
            SuiteCall("zh-Hans-booking-full-midnight-save-failed", language: "3", lines: [
                "预订", "今天", "1晚", "3", "4", "1", "3", "3", "2", "3", "+86 20 3333 4444", "黄磊", "是", "明天", "2晚", "是", "是", "是",
                "明天上午10点", "想把预订完成。", "3", "没有",
            ]),
            SuiteCall("zh-Hans-agent-queue-then-callback", language: "3", lines: [
                "0", "喂？", "1", "+86 10 6666 5555", "明天上午10点", "账单的问题。", "3", "孙丽", "没有",
            ]),
        ])

    static let spanish = LanguageScript(
        code: "es", phone: "+34 611 222 333", stranger: "+52 55 1234 5678",
        live: [
            SuiteCall("es-booking", language: "español", lines: [
                "reservar", "24 de diciembre", "3 noches", "una", "la deluxe", "+34 611 222 333", "José García", "sí", "no, gracias",
            ]),
            SuiteCall("es-booking-wrong-answers-fix-cancel", language: "4", lines: [
                "1", "30 de febrero", "20 de noviembre de 2026", "mañana", "hoy", "40 noches", "el viernes", "muchas", "diez", "dos", "ático", "1",
                "+34 699 111 222", "Carmen Ruiz", "no", "2", "el domingo", "no", "8", "no",
            ]),
            SuiteCall("es-caller-on-file", language: "1", lines: [
                "1", "10 Jan", "3 nights", "1", "1", "+34 611 222 333", "sí", "sí", "no",
            ]),
            SuiteCall("es-complaint-repeat-caller", language: "español", lines: [
                "queja", "limpieza", "La habitación no estaba limpia cuando llegamos.", "Que la limpien a fondo hoy.", "+34 611 222 333", "sí", "305", "no",
            ]),
            SuiteCall("es-callback-repeat-caller", language: "4", lines: [
                "llamarme", "+34 611 222 333", "hoy a las 9", "mañana a las 22:00", "mañana a las 4 de la tarde",
                "Quiero preguntar por el aparcamiento.", "español", "no",
            ]),
            SuiteCall("es-status-unknown-then-complaint-and-callback", language: "4", lines: [
                "consultar", "+52 55 1234 5678", "reserva", "12345", "R9999999", "menú", "queja", "recepción",
                "Esperé cuarenta minutos para registrarme.", "Más personal en recepción.", "Lucía Fernández", "no", "sí", "3", "sí", "ahora",
                "Seguimiento de mi queja.", "4", "no",
            ]),
            SuiteCall("es-status-booking-found", language: "4", lines: ["5", "+34 611 222 333", "1", "$R-1", "no"]),
            SuiteCall("es-status-complaint-found", language: "4", lines: ["5", "+52 55 1234 5678", "2", "T9999999", "$T-1", "no"]),
            SuiteCall("es-survey-found", language: "4", lines: [
                "encuesta", "$R-1", "sí", "5", "4", "seis", "4", "5", "3", "5", "4", "sí", "claro", "Más opciones vegetarianas en el desayuno.", "no",
            ]),
            SuiteCall("es-survey-missing-declined", language: "castellano", lines: [
                "4", "R9999999", "Pedro Sánchez", "+34 622 333 444", "no", "no",
            ]),
            SuiteCall("es-agent-nobody-callback", language: "4", lines: [
                "agente", "sí", "+34 633 444 555", "mañana a las 10", "Una duda sobre la factura.", "4", "Marta López", "no",
            ]),
            // English, back, the screen to Traditional Chinese, back by name, help, goodbye.
            SuiteCall("es-switch-language", language: "4", lines: [
                "reservar", "English", "español", "idioma", "2", "12月24日", "español", "ayuda", "salir",
            ]),
        ],
        inProcess: [
            SuiteCall("es-booking-full-midnight-save-failed", language: "4", lines: [
                "reservar", "hoy", "1 noche", "3", "4", "1", "3", "3", "2", "3", "+34 644 555 666", "Andrés Molina", "sí", "mañana", "2 noches", "sí",
                "sí", "sí", "mañana a las 10", "Para terminar mi reserva.", "4", "no",
            ]),
            SuiteCall("es-agent-queue-then-callback", language: "4", lines: [
                "0", "¿hola?", "1", "+34 655 666 777", "mañana a las 10", "Sobre mi factura.", "4", "Elena Torres", "no",
            ]),
        ])

    static let otherLanguages = [traditionalChinese, simplifiedChinese, spanish]

    /// The other languages' live calls, after the English ones.
    static var liveInOtherLanguages: [SuiteCall] { otherLanguages.flatMap(\.live) }

    /// How the in-process calls of the other languages are answered: a booking with no
    /// Harbour Suite left, then too few family rooms; saved after midnight (today is over),
    /// then refused by the disk, and the callback after it too. A person: queued, then left.
    static var inProcessInOtherLanguages: [(call: SuiteCall, answer: @Sendable (ActionRequest) -> ActionOutcome?)] {
        otherLanguages.flatMap { script in
            script.inProcess.map { call in
                let failsCallbacks = call.name.hasSuffix("save-failed")
                return (call, { @Sendable request in
                    switch request {
                    case .checkAvailability(let stay) where stay.roomType == "suite":
                        return .full(roomsLeft: 0, alternatives: ["standard", "family"])
                    case .checkAvailability(let stay) where stay.roomType == "family" && stay.rooms > 2:
                        return .full(roomsLeft: 2, alternatives: ["standard"])
                    case .saveReservation(let draft):
                        return draft.stay.checkIn == CivilDate(year: 2026, month: 11, day: 25) ? .datesPassed : .failed
                    case .saveCallback where failsCallbacks:
                        return .failed
                    case .requestAgent:
                        return .queued(position: 2, expectedWaitSeconds: 240)
                    case .leaveQueue:
                        return .left
                    default:
                        return nil
                    }
                })
            }
        }
    }
}
