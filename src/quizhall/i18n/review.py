"""Messages of ``quizhall review``."""

MESSAGES = {
    "review.help": ("错题本：列出学员待复习的题目", "the mistake notebook: list a trainee's questions to review"),
    "review.banks_help": ("题库（显示题干与答案；只列出这些题库中的题）", "banks (to show stems and answers; only their questions are listed)"),
    "review.user_help": ("学员名（默认为当前系统用户）", "trainee name (default: the system user)"),
    "review.due_help": ("只列出现在到期的题", "only the questions due now"),
    "review.json_help": ("以 JSON 输出", "print JSON"),
    "review.heading_due": ("{user} 现在待复习 {count} 题（错题本共 {total} 题）",
                           "{user}: {count} due now ({total} in the notebook)"),
    "review.heading_all": ("{user} 的错题本共 {total} 题", "{user}: {total} in the notebook"),
}
