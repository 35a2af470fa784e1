"""Regenerate resources/demo/demo.rdproj, the built-in demo report (a fictional agency).

Run from the repository root: `python tools/make_demo.py`. The demo must pass `reportdesk check`
with no error and no warning (tests/test_demo.py).
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportdesk.formats import PART2, PART3, PART4, CellRef  # noqa: E402
from reportdesk.model.opening import standard_opening  # noqa: E402
from reportdesk.model.project import save_project  # noqa: E402
from reportdesk.model.prose import paragraphs_from_text  # noqa: E402
from reportdesk.model.report import Baseline, Contact, new_report  # noqa: E402

AGENCY = "青禾市市场监督管理局"
YEAR = 2025
R = "三、本年度办理结果/"
COLS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")

PART3_ROWS = {  # row -> counts per applicant column (自然人 … 其他)
    "一、本年新收政府信息公开申请数量": (46, 9, 1, 0, 3, 1),
    "二、上年结转政府信息公开申请数量": (3, 1, 0, 0, 0, 0),
    R + "（一）予以公开": (21, 5, 1, 0, 1, 0),
    R + "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": (6, 2, 0, 0, 1, 0),
    R + "（三）不予公开/2.其他法律行政法规禁止公开": (1, 0, 0, 0, 0, 0),
    R + "（三）不予公开/4.保护第三方合法权益": (2, 0, 0, 0, 1, 0),
    R + "（三）不予公开/5.属于三类内部事务信息": (1, 0, 0, 0, 0, 0),
    R + "（三）不予公开/6.属于四类过程性信息": (2, 0, 0, 0, 0, 0),
    R + "（三）不予公开/7.属于行政执法案卷": (1, 0, 0, 0, 0, 0),
    R + "（四）无法提供/1.本机关不掌握相关政府信息": (8, 2, 0, 0, 0, 1),
    R + "（四）无法提供/2.没有现成信息需要另行制作": (3, 0, 0, 0, 0, 0),
    R + "（四）无法提供/3.补正后申请内容仍不明确": (1, 0, 0, 0, 0, 0),
    R + "（五）不予处理/1.信访举报投诉类申请": (1, 0, 0, 0, 0, 0),
    "四、结转下年度继续办理": (2, 1, 0, 0, 0, 0),
}

PART1 = """\
2025年，青禾市市场监督管理局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和国家、省、市关于政务公开工作的部署要求，围绕市场监管中心工作，持续推进决策、执行、管理、服务、结果公开，切实保障人民群众知情权、参与权、表达权和监督权。
（一）主动公开
**一是聚焦重点领域公开。**全年通过市政府门户网站本局专栏主动公开政府信息1126条，其中行政许可结果1286件次的信息依法在“双公示”栏目集中公开，行政处罚决定342件全部按时公示。**二是做好政策解读。**制发行政规范性文件3件，同步发布图文解读3篇、问答解读2篇，现行有效行政规范性文件27件全部在网站集中公开并动态更新。
（二）依申请公开
全年新收政府信息公开申请60件，上年结转4件，共办结61件，其中予以公开28件、部分公开9件，结转下年度继续办理3件。所有申请均在法定期限内答复，未收取信息处理费。
（三）政府信息管理
严格落实公文公开属性源头认定和发布前保密审查制度，全年审查拟公开信息1300余条。完成行政规范性文件清理，废止1件，并在网站同步标注失效。
（四）政府信息公开平台建设
优化门户网站本局专栏栏目设置，新增“企业开办指南”“食品安全抽检信息”两个子栏目；“青禾市场监管”政务新媒体全年发布信息860条。
（五）监督保障
将政务公开工作纳入年度绩效考核，开展政务公开业务培训2次，参训人员96人次。全年因政府信息公开引发行政复议3件、行政诉讼2件，均依法应诉答复，未发生责任追究情况。
"""

PART5 = """\
2025年本局政府信息公开工作取得一定成效，但仍存在一些不足：一是政策解读形式较为单一，图解、视频等形式运用不多；二是依申请公开答复文书的规范化程度有待提高；三是基层所站政务公开人员业务能力参差不齐。
下一步，本局将重点做好以下工作：**一是丰富解读形式。**对涉及市场主体切身利益的政策，同步推出图解、短视频等解读产品。**二是规范答复文书。**统一依申请公开各类答复文书格式，建立疑难申请集体研究机制。**三是加强队伍建设。**每半年组织一次政务公开专题培训，提升基层人员业务水平。
"""

PART6 = """\
（一）信息处理费收取情况
2025年，本局未收取政府信息公开信息处理费。
（二）落实上级年度政务公开工作要点情况
按照《青禾市2025年政务公开工作要点》要求，本局制定任务分解表，明确责任科室和完成时限，各项任务均已按期完成。
（三）人大代表建议和政协提案办理结果公开情况
2025年承办市人大代表建议12件、市政协提案15件，均已按期办结，办理复文经审查后全部公开。
（四）政务公开工作创新情况
在市民服务中心设立“市场监管政务公开体验区”，为企业和群众提供政策查询、信息检索和现场咨询服务。
"""


def build():
    report = new_report(AGENCY, YEAR)
    report.contact = Contact(
        website="青禾市人民政府门户网站（www.qinghe.gov.cn）“政府信息公开”专栏",
        address="青禾市新城区政务大道88号",
        postcode="100000",
        phone="0000-12345678",
        fax="0000-12345679",
        email="gk@scjg.qinghe.gov.cn",
    )
    report.opening = standard_opening(report)
    report.date = dt.date(YEAR + 1, 1, 20)
    block1 = "第二十条第（一）项/"
    for col, v in (("本年制发件数", 3), ("本年废止件数", 1), ("现行有效件数", 27)):
        report.set(CellRef(PART2, block1 + "行政规范性文件", col), v)
    report.set(CellRef(PART2, "第二十条第（五）项/行政许可", "本年处理决定数量"), 1286)
    report.set(CellRef(PART2, "第二十条第（六）项/行政处罚", "本年处理决定数量"), 342)
    report.set(CellRef(PART2, "第二十条第（六）项/行政强制", "本年处理决定数量"), 17)
    report.set(CellRef(PART2, "第二十条第（八）项/行政事业性收费", "本年收费金额（单位：万元）"), Decimal("12.35"))
    for row, counts in PART3_ROWS.items():
        for col, v in zip(COLS, counts, strict=True):
            report.set(CellRef(PART3, row, col), v)
    report.set(CellRef(PART4, "行政复议", "结果维持"), 2)
    report.set(CellRef(PART4, "行政复议", "结果纠正"), 1)
    report.set(CellRef(PART4, "行政诉讼/未经复议直接起诉", "结果维持"), 1)
    report.set(CellRef(PART4, "行政诉讼/复议后起诉", "尚未审结"), 1)
    report.parts["一"] = paragraphs_from_text(PART1)
    report.parts["五"] = paragraphs_from_text(PART5)
    report.parts["六"] = paragraphs_from_text(PART6)
    # Last year's figures this year continues from (2024: 25 规范性文件 in force; 3 + 1 carried over).
    baseline = Baseline(year=YEAR - 1, format_id=report.format_id)
    baseline.values[CellRef(PART2, block1 + "行政规范性文件", "现行有效件数")] = 25
    baseline.values[CellRef(PART2, block1 + "规章", "现行有效件数")] = 0
    for col, v in zip(COLS, PART3_ROWS["二、上年结转政府信息公开申请数量"], strict=True):
        baseline.values[CellRef(PART3, "四、结转下年度继续办理", col)] = v
    report.baseline = baseline
    return report


if __name__ == "__main__":
    out = ROOT / "resources" / "demo" / "demo.rdproj"
    save_project(build(), out)
    for stale in out.parent.glob("*.bak"):
        stale.unlink()
    print("wrote", out.relative_to(ROOT))
