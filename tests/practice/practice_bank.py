"""The small bank the practice tests share, and the moment their clocks start."""

from datetime import UTC, datetime

from quizhall.bank.loader import parse_bank

BANK = """\
bank: {id: law, title: 劳动法练习}
levels:
  - {id: L1, title: 第一关 劳动合同, tags: [合同], pass: 0.6}
  - {id: L2, title: 第二关 工资, tags: [工资], pass: 0.8}
  - {id: L3, title: 第三关 安全, tags: [安全]}
questions:
  - {id: s1, type: single, stem: 用人单位自用工之日起即与劳动者建立（）。,
     options: {A: 劳动关系, B: 劳务关系, C: 雇佣关系, D: 合作关系}, answer: A,
     explanation: 用工之日起即建立劳动关系。, source: 《劳动合同法》第七条,
     tags: [合同], difficulty: 1}
  - {id: s2, type: single, stem: 试用期最长不得超过（）个月。, options: [一, 三, 六, 十二],
     answer: C, tags: [合同], difficulty: 2}
  - {id: s3, type: single, stem: 工资应当以（）形式支付。, options: [货币, 实物, 有价证券],
     answer: A, tags: [工资], difficulty: 1, shuffle: false}
  - {id: s4, type: single, stem: 加班工资不低于工资的（）。, options: [百分之一百五十, 百分之一百],
     answer: A, tags: [工资], difficulty: 3, points: 2}
  - {id: m1, type: multiple, stem: 劳动合同应当具备哪些条款？,
     options: [期限, 工作内容, 报酬, 爱好], answer: ABC, tags: [合同], difficulty: 2}
  - {id: m2, type: multiple, stem: 哪些属于工资？, options: [计时工资, 奖金, 差旅费],
     answer: AB, tags: [工资]}
  - {id: j1, type: judge, stem: 劳动合同应当以书面形式订立。, answer: 对, tags: [合同]}
  - {id: j2, type: judge, stem: 用人单位可以扣押劳动者身份证。, answer: 错, tags: [合同, 安全]}
  - {id: j3, type: judge, stem: 特种作业人员须持证上岗。, answer: 对, tags: [安全]}
  - {id: f1, type: fill, stem: 劳动者享有____和____的权利。, answer: [[平等就业], [选择职业]],
     tags: [安全]}
  - {id: n1, type: numeric, stem: 法定标准工作时间每日不超过几小时？, answer: 8, unit: 小时,
     tags: [工资]}
  - {id: o1, type: order, stem: 排列劳动争议处理顺序。, options: [协商, 调解, 仲裁, 诉讼],
     answer: ABCD, tags: [安全]}
  - {id: k1, type: match, stem: 连线：机构与职责。, answer: {仲裁委: 裁决争议, 工会: 维护权益},
     distractors: [发放工资], tags: [安全]}
  - {id: h1, type: short, stem: 简述劳动合同解除的情形。, answer: 协商一致可以解除。, tags: [合同]}
"""

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def make_bank(text: str = BANK):
    bank, diagnostics = parse_bank(text, "law.yaml")
    assert bank is not None, [d.format() for d in diagnostics]
    return bank
