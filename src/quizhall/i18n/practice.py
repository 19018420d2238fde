"""Messages of self-test: the practice engine, ``quizhall practice`` and its screens."""

MESSAGES = {
    # answering
    "practice.judge_true": ("正确", "True"),
    "practice.judge_false": ("错误", "False"),
    "practice.input_fill": ("请填写全部 {count} 个空", "fill in all {count} blanks"),
    "practice.input_judge": ("请先自评：答对按 y，答错按 n", "judge yourself first: y if right, n if wrong"),
    "practice.input_number": ("请输入一个数", "type a number"),
    "practice.input_judge_choice": ("请选择 A（正确）或 B（错误）", "choose A (true) or B (false)"),
    "practice.input_single": ("请选择一个选项", "choose one option"),
    "practice.input_multiple": ("请至少选择一个选项，且不要重复", "choose at least one option, each once"),
    "practice.input_order": ("请按顺序输入全部 {count} 个选项字母", "type all {count} option letters in order"),
    "practice.input_pair": ("无法识别的配对：{pair}", "no such pair: {pair}"),
    "practice.input_match": ("请为全部 {count} 项配对，例如 1B 2A", "pair all {count} items, for example 1B 2A"),
    "practice.input_letter": ("没有选项 {letter}（可选 A–{last}）", "there is no option {letter} (A–{last})"),
    # mock exam
    "practice.bad_quota": ("无法识别的题型配额：{part}（例如 single=20,multiple=10,judge=10）",
                           "cannot read the quota {part} (for example single=20,multiple=10,judge=10)"),
    "practice.quota_over_count": ("各题型配额合计 {quotas} 道，超过了总题数 {count}",
                                  "the quotas add up to {quotas} questions, more than the count {count}"),
    "practice.too_few_questions": ("需要 {wanted} 道题，可用的只有 {have} 道",
                                   "{wanted} questions wanted, only {have} available"),
    "practice.too_few_of_type": ("需要 {wanted} 道{type}题，题库中只有 {have} 道",
                                 "{wanted} {type} questions wanted, the banks hold only {have}"),
    "practice.exam_missing": ("无法继续上次的考试：题目 {key} 不在已加载的题库中",
                              "cannot resume the last exam: question {key} is not in the loaded banks"),
}
