"""Messages of ``quizhall display``."""

MESSAGES = {
    "display.help": ("投屏：在第二个终端实时显示比赛（只读）",
                     "the projector: follow a contest live in a second terminal (read-only)"),
    "display.id_help": ("比赛记录的编号（quizhall contests 可列出）；不填则显示最近一场进行中的比赛",
                        "the contest's id (quizhall contests lists them); default: the latest running contest"),
    "display.watch_only_help": ("只观看：按键不转给主持人控制台（quizhall serve --display 使用）",
                                "watch only: keys are not handed to the host console (what "
                                "quizhall serve --display runs)"),
    "display.no_timer_help": ("不显示倒计时（无障碍）", "hide the countdown (accessibility)"),
    "display.none_running": ("没有进行中的比赛。先在主持人终端运行 quizhall run。",
                             "no contest is running. Start one with quizhall run first."),
}
