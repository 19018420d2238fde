"""Messages of ``quizhall demo``."""

MESSAGES = {
    "demo.help": ("演示：用示例竞赛（三支队伍、六种轮次）体验主持人控制台",
                  "a demonstration: the sample contest (three teams, six round types) on the host console"),
    "demo.where_help": ("只显示随附示例题库与示例竞赛所在的文件夹（可用于 quizhall check、rehearse、practice）",
                        "only print the folder of the sample banks and contests shipped with quizhall (for quizhall check, rehearse, practice)"),
    "demo.guide": ("演示 · {next} 下一步 · {open} 开抢/开始计时 · 抢答键 {teams} · {right}/{wrong} 判对/错 · {reveal} 揭晓 · {undo} 撤销 · {help} 全部按键 · {quit} 退出",
                   "Demo · {next} next · {open} open buzzers/start clock · buzzers {teams} · {right}/{wrong} right/wrong · {reveal} reveal · {undo} undo · {help} all keys · {quit} quit"),
}
