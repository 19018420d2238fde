"""Messages of ``quizhall trainees``."""

MESSAGES = {
    "trainees.help": ("列出练习过的学员：答题数、正确率、最近练习、错题本、通过的模拟考试",
                      "list the trainees who practised: answers, accuracy, last practice, "
                      "notebook, mock exams passed"),
    "trainees.json_help": ("以 JSON 输出", "print the list as JSON"),
    "trainees.none": ("还没有学员记录（存储位置 {path}）", "no trainees yet (store: {path})"),
    "trainees.col_user": ("学员", "trainee"),
    "trainees.col_answers": ("答题数", "answers"),
    "trainees.col_accuracy": ("正确率", "accuracy"),
    "trainees.col_last": ("最近练习", "last practice"),
    "trainees.col_notebook": ("错题本", "notebook"),
    "trainees.col_exams": ("考试通过/交卷", "exams passed/handed in"),
}
