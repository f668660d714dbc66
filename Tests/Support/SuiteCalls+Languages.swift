import HotelCalendar
import Dialogue

/// The calls of the transcript suite in Traditional Chinese, Simplified Chinese and
/// Spanish: every flow in each, typed as its guests type (their words and date forms, never
/// ISO dates or English words), with wrong answers, a switch of language mid-call and a
/// caller on file answered in the language of their last call. Together they reach every
/// node in every language (`--coverage` counts nodes per language).
///
/// Each language's live calls run in this order on one store: a booking made in the
/// language; the same guest calling again, picking English on the screen, giving their
/// phone and the same name, and heard back in their own language from there on; then
/// complaints, callbacks and status calls (the guest file among them) that find what the
/// earlier ones left (`$R-1`, `$T-1`: the latest confirmation or ticket the line gave); then
/// that second booking changed (dates, rooms, room type) and cancelled free, a booking for
/// tomorrow changed and cancelled for a fee, and a booking for today by the guest of the
/// status call, whose stay (begun) the survey finds. As the English manage calls, with the
/// clock at Wednesday 25 November 10:00: a stay a month off is free to change, one arriving
/// tomorrow costs its first night.
extension SuiteCalls {
    /// One language's guests and what they type.
    struct LanguageScript {
        let code: String
        /// The guest who books first and calls again: their phone and name.
        let phone: String
        let name: String
        /// A guest not on file when they first call: their phone.
        let stranger: String
        let live: [SuiteCall]
        let inProcess: [SuiteCall]
    }

