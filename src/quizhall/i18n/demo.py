"""Messages of ``quizhall demo``."""

MESSAGES = {
    "demo.help": ("演示：用自带的示例题库运行", "a demonstration on the sample banks"),
    "demo.intro": ("示例题库位于 {path}", "the sample banks are in {path}"),
}
