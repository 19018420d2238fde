"""Messages of ``quizhall serve``."""

MESSAGES = {
    "serve.help": ("在局域网内用浏览器练习：每个浏览器会话先签到，作为各自的学员练习",
                   "practice in browsers on the local network: each browser session signs in "
                   "and practises as its own trainee"),
    "serve.banks_help": ("提供练习的题库", "the banks offered"),
    "serve.host_help": ("监听的地址（默认：本机的局域网地址；0.0.0.0 表示所有网卡）",
                        "address to listen on (default: this machine's local network address; "
                        "0.0.0.0 for every interface)"),
    "serve.port_help": ("端口（默认 {port}）", "port (default {port})"),
    "serve.join_code_help": ("本场加入码：签到时必须输入", "the room's join code, asked at sign-in"),
    "serve.title_help": ("浏览器标签页上的标题", "the title shown in the browser tab"),
    "serve.default_title": ("quizhall 练习室", "quizhall training room"),
    "serve.bad_port": ("端口必须在 1–65535 之间，而不是 {port}",
                       "the port must be between 1 and 65535, not {port}"),
    "serve.serving": ("练习室已开放：请在浏览器中打开 {url}（已有学员 {trainees} 人，存储位置 {path}）；"
                      "按 Ctrl+C 结束",
                      "the training room is open: browse to {url} ({trainees} trainees so far, "
                      "store: {path}); Ctrl+C ends it"),
    "serve.join_code_set": ("签到时需要输入加入码", "signing in asks for the join code"),
    "serve.display_help": ("改为提供比赛的投影画面（只读，不接受按键）；不填编号则为最近一场进行中的比赛",
                           "serve a contest's projector view instead (read-only: no key reaches "
                           "the contest); without an id, the latest running contest"),
    "serve.banks_or_display": ("请给出练习用的题库，或用 --display 提供比赛的投影画面",
                               "give the banks to practise on, or --display to serve a "
                               "contest's projector view"),
    "serve.banks_and_display": ("--display 提供投影画面，不需要题库",
                                "--display serves the projector view: it takes no banks"),
    "serve.display_title": ("quizhall 投影画面", "quizhall projector"),
    "serve.serving_display": ("投影画面已开放（只读）：请在浏览器中打开 {url}；按 Ctrl+C 结束",
                              "the projector view is open (read-only): browse to {url}; "
                              "Ctrl+C ends it"),
}
