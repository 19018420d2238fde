"""Messages of ``quizhall check``."""

MESSAGES = {
    "check.help": ("检查题库与竞赛文件，列出全部错误并给出统计",
                   "lint question banks and contest files, list every problem, summarise"),
    "check.paths_help": ("题库或竞赛文件，或包含它们的目录",
                         "bank or contest files, or directories holding them"),
    "check.json_help": ("以 JSON 输出报告", "print the report as JSON"),
    "check.total": ("共 {count} 道题", "{count:n/question/questions}"),
    "check.by_type": ("题型：", "by type:"),
    "check.by_tag": ("标签：", "by tag:"),
    "check.by_level": ("关卡：", "by level:"),
    "check.by_paper": ("试卷（题数）：", "papers (questions):"),
    "check.by_difficulty": ("难度：", "by difficulty:"),
    "check.contest": ("竞赛 {title}：{teams} 支队伍，{rounds} 轮",
                      "contest {title}: {teams:n/team/teams}, {rounds:n/round/rounds}"),
    "check.contest_round": ("{number}. {title}（{type}）：{questions} 道题",
                            "{number}. {title} ({type}): {questions:n/question/questions}"),
    "check.campaign": ("活动 {id} {title}（{opens} 至 {closes}）：{banks} 个题库，{levels} 个关卡，"
                       "{papers} 套试卷，{units} 个单位",
                       "campaign {id} {title} ({opens} to {closes}): {banks:n/bank/banks}, "
                       "{levels:n/level/levels}, {papers:n/paper/papers}, {units:n/unit/units}"),
    "check.result": ("检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告",
                     "checked {files:n/file/files}: {errors:n/error/errors}, "
                     "{warnings:n/warning/warnings}"),
}
