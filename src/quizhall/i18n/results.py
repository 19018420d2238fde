"""Messages of ``quizhall results``."""

MESSAGES = {
    "results.help": ("由保存的事件日志计算比赛成绩（中途中断的比赛也可以）",
                     "standings folded from a stored contest's log (stopped ones too)"),
    "results.id_help": ("比赛编号（quizhall contests 列出）", "contest id (quizhall contests "
                        "lists them)"),
    "results.json_help": ("以 JSON 输出", "print as JSON"),
    "results.ledger_help": ("列出每一次得分变动及其事件", "list every change of score and its "
                            "event"),
    "results.no_contest": ("没有编号为 {id} 的比赛", "there is no contest {id}"),
    "results.unreadable": ("比赛 {id} 的日志无法解读：{error}",
                           "the log of contest {id} cannot be read: {error}"),
    "results.ledger_move": ("#{seq} {what}", "#{seq} {what}"),
    "results.ledger_line": ("#{seq} {team} {points}（{why}）", "#{seq} {team} {points} ({why})"),
    "results.no_banks": ("找不到本场比赛的题库，题干和答案从略：{reason}",
                         "the contest's banks were not found, so question texts and answers "
                         "are left out: {reason}"),
    "results.no_source": ("没有记录比赛文件", "no contest file was recorded"),
    "results.source_missing": ("比赛文件 {path} 不存在", "the contest file {path} is gone"),
    "results.source_unreadable": ("比赛文件 {path} 或其题库无法读取",
                                  "the contest file {path} or its banks cannot be read"),
}
