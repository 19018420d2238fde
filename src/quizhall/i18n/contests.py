"""Messages of ``quizhall contests``."""

MESSAGES = {
    "contests.help": ("列出保存的比赛：状态、参赛队、事件数、最后事件时间",
                      "list stored contests: status, teams, events, last event time"),
    "contests.json_help": ("以 JSON 输出", "print the list as JSON"),
    "contests.none": ("还没有比赛记录（存储位置 {path}）", "no contests yet (store: {path})"),
    "contests.col_id": ("编号", "id"),
    "contests.col_title": ("名称", "title"),
    "contests.col_status": ("状态", "status"),
    "contests.col_teams": ("参赛队", "teams"),
    "contests.col_events": ("事件数", "events"),
    "contests.col_last": ("最后事件", "last event"),
    "contests.team_separator": ("、", ", "),
}
