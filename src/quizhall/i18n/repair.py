"""Messages of ``quizhall repair``."""

MESSAGES = {
    "repair.help": ("修复中间损坏的比赛记录，让比赛继续（先保留原文件副本）",
                    "repair a contest log damaged in the middle so the contest can go on "
                    "(a copy of the original is kept first)"),
    "repair.id_help": ("比赛编号（quizhall contests 列出全部比赛）",
                       "the contest id (quizhall contests lists them)"),
    "repair.dry_run_help": ("只列出损坏之处，不作改动", "only show what is damaged; change nothing"),
    "repair.whole": ("比赛 {id} 的记录完好（{count} 条事件），无需修复",
                     "the log of contest {id} is whole ({count} events): nothing to repair"),
    "repair.found": ("比赛 {id} 的记录损坏之处：{runs}", "contest {id}: damaged: {runs}"),
    "repair.dry_run": ("修复将保留 {count} 条完整事件，{lost} 条事件已丢失；未作改动"
                       "（去掉 --dry-run 即修复 {id}）",
                       "a repair keeps the {count} intact events; {lost} events are lost. "
                       "Nothing was changed (run without --dry-run to repair {id})"),
    "repair.done": ("已修复：保留 {count} 条完整事件，{lost} 条事件丢失（在记录中标明）；"
                    "原文件保存在 {original}。现在可以继续比赛（quizhall run --resume 或 "
                    "quizhall rehearse --resume {id}）",
                    "repaired: the {count} intact events are kept, {lost} events were lost "
                    "(marked in the log); the original file is kept as {original}. The "
                    "contest can go on now (quizhall run --resume, or quizhall rehearse "
                    "--resume {id})"),
}
