"""Messages about user files: YAML reading and the value checks shared by banks and contests."""

MESSAGES = {
    "diag.error": ("错误", "error"),
    "diag.warning": ("警告", "warning"),
    "diag.with_hint": ("{text}（{hint}）", "{text} ({hint})"),
    "diag.did_you_mean": ("是否想写 {suggestion}？", "did you mean {suggestion}?"),
    "diag.not_found": ("找不到文件", "file not found"),
    "diag.is_directory": ("这是一个目录，不是文件", "this is a directory, not a file"),
    "diag.unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "diag.too_large": (
        "文件有 {size} MB，超过上限 {limit} MB",
        "the file is {size} MB, over the {limit} MB limit",
    ),
    "diag.too_many_values": (
        "{what} 展开别名（*名称）后超过 {limit} 个值或 {depth} 层嵌套（别名是否指向自身？）",
        "{what} holds more than {limit} values or {depth} levels once its aliases (*name) are "
        "expanded (does an alias refer to itself?)"),
    "diag.not_regular": ("不是普通文件（管道、设备等），未读取",
                         "not a regular file (a pipe, a device …); it was not read"),
    "diag.too_large_hint": ("请拆分为多个文件", "split it into several files"),
    "diag.too_deep": (
        "嵌套超过 {limit} 层，文件无法读取",
        "the file nests more than {limit} levels deep and cannot be read",
    ),
    "diag.empty_file": ("文件是空的", "the file is empty"),
    "diag.binary": (
        "这不是文本文件（第 {offset} 字节处有二进制内容）",
        "this is not a text file (binary content at byte {offset})",
    ),
    "diag.not_utf8": (
        "文件不是 UTF-8 编码（第 {offset} 字节无法解码）",
        "the file is not UTF-8 (byte {offset} cannot be decoded)",
    ),
    "diag.not_utf8_hint": ("请另存为 UTF-8", "save it as UTF-8"),
    "diag.yaml_syntax": ("YAML 语法错误：{problem}", "YAML syntax error: {problem}"),
    "diag.yaml_tab_hint": (
        "YAML 不允许用制表符缩进，请改用空格",
        "YAML does not allow tabs for indentation: use spaces",
    ),
    "diag.yaml_quote_hint": ("检查引号是否成对", "check that every quote is closed"),
    "diag.yaml_unclosed_quote": (
        "YAML 语法错误：从这里开始的引号没有闭合",
        "YAML syntax error: the quote that opens here is never closed",
    ),
    "diag.yaml_escape_hint": (
        "双引号里的反斜杠表示转义；要写反斜杠本身，请改用单引号",
        "inside double quotes a backslash starts an escape: use single quotes for a "
        "literal backslash",
    ),
    "diag.yaml_bracket_hint": (
        "检查方括号与花括号是否成对，各项之间是否用逗号分隔",
        "check that every opening bracket or brace is closed and items are separated by commas",
    ),
    "diag.yaml_indent_hint": (
        "检查这一行及上一行的缩进是否对齐",
        "check that this line and the one above are indented alike",
    ),
    "diag.yaml_multiple_documents": (
        "文件里有多个 YAML 文档（---），只能有一个",
        "the file holds several YAML documents (---); only one is allowed",
    ),
    "diag.tag_refused": (
        "不允许使用 YAML 标签 {tag}：文件内容只作为数据读取，不会被执行",
        "YAML tag {tag} is not allowed: file content is read as data and never executed",
    ),
    "diag.expected_mapping": ("{what} 应当是映射（键: 值）", "{what} should be a mapping (key: value)"),
    "diag.expected_list": ("{what} 应当是列表", "{what} should be a list"),
    "diag.expected_text": ("{what} 应当是文本", "{what} should be text"),
    "diag.expected_number": ("{what} 应当是数字", "{what} should be a number"),
    "diag.number_too_large": ("{what} 的数值太大", "{what} is too large a number"),
    "diag.expected_integer": ("{what} 应当是整数", "{what} should be a whole number"),
    "diag.expected_bool": ("{what} 应当是 true 或 false", "{what} should be true or false"),
    "diag.out_of_range": (
        "{what} 应在 {low} 到 {high} 之间，实际为 {value}",
        "{what} should be between {low} and {high}, not {value}",
    ),
    "diag.at_least": ("{what} 至少应为 {low}，实际为 {value}", "{what} should be at least {low}, not {value}"),
    "diag.at_most": ("{what} 至多应为 {high}，实际为 {value}", "{what} should be at most {high}, not {value}"),
    "diag.not_positive": ("{what} 应当大于 0", "{what} should be greater than 0"),
    "diag.negative": ("{what} 不能为负数", "{what} cannot be negative"),
    "diag.empty_text": ("{what} 不能为空", "{what} cannot be empty"),
    "diag.empty_list": ("{what} 不能为空列表", "{what} cannot be an empty list"),
    "diag.missing_key": ("缺少必填项 {key}", "missing required key {key}"),
    "diag.unknown_key": ("未知的键 {key}", "unknown key {key}"),
    "diag.duplicate_key": (
        "键 {key} 重复，第一次出现在第 {line} 行",
        "duplicate key {key}; first seen on line {line}",
    ),
    "diag.key_not_text": ("键应当是文本", "keys should be text"),
    "diag.control_chars": (
        "{what} 含有终端控制字符 {chars}，将按原样显示为文本",
        "{what} contains terminal control characters {chars}; they will be shown as text",
    ),
    "diag.control_chars_hint": (
        "多半是复制粘贴带进来的，建议删除",
        "probably a copy-paste accident: remove them",
    ),
    "diag.not_a_top_mapping": (
        "文件顶层应当是映射（键: 值），实际是{kind}",
        "the top level of the file should be a mapping (key: value), not {kind}",
    ),
    "diag.kind_list": ("列表", "a list"),
    "diag.kind_text": ("文本", "text"),
}
