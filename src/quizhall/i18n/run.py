"""Messages of ``quizhall run``."""

MESSAGES = {
    "run.help": ("主持一场现场竞赛（主持人控制台）", "host a live contest (the host console)"),
    "run.contest_help": ("竞赛文件（*.contest.yaml）", "the contest file (*.contest.yaml)"),
    "run.single_help": ("单屏模式：主持人屏幕即观众屏幕，揭晓前不显示答案",
                        "one screen for host and hall: answers stay hidden until revealed"),
    "run.no_timer_help": ("不计时（无障碍）：新比赛关闭所有时间限制，由主持人判定",
                          "no timers (accessibility): a new contest has no time limits; the host judges"),
    "run.no_bell_help": ("不响铃", "no terminal bell"),
    "run.no_motion_help": ("关闭动画（比分名次变化不滑动）", "no motion: rank changes on the scoreboard do not slide"),
    "run.images_help": ("题目图片的显示方式：auto 询问终端（Kitty 图形协议、Sixel，否则半格色块）；off 只显示图片的文字说明（默认 auto）",
                        "how question pictures are drawn: auto asks the terminal (Kitty graphics, Sixel, "
                        "else half-blocks); off shows the pictures' descriptions instead (default auto)"),
    "run.theme_help": ("配色：dark（深色，默认）或 light（浅色）", "colours: dark (default) or light"),
    "run.resume_help": ("直接继续这个竞赛文件最近一场未完成的比赛",
                        "continue the latest unfinished contest from this file directly"),
    "run.buzzer_help": ("另外启用的抢答器来源，如 serial:/dev/ttyUSB0（可多次使用）",
                        "another buzzer source, e.g. serial:/dev/ttyUSB0 (repeatable)"),
    "run.audience_help": ("同时开启观众手机答题（在局域网地址上提供网页，投影显示二维码和加入码）",
                          "let the audience play on their phones (a web page on the LAN address; "
                          "the projector shows a QR code and the join code)"),
    "run.audience_bind_help": ("观众网页监听的地址（默认：本机局域网地址；0.0.0.0 为所有网卡）",
                               "address the audience page listens on (default: this machine's LAN "
                               "address; 0.0.0.0 for every interface)"),
    "run.audience_port_help": ("观众网页的端口（默认 8080）", "port of the audience page (default 8080)"),
    "run.no_file": ("找不到竞赛文件：{path}", "no such contest file: {path}"),
    "run.no_buzzer": ("没有名为“{name}”的抢答器来源（可用：{names}）",
                      "no buzzer source named \"{name}\" (available: {names})"),
    "run.buzzer_no_argument": ("抢答器来源“{name}”不接受参数", "buzzer source \"{name}\" takes no argument"),
    "run.nothing_to_resume": ("没有由 {path} 开始、尚未完成的比赛可以继续",
                              "no unfinished contest was started from {path}"),
    "run.where": ("比赛记录：{id}（quizhall display {id} 可在第二个终端投屏）",
                  "contest record: {id} (quizhall display {id} shows it in a second terminal)"),
}