    static let traditionalChinese = LanguageScript(
        code: "zh-Hant", phone: "+886 2 2345 6789", name: "陳美玲", stranger: "+852 2345 6789",
        live: [
            SuiteCall("zh-Hant-booking", language: "繁體中文", lines: [
                "訂房", "下星期五", "3晚", "兩間", "家庭房", "+886 2 2345 6789", "陳美玲", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-booking-wrong-answers-fix-cancel", language: "2", lines: [
                "1", "2月30日", "2026年11月20日", "１２月２４日", "12月20日", "60晚", "12月27日", "很多", "９", "1", "總統套房", "2",
                "+886 2 2345 6700", "陳大文", "不對", "1", "12月25日", "12月28日", "不對", "8", "不用了",
            ]),
            // Picks English on the screen and books; known by the phone and the same name, and
            // answered from there on in the language of the last call.
            SuiteCall("zh-Hant-caller-on-file", language: "1", lines: [
                "1", "24 Dec", "2 nights", "1", "1", "+886 2 2345 6789", "陳美玲", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-complaint-repeat-caller", language: "繁體", lines: [
                "投訴", "房務", "浴室的毛巾一直沒有更換。", "請今天補上乾淨的毛巾。", "+886 2 2345 6789", "陳美玲", "是", "１２０４", "不用了",
            ]),
            SuiteCall("zh-Hant-callback-repeat-caller", language: "2", lines: [
                "請我們回電給您", "+886 2 2345 6789", "今天上午9點", "明天早上7點", "明天上午10點半", "想詢問機場接送。", "繁體中文", "陳美玲",
                "不用了",
            ]),
            SuiteCall("zh-Hant-status-unknown-then-complaint-and-callback", language: "2", lines: [
                "查詢", "+852 2345 6789", "1", "12345", "R9999999", "選單", "2", "櫃檯", "辦理入住等了四十分鐘。", "希望能加派櫃檯人手。",
                "黃志明", "否", "是", "3", "是", "現在", "關於投訴的後續。", "2", "不用了",
            ]),
            // Found with the phone, and on to the change menu, where nothing is changed.
            SuiteCall("zh-Hant-status-booking-found", language: "2", lines: [
                "5", "+886 2 2345 6789", "訂房", "$R-1", "好", "不用了", "不用了",
            ]),
            SuiteCall("zh-Hant-status-complaint-found", language: "2", lines: ["5", "+852 2345 6789", "投訴", "T9999999", "$T-1", "不用了"]),
            // Her callback (zh-Hant-callback-repeat-caller: the one before the last one given).
            SuiteCall("zh-Hant-status-callback-found", language: "2", lines: ["5", "+886 2 2345 6789", "回電", "C9999999", "$C-2", "不用了"]),
            // The guest file of her first booking (arriving Friday 4 December: 261204001).
            SuiteCall("zh-Hant-status-guest-file", language: "2", lines: [
                "查詢", "+886 2 2345 6789", "住客檔案", "12345", "261204099", "261204001", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-change-dates-free", language: "2", lines: [
                "6", "$R-1", "+886 2 2345 6789", "改日期", "12月26日", "12月25日", "12月28日", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-change-rooms-room-type-then-full", language: "2", lines: [
                "更改訂房", "$R-1", "+886 2 2345 6789", "房間數", "一間", "換房型", "港景套房", "好", "是",
                "6", "$R-1", "+886 2 2345 6789", "2", "三間", "維持原訂房", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-unknown-number-wrong-phone-locked", language: "2", lines: [
                "6", "R9999999", "+886 2 2345 6789", "$R-1", "+886 2 2345 6780", "$R-1", "+852 2345 6789", "是",
                "6", "$R-1", "+886 2 2345 6789", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-cancel-free", language: "2", lines: [
                "取消訂房", "$R-1", "+886 2 2345 6789", "取消", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-cancelled-twice", language: "2", lines: ["6", "$R-1", "+886 2 2345 6789", "不用了"]),
            // Arriving tomorrow: the free window closed yesterday, so changes cost the first night.
            SuiteCall("zh-Hant-booking-for-tomorrow", language: "2", lines: [
                "訂房", "明天", "2晚", "一間", "豪華大床房", "+886 2 2345 6789", "陳美玲", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-change-dates-fee-refused-then-agreed", language: "2", lines: [
                "6", "$R-1", "+886 2 2345 6789", "改日期", "明天", "3晚", "不要", "是",
                "6", "$R-1", "+886 2 2345 6789", "1", "明天", "3晚", "好", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-cancel-fee-refused-then-agreed", language: "2", lines: [
                "6", "$R-1", "+886 2 2345 6789", "取消訂房", "也許", "不要", "是",
                "取消訂房", "$R-1", "+886 2 2345 6789", "4", "好的", "不用了",
            ]),
            // The guest of the status call arrives today: a stay that has begun, which the
            // survey finds with its number and his phone.
            SuiteCall("zh-Hant-booking-for-today", language: "2", lines: [
                "訂房", "今天", "2晚", "一間", "1", "+852 2345 6789", "黃志明", "是", "不用了",
            ]),
            SuiteCall("zh-Hant-survey-found", language: "2", lines: [
                "問卷", "$R-1", "黃志明", "+852 2345 6789", "是", "5", "4", "6", "4", "5", "4分", "3", "5", "會", "會",
                "早餐可以多一些素食選擇。", "不用了",
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
            // Her guest file, found on her birthday (`birthdayFile`): wished in her language.
            SuiteCall("zh-Hant-status-guest-file-on-a-birthday", language: "2", lines: [
                "查詢", "+886 2 2345 6789", "住客檔案", "261204001", "不用了",
            ]),
            SuiteCall("zh-Hant-booking-full-midnight-save-failed", language: "2", lines: [
                "訂房", "今天", "1晚", "3", "4", "1", "3", "3", "2", "3", "+886 2 2345 6711", "吳家豪", "是", "明天", "3晚", "是", "是", "是",
                "明天上午10點", "想把訂房完成。", "2", "不用了",
            ]),
            SuiteCall("zh-Hant-agent-queue-then-callback", language: "2", lines: [
                "0", "你好？", "1", "+886 2 2345 6722", "明天上午10點", "帳單的問題。", "2", "周雅婷", "不用了",
            ]),
            // Every stage of the work lists (`answerTheWorkLists`): seven callbacks, the wrong
            // number's followed by a new one, and three complaints.
            SuiteCall("zh-Hant-status-work-lists", language: "2", lines: [
                "查詢", "+886 2 2345 6789", "回電", "C1000017", "是", "5", "4", "C1000025", "是", "5", "4", "C1000033", "是", "5", "4",
                "C1000041", "是", "5", "4", "C1000058", "是", "5", "4", "C1000066", "不用", "是", "5", "4", "C1000074", "是", "不是",
                "+886 2 2345 6700", "明天上午11點", "請改撥這個號碼。", "繁體中文", "陳美玲", "是", "5", "投訴", "T1000017", "是", "5", "2",
                "T1000025", "是", "5", "2", "T1000033", "不用了",
            ]),
            SuiteCall("zh-Hant-manage-stay-begun-then-day-over", language: "2", lines: [
                "6", "R1000025", "+886 2 2345 6789", "是", "更改訂房", "R1000017", "+886 2 2345 6789", "改日期", "今天", "2晚",
                "12月26日", "12月28日", "不要", "不用了",
            ]),
        ])

    static let simplifiedChinese = LanguageScript(
        code: "zh-Hans", phone: "+86 138 0013 8000", name: "李娜", stranger: "+86 21 6888 1234",
        live: [
            SuiteCall("zh-Hans-booking", language: "简体中文", lines: [
                "预订", "1月15日", "1月18日", "两间", "标准双人房", "+86 138 0013 8000", "李娜", "是的", "没有了",
            ]),
            SuiteCall("zh-Hans-booking-wrong-answers-fix-cancel", language: "3", lines: [
                "1", "２月３０日", "2026年11月20日", "后天", "今天", "40晚", "3晚", "好多", "两间", "总统套房", "豪华大床房", "+86 21 5555 0101", "赵磊",
                "不对", "4", "家庭房", "不对", "8", "没有了",
            ]),
            SuiteCall("zh-Hans-caller-on-file", language: "1", lines: [
                "1", "20 Jan", "22 Jan", "1", "1", "+86 138 0013 8000", "李娜", "是", "没有",
            ]),
            SuiteCall("zh-Hans-complaint-repeat-caller", language: "简体", lines: [
                "投诉", "餐饮", "早餐的粥是凉的。", "希望明天的早餐注意温度。", "+86 138 0013 8000", "李娜", "是的", "0812", "没有了",
            ]),
            SuiteCall("zh-Hans-callback-repeat-caller", language: "3", lines: [
                "回电", "+86 138 0013 8000", "今天上午9点", "明天晚上9点", "后天下午2点", "想咨询会议室。", "简体中文", "李娜", "没有",
            ]),
            SuiteCall("zh-Hans-status-unknown-then-complaint-and-callback", language: "3", lines: [
                "查询", "+86 21 6888 1234", "预订", "12345", "R9999999", "菜单", "投诉", "设备", "空调一直有噪音，晚上睡不好。", "请尽快安排维修。",
                "张伟", "不是", "是", "3", "是", "尽快", "投诉的后续。", "3", "没有",
            ]),
            SuiteCall("zh-Hans-status-booking-found", language: "3", lines: ["5", "+86 138 0013 8000", "1", "$R-1", "是", "不改了", "没有"]),
            SuiteCall("zh-Hans-status-complaint-found", language: "3", lines: ["5", "+86 21 6888 1234", "2", "T9999999", "$T-1", "没有"]),
            SuiteCall("zh-Hans-status-callback-found", language: "3", lines: ["5", "+86 138 0013 8000", "回电", "C9999999", "$C-2", "没有"]),
            // Her first booking arrives on 15 January, as an English guest's did: 270115002.
            SuiteCall("zh-Hans-status-guest-file", language: "3", lines: [
                "5", "+86 138 0013 8000", "档案", "12345", "270115099", "270115002", "没有",
            ]),
            SuiteCall("zh-Hans-manage-change-dates-free", language: "3", lines: [
                "6", "$R-1", "+86 138 0013 8000", "1", "1月21日", "1月20日", "1月23日", "好", "没有",
            ]),
            SuiteCall("zh-Hans-manage-change-rooms-room-type-then-full", language: "3", lines: [
                "修改预订", "$R-1", "+86 138 0013 8000", "房间数", "一间", "换房型", "4", "是", "是",
                "6", "$R-1", "+86 138 0013 8000", "2", "三间", "保持原样", "没有",
            ]),
            SuiteCall("zh-Hans-manage-unknown-number-wrong-phone-locked", language: "3", lines: [
                "6", "R9999999", "+86 138 0013 8000", "$R-1", "+86 138 0013 8001", "$R-1", "+86 21 6888 1234", "是",
                "6", "$R-1", "+86 138 0013 8000", "没有",
            ]),
            SuiteCall("zh-Hans-manage-cancel-free", language: "3", lines: [
                "取消预订", "$R-1", "+86 138 0013 8000", "取消", "是的", "没有",
            ]),
            SuiteCall("zh-Hans-manage-cancelled-twice", language: "3", lines: ["6", "$R-1", "+86 138 0013 8000", "没有"]),
            SuiteCall("zh-Hans-booking-for-tomorrow", language: "3", lines: [
                "预订", "明天", "2晚", "一间", "豪华大床房", "+86 138 0013 8000", "李娜", "是", "没有",
            ]),
            SuiteCall("zh-Hans-manage-change-dates-fee-refused-then-agreed", language: "3", lines: [
                "6", "$R-1", "+86 138 0013 8000", "改日期", "明天", "3晚", "不要", "是",
                "6", "$R-1", "+86 138 0013 8000", "1", "明天", "3晚", "可以", "没有",
            ]),
            SuiteCall("zh-Hans-manage-cancel-fee-refused-then-agreed", language: "3", lines: [
                "6", "$R-1", "+86 138 0013 8000", "取消预订", "可能吧", "不要", "是",
                "取消预订", "$R-1", "+86 138 0013 8000", "4", "好的", "没有",
            ]),
            SuiteCall("zh-Hans-booking-for-today", language: "3", lines: [
                "预订", "今天", "两晚", "一间", "1", "+86 21 6888 1234", "张伟", "是", "没有",
            ]),
            SuiteCall("zh-Hans-survey-found", language: "3", lines: [
                "4", "$R-1", "张伟", "+86 21 6888 1234", "好", "5", "5", "4", "六", "4", "3", "5", "4", "会", "会", "希望健身房能延长开放时间。",
                "没有",
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
            SuiteCall("zh-Hans-status-guest-file-on-a-birthday", language: "3", lines: [
                "5", "+86 138 0013 8000", "档案", "270115002", "没有",
            ]),
            SuiteCall("zh-Hans-booking-full-midnight-save-failed", language: "3", lines: [
                "预订", "今天", "1晚", "3", "4", "1", "3", "3", "2", "3", "+86 20 3333 4444", "黄磊", "是", "明天", "2晚", "是", "是", "是",
                "明天上午10点", "想把预订完成。", "3", "没有",
            ]),
            SuiteCall("zh-Hans-agent-queue-then-callback", language: "3", lines: [
                "0", "喂？", "1", "+86 10 6666 5555", "明天上午10点", "账单的问题。", "3", "孙丽", "没有",
            ]),
            SuiteCall("zh-Hans-status-work-lists", language: "3", lines: [
                "查询", "+86 138 0013 8000", "回电", "C1000017", "是", "5", "4", "C1000025", "是", "5", "4", "C1000033", "是", "5", "4",
                "C1000041", "是", "5", "4", "C1000058", "是", "5", "4", "C1000066", "不用", "是", "5", "4", "C1000074", "是", "不是",
                "+86 138 0013 8001", "明天上午11点", "请改拨这个号码。", "简体中文", "李娜", "是", "5", "投诉", "T1000017", "是", "5", "2",
                "T1000025", "是", "5", "2", "T1000033", "没有",
            ]),
            SuiteCall("zh-Hans-manage-stay-begun-then-day-over", language: "3", lines: [
                "6", "R1000025", "+86 138 0013 8000", "是", "修改预订", "R1000017", "+86 138 0013 8000", "改日期", "今天", "两晚",
                "12月26日", "12月28日", "不用", "没有",
            ]),
        ])

    static let spanish = LanguageScript(
        code: "es", phone: "+34 611 222 333", name: "José García", stranger: "+52 55 1234 5678",
        live: [
            SuiteCall("es-booking", language: "español", lines: [
                "reservar", "24 de diciembre", "3 noches", "una", "la deluxe", "+34 611 222 333", "José García", "sí", "no, gracias",
            ]),
            SuiteCall("es-booking-wrong-answers-fix-cancel", language: "4", lines: [
                "1", "30 de febrero", "20 de noviembre de 2026", "mañana", "hoy", "40 noches", "el viernes", "muchas", "diez", "dos", "ático", "1",
                "+34 699 111 222", "Carmen Ruiz", "no", "2", "el domingo", "no", "8", "no",
            ]),
            // On the English screen's keyboard he writes his name without its accents.
            SuiteCall("es-caller-on-file", language: "1", lines: [
                "1", "10 Jan", "3 nights", "1", "1", "+34 611 222 333", "Jose Garcia", "sí", "no",
            ]),
            SuiteCall("es-complaint-repeat-caller", language: "español", lines: [
                "queja", "limpieza", "La habitación no estaba limpia cuando llegamos.", "Que la limpien a fondo hoy.", "+34 611 222 333",
                "José García", "sí", "305", "no",
            ]),
            SuiteCall("es-callback-repeat-caller", language: "4", lines: [
                "llamarme", "+34 611 222 333", "hoy a las 9", "mañana a las 22:00", "mañana a las 4 de la tarde",
                "Quiero preguntar por el aparcamiento.", "español", "José García", "no",
            ]),
            SuiteCall("es-status-unknown-then-complaint-and-callback", language: "4", lines: [
                "consultar", "+52 55 1234 5678", "reserva", "12345", "R9999999", "menú", "queja", "recepción",
                "Esperé cuarenta minutos para registrarme.", "Más personal en recepción.", "Lucía Fernández", "no", "sí", "3", "sí", "ahora",
                "Seguimiento de mi queja.", "4", "no",
            ]),
            SuiteCall("es-status-booking-found", language: "4", lines: ["5", "+34 611 222 333", "1", "$R-1", "sí", "nada", "no"]),
            SuiteCall("es-status-complaint-found", language: "4", lines: ["5", "+52 55 1234 5678", "2", "T9999999", "$T-1", "no"]),
            SuiteCall("es-status-callback-found", language: "4", lines: ["5", "+34 611 222 333", "llamada", "C9999999", "$C-2", "no"]),
            // His first booking arrives on 24 December, as an English guest's did: 261224002.
            SuiteCall("es-status-guest-file", language: "4", lines: [
                "consultar", "+34 611 222 333", "mi ficha", "12345", "261224099", "261224002", "no",
            ]),
            SuiteCall("es-manage-change-dates-free", language: "4", lines: [
                "6", "$R-1", "+34 611 222 333", "fechas", "12 de enero", "11 de enero", "15 de enero", "sí", "no",
            ]),
            SuiteCall("es-manage-change-rooms-room-type-then-full", language: "4", lines: [
                "modificar mi reserva", "$R-1", "+34 611 222 333", "habitaciones", "una", "tipo", "4", "sí", "sí",
                "6", "$R-1", "+34 611 222 333", "2", "tres", "nada", "no",
            ]),
            SuiteCall("es-manage-unknown-number-wrong-phone-locked", language: "4", lines: [
                "6", "R9999999", "+34 611 222 333", "$R-1", "+34 611 222 334", "$R-1", "+52 55 1234 5678", "sí",
                "6", "$R-1", "+34 611 222 333", "no",
            ]),
            SuiteCall("es-manage-cancel-free", language: "4", lines: [
                "cancelar mi reserva", "$R-1", "+34 611 222 333", "cancelar", "sí", "no",
            ]),
            SuiteCall("es-manage-cancelled-twice", language: "4", lines: ["6", "$R-1", "+34 611 222 333", "no"]),
            SuiteCall("es-booking-for-tomorrow", language: "4", lines: [
                "reservar", "mañana", "2 noches", "una", "la deluxe", "+34 611 222 333", "José García", "sí", "no",
            ]),
            SuiteCall("es-manage-change-dates-fee-refused-then-agreed", language: "4", lines: [
                "6", "$R-1", "+34 611 222 333", "fechas", "mañana", "3 noches", "no", "sí",
                "6", "$R-1", "+34 611 222 333", "1", "mañana", "3 noches", "de acuerdo", "no",
            ]),
            SuiteCall("es-manage-cancel-fee-refused-then-agreed", language: "4", lines: [
                "6", "$R-1", "+34 611 222 333", "cancelar", "quizás", "no", "sí",
                "anular la reserva", "$R-1", "+34 611 222 333", "4", "vale", "no",
            ]),
            SuiteCall("es-booking-for-today", language: "4", lines: [
                "reservar", "hoy", "2 noches", "una", "1", "+52 55 1234 5678", "Lucía Fernández", "sí", "no",
            ]),
            // Found by the number with the name on it, written without its accents.
            SuiteCall("es-survey-found", language: "4", lines: [
                "encuesta", "$R-1", "Lucia Fernandez", "+52 55 1234 5678", "sí", "5", "4", "seis", "4", "5", "3", "5", "4", "sí", "claro",
                "Más opciones vegetarianas en el desayuno.", "no",
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
            SuiteCall("es-status-guest-file-on-a-birthday", language: "4", lines: [
                "consultar", "+34 611 222 333", "mi ficha", "261224002", "no",
            ]),
            SuiteCall("es-booking-full-midnight-save-failed", language: "4", lines: [
                "reservar", "hoy", "1 noche", "3", "4", "1", "3", "3", "2", "3", "+34 644 555 666", "Andrés Molina", "sí", "mañana", "2 noches", "sí",
                "sí", "sí", "mañana a las 10", "Para terminar mi reserva.", "4", "no",
            ]),
            SuiteCall("es-agent-queue-then-callback", language: "4", lines: [
                "0", "¿hola?", "1", "+34 655 666 777", "mañana a las 10", "Sobre mi factura.", "4", "Elena Torres", "no",
            ]),
            SuiteCall("es-status-work-lists", language: "4", lines: [
                "consultar", "+34 611 222 333", "llamada", "C1000017", "sí", "5", "4", "C1000025", "sí", "5", "4", "C1000033", "sí", "5", "4",
                "C1000041", "sí", "5", "4", "C1000058", "sí", "5", "4", "C1000066", "no", "sí", "5", "4", "C1000074", "sí", "no",
                "+34 611 222 334", "mañana a las 11", "Llamen a este otro número, por favor.", "español", "José García", "sí", "5", "queja",
                "T1000017", "sí", "5", "2", "T1000025", "sí", "5", "2", "T1000033", "no",
            ]),
            SuiteCall("es-manage-stay-begun-then-day-over", language: "4", lines: [
                "6", "R1000025", "+34 611 222 333", "sí", "cambiar la reserva", "R1000017", "+34 611 222 333", "fechas", "hoy", "2 noches",
                "26 de diciembre", "28 de diciembre", "no", "no",
            ]),
        ])

    static let otherLanguages = [traditionalChinese, simplifiedChinese, spanish]

    /// The other languages' live calls, after the English ones.
    static var liveInOtherLanguages: [SuiteCall] { otherLanguages.flatMap(\.live) }

    /// How the in-process calls of the other languages are answered: a booking with no
    /// Harbour Suite left, then too few family rooms; saved after midnight (today is over),
    /// then refused by the disk, and the callback after it too. A person: queued, then left.
    /// A booking to change: R1000025 begun (the front desk's now), any other the guest's own
    /// Deluxe King of 24-27 December, free to change, whose change to a day now over (today,
    /// after midnight) is refused.
    static var inProcessInOtherLanguages: [(call: SuiteCall, answer: @Sendable (ActionRequest) -> ActionOutcome?)] {
        otherLanguages.flatMap { script in
            script.inProcess.map { call in
                let failsCallbacks = call.name.hasSuffix("save-failed")
                let booking = foundBooking(named: script.name)
                let workLists = answerTheWorkLists(in: script.code)
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
                    case .findBooking(let reference, _):
                        return reference == "R1000025" ? .bookingClosed : booking
                    case .quoteChange(let draft):
                        return draft.checkIn == CivilDate(year: 2026, month: 11, day: 25) ? .datesPassed : .quoted(quote(draft, fee: 0))
                    case .findCallback, .findComplaint:
                        return workLists(request)
                    case .findGuestFile:
                        return birthdayFile(named: script.name, stayed: false)
                    default:
                        return nil
                    }
                })
            }
        }
    }

    /// `foundBooking` under the name of another language's guest.
    static func foundBooking(named name: String) -> ActionOutcome {
        guard case .foundBooking(var summary) = foundBooking else { return foundBooking }
        summary.guestName = name
        return .foundBooking(summary)
    }
}
