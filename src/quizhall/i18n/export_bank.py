"""Messages of ``quizhall export-bank`` and of the bank exporters (YAML, GIFT, XLSX)."""

MESSAGES = {
    "export_bank.help": ("把题库导出为 YAML、GIFT（Moodle）或 Excel 模板",
                         "export a bank as YAML, GIFT (Moodle) or an Excel template"),
    "export_bank.bank_help": ("要导出的题库文件", "the bank file to export"),
    "export_bank.output_help": ("写出的文件", "the file to write"),
    "export_bank.format_help": ("格式：yaml、gift 或 xlsx（默认按输出文件的扩展名）",
                                "format: yaml, gift or xlsx (default: from the output's suffix)"),
    "export_bank.cannot_tell_format": ("无法从文件名判断格式，请用 --format 指定（可用：{formats}）",
                                       "cannot tell the format from the file name; give "
                                       "--format (available: {formats})"),
    "export_bank.unknown_format": ("不认识的格式 {format}（可用：{formats}）",
                                   "unknown format {format} (available: {formats})"),
    "export_bank.bank_has_errors": ("题库有错误，未导出", "the bank has errors; nothing was exported"),
    "export_bank.cannot_write": ("无法写出 {path}：{reason}", "cannot write {path}: {reason}"),
    "export_bank.written": ("已写出 {path}", "wrote {path}"),
    "export_bank.yaml_format": ("YAML 题库（规范格式）", "YAML bank (normalised)"),
    "export_bank.gift_format": ("Moodle GIFT 文本", "Moodle GIFT text"),
    "export_bank.xlsx_format": ("Excel 题库模板（可再导入）",
                                "Excel question template (imports back)"),
    "export_bank.levels_lost": ("{count} 个关卡未导出：该格式不能保存关卡",
                                "{count} levels were not exported: the format cannot hold them"),
    "export_bank.gift_type": ("{id}：GIFT 没有{type}题，未导出",
                              "{id}: GIFT has no {type} questions; left out"),
    "export_bank.gift_blanks": ("{id}：GIFT 的填空题只能有一个空，这题有 {count} 个，未导出",
                                "{id}: a GIFT fill question has one blank, this one has "
                                "{count}; left out"),
    "export_bank.gift_arrow": ("{id}：答案中含有 ->，GIFT 会误读，未导出",
                               "{id}: an answer contains ->, which GIFT would misread; left out"),
    "export_bank.gift_strict": ("{id}：GIFT 不能表示严格匹配（strict），导入 Moodle 后按默认方式比对",
                                "{id}: GIFT cannot say strict: Moodle will compare answers its "
                                "default way"),
    "export_bank.gift_proportional": (
        "{id}：Moodle 对多选题按权重给部分分，原来的“全对才得分”规则会改变",
        "{id}: Moodle gives multiple-choice questions partial credit by weight; the bank's "
        "own scoring rule changes",
    ),
    "export_bank.gift_short_explanation": (
        "{id}：简答题的 GIFT 总体反馈用来存放参考答案，解析未导出",
        "{id}: a short question's GIFT general feedback holds its reference answer; the "
        "explanation is left out",
    ),
    "export_bank.gift_keywords": ("{id}：GIFT 不能保存得分关键词", "{id}: GIFT cannot hold keywords"),
    "export_bank.gift_unit": ("{id}：GIFT 不能保存单位 {unit}", "{id}: GIFT cannot hold the unit {unit}"),
    "export_bank.gift_tag_bracket": ("{id}：含有 ] 的标签无法写入 GIFT，已略去",
                                     "{id}: tags containing ] cannot be written in GIFT; left out"),
    "export_bank.gift_lost_field": ("{count} 道题的 {field} 未导出：GIFT 不能保存它",
                                    "{field} of {count} questions is not exported: GIFT cannot "
                                    "hold it"),
    "export_bank.xlsx_list_item": (
        "{id}：有标签、关键词或干扰项含有分隔符（| , 、 ；）或首尾空格，再导入时会被拆开",
        "{id}: a tag, keyword or distractor contains a separator (| , 、 ；) or outer spaces; "
        "importing it back would split it",
    ),
    "export_bank.xlsx_fill_text": ("{id}：填空答案含有 ；或 |，再导入时会被拆开",
                                   "{id}: a fill answer contains ； or |; importing it back "
                                   "would split it"),
    "export_bank.xlsx_pair_text": ("{id}：连线题的某一边含有箭头、= 或分隔符，再导入时会被拆开",
                                   "{id}: a match side contains an arrow, = or a separator; "
                                   "importing it back would split it"),
    "export_bank.xlsx_carriage_return": ("{id}：回车符（CR）在 Excel 中会变成换行",
                                         "{id}: a carriage return (CR) becomes a line feed in "
                                         "Excel"),
    "export_bank.xlsx_picture_lost": ("{id}：图片 {file} 无法读取，未放入工作簿",
                                      "{id}: picture {file} cannot be read and is not in the workbook"),
    "export_bank.xlsx_control_chars": ("{id}：Excel 不能保存的控制字符已改为可见符号（␁ 等）",
                                       "{id}: control characters Excel cannot hold were written "
                                       "as visible symbols (␁ …)"),
}
