#!/usr/bin/env python3
"""Generates seeds/demo/: the bundled demo district portal (deterministic).

The demo looks like a real district portal (header with 关怀版/无障碍 links,
navigation, dated and paginated column lists, a 政府信息公开 hub, articles, one
GBK page, a footer identity block) and carries planted defects so that every
report section has something to show. Audit date: 2026-11-20 (seeds/demo.toml).

Planted defects (what the report must show):
- broken internal link /zwgk/missing.html (404) and a missing attachment
  /files/2026gzyd.pdf, both on the home page; a refused external link;
- an image without alt on the home page, a page without <title>, a page
  without lang;
- columns missing from the catalogue (规范性文件库, 惠民惠农, 强省会 …);
- 政府常务会议 stale (last item 2025-12), 疫情防控 stale, 重大建设项目 empty;
- /admin/ disallowed by robots.txt; /xxgk/hbwj.html reachable only via sitemap.xml.
Run: python3 seeds/gen_demo.py   (rewrites seeds/demo/)
"""
import datetime as dt
import os
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo")
SITE = "示范区人民政府"

NAV = [
    ("/", "首页"),
    ("/gzdt/", "政务动态"),
    ("/tzgg/", "通知公告"),
    ("/xxgk/", "政府信息公开"),
    ("/zcjd/", "政策解读"),
    ("/yshj/", "优化营商环境"),
    ("/yqfk/", "疫情防控"),
    ("/hdjl/", "互动交流"),
    ("/bsfw/", "办事服务"),
]

TOPICS = [
    "区政府召开第{n}次常务会议研究部署重点工作",
    "我区开展安全生产大检查工作",
    "区领导调研重点项目建设情况",
    "示范区召开优化营商环境工作推进会",
    "我区举行{n}月份重大项目集中开工仪式",
    "区数据资源中心推进政府网站适老化改造",
    "全区政务公开工作培训会召开",
    "示范区开展“我为群众办实事”实践活动",
    "区政务服务中心推出“一件事一次办”新举措",
    "我区召开乡村振兴工作部署会",
    "全区森林防火工作会议召开",
    "示范区举办就业招聘会提供岗位两千余个",
]

BODY = ("为深入贯彻落实党中央、国务院和省、市关于深化政务公开的决策部署，进一步提升政府网站服务水平，"
        "示范区结合实际，认真组织开展相关工作。会议强调，各单位要提高思想认识，压实工作责任，"
        "确保各项任务按时保质完成。下一步，区直各单位将持续加强协调配合，形成工作合力。")


def header(title, active="/", lang="zh-CN", with_title=True, charset="utf-8", extra_head=""):
    on = ' class="on"'
    nav = "".join(
        f'<li{on if href == active else ""}><a href="{href}">{text}</a></li>' for href, text in NAV
    )
    title_tag = f"<title>{title} - {SITE}</title>" if with_title else ""
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"""<!DOCTYPE html>
<html{lang_attr}>
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="{SITE}">
<meta name="SiteIDCode" content="4399000001">
{extra_head}{title_tag}
<link rel="stylesheet" href="/css/main.css">
</head>
<body>
<div class="top">
  <span class="clock">今天是 2026年11月20日 星期五</span>
  <a href="/care/" title="关怀版">关怀版</a> | <a href="/wza.html">无障碍</a> | <a href="/sitemap.html">网站地图</a>
</div>
<div class="header"><a href="/"><img src="/images/logo.png" alt="{SITE}"></a>
<form class="search" action="/search/" method="get"><label for="q">站内搜索</label><input id="q" name="searchword" type="text"><button type="submit">搜索</button></form>
</div>
<div class="nav"><ul>{nav}</ul></div>
<div class="main">
"""


FOOTER = f"""
</div>
<div class="footer">
  <p><a href="/contact.html">联系我们</a> | <a href="/sitemap.html">网站地图</a> | <a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4399000001">我为政府网站找错</a></p>
  <p>主办单位：{SITE}办公室　承办：示范区数据资源中心</p>
  <p>网站标识码：4399000001　<a href="https://beian.miit.gov.cn/">湘ICP备12345678号-1</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43990002000001">湘公网安备 43990002000001号</a></p>
  <p><img src="/images/dzjg.png" alt="党政机关"></p>
</div>
</body>
</html>
"""


def write(rel, text, encoding="utf-8"):
    path = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))


def date_list(items):
    return "<ul class=\"list\">" + "".join(
        f'<li><a href="{href}" title="{text}">{text}</a><span class="date">{d}</span></li>' for href, text, d in items
    ) + "</ul>"


def article(rel, title, date, column, active, **kw):
    extra = f'<meta name="ColumnName" content="{column}">\n<meta name="ArticleTitle" content="{title}">\n<meta name="PubDate" content="{date} 09:30">\n'
    html = header(title, active, extra_head=extra, **kw)
    html += f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="{active}">{column}</a> &gt; 正文</div>'
    html += f"<h1>{title}</h1><p class=\"info\">发布时间：{date}　来源：{SITE}办公室</p>"
    html += f"<div class=\"content\"><p>{BODY}</p><p>{BODY}</p></div>"
    html += FOOTER
    write(rel, html)


def column(dirname, name, active, entries, per_page=8, intro=""):
    """A paginated list: index.html, index_1.html … (TRS style)."""
    pages = [entries[i:i + per_page] for i in range(0, len(entries), per_page)] or [[]]
    for i, chunk in enumerate(pages):
        rel = f"{dirname}/index.html" if i == 0 else f"{dirname}/index_{i}.html"
        html = header(name, active, extra_head=f'<meta name="ColumnName" content="{name}">\n')
        html += f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; {name}</div><h1>{name}</h1>{intro}'
        html += date_list(chunk) if chunk else "<p class=\"empty\">暂无信息</p>"
        links = []
        if i > 0:
            prev = "index.html" if i == 1 else f"index_{i - 1}.html"
            links.append(f'<a href="{prev}">上一页</a>')
        if i + 1 < len(pages):
            links.append(f'<a href="index_{i + 1}.html">下一页</a>')
        html += f'<div class="pages">共{len(pages)}页 {" ".join(links)}</div>'
        html += FOOTER
        write(rel, html)


def make_articles(dirname, column_name, active, start, count, step_days, topics_offset=0):
    entries = []
    for n in range(count):
        d = start - dt.timedelta(days=n * step_days)
        title = TOPICS[(n + topics_offset) % len(TOPICS)].format(n=n + 3)
        rel = f"{dirname}/t{d:%Y%m%d}_{1000 + n + topics_offset}.html"
        article(rel, title, d.isoformat(), column_name, active)
        entries.append((f"/{rel}", title, d.isoformat()))
    return entries


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    asof = dt.date(2026, 11, 20)

    gzdt = make_articles("gzdt", "政务动态", "/gzdt/", asof - dt.timedelta(days=2), 12, 5)
    column("gzdt", "政务动态", "/gzdt/", gzdt)

    tzgg = make_articles("tzgg", "通知公告", "/tzgg/", asof - dt.timedelta(days=6), 5, 17, 4)
    # One notice in GBK, declared only in <meta> and sent as plain text/html.
    gbk_title = "关于做好2026年冬季森林防火工作的通知"
    gbk = header(gbk_title, "/tzgg/", charset="gb2312",
                 extra_head='<meta name="ColumnName" content="通知公告">\n<meta name="PubDate" content="2026-11-03 10:00">\n')
    gbk += f"<h1>{gbk_title}</h1><p class=\"info\">发布时间：2026-11-03</p><div class=\"content\"><p>{BODY}</p></div>" + FOOTER
    write("tzgg/t20261103_2001.gbk.html", gbk.replace('charset="gb2312"', 'http-equiv="Content-Type" content="text/html; charset=gb2312"').replace("<meta http-equiv", "<meta http-equiv", 1), encoding="gbk")
    tzgg.insert(2, ("/tzgg/t20261103_2001.gbk.html", gbk_title, "2026-11-03"))
    column("tzgg", "通知公告", "/tzgg/", tzgg)

    zcjd = make_articles("zcjd", "政策解读", "/zcjd/", asof - dt.timedelta(days=20), 3, 30, 6)
    column("zcjd", "政策解读", "/zcjd/", zcjd)
    yshj = make_articles("yshj", "优化营商环境", "/yshj/", dt.date(2026, 9, 1), 2, 40, 3)
    column("yshj", "优化营商环境", "/yshj/", yshj)
    yqfk = make_articles("yqfk", "疫情防控", "/yqfk/", dt.date(2023, 1, 8), 1, 1, 8)
    column("yqfk", "疫情防控", "/yqfk/", yqfk)

    # 政府信息公开 hub and its sub-columns.
    cwhy = make_articles("xxgk/cwhy", "政府常务会议", "/xxgk/", dt.date(2025, 12, 26), 2, 30, 0)
    column("xxgk/cwhy", "政府常务会议", "/xxgk/", cwhy)
    gfxwj = make_articles("xxgk/gfxwj", "规范性文件", "/xxgk/", dt.date(2026, 8, 15), 4, 45, 2)
    column("xxgk/gfxwj", "规范性文件", "/xxgk/", gfxwj)
    fdzd = make_articles("xxgk/fdzdgknr", "法定主动公开内容", "/xxgk/", asof - dt.timedelta(days=9), 3, 20, 5)
    column("xxgk/fdzdgknr", "法定主动公开内容", "/xxgk/", fdzd)
    ghjh = make_articles("xxgk/ghjh", "规划计划", "/xxgk/", dt.date(2026, 3, 2), 1, 1, 9)
    column("xxgk/ghjh", "规划计划", "/xxgk/", ghjh)
    czyjs = make_articles("xxgk/czyjs", "财政预决算", "/xxgk/", dt.date(2026, 2, 10), 2, 20, 10)
    column("xxgk/czyjs", "财政预决算", "/xxgk/", czyjs)
    column("xxgk/zdxm", "重大建设项目", "/xxgk/", [])
    nb = []
    sections = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    for year in (2023, 2024, 2025):
        d = dt.date(year + 1, 1, 20)
        title = f"{SITE}{year}年政府信息公开工作年度报告"
        # Planted: the 2023 report lacks its last two sections.
        secs = sections[:4] if year == 2023 else sections
        body = "".join(f"<h2>{h}</h2><p>{BODY}</p>" for h in secs)
        html = header(title, "/xxgk/", extra_head=f'<meta name="ColumnName" content="政府信息公开年报">\n<meta name="PubDate" content="{d} 09:00">\n')
        html += f"<h1>{title}</h1><div class=\"content\">{body}</div>" + FOOTER
        write(f"xxgk/nb/t{d:%Y%m%d}_{year}.html", html)
        nb.append((f"/xxgk/nb/t{d:%Y%m%d}_{year}.html", title, d.isoformat()))
    column("xxgk/nb", "政府信息公开年报", "/xxgk/", nb)
    for rel, name in [("xxgk/zn.html", "政府信息公开指南"), ("xxgk/zd.html", "政府信息公开制度")]:
        html = header(name, "/xxgk/", extra_head=f'<meta name="ColumnName" content="{name}">\n')
        html += f"<h1>{name}</h1><div class=\"content\"><p>{BODY}</p></div>" + FOOTER
        write(rel, html)
    ysq = header("依申请公开", "/xxgk/", extra_head='<meta name="ColumnName" content="依申请公开">\n')
    ysq += ("<h1>依申请公开</h1><form action=\"/hdjl/submit\" method=\"post\">"
            "<p>申请人姓名 <input type=\"text\" name=\"name\"></p>"
            "<p><label for=\"tel\">联系电话</label><input id=\"tel\" type=\"tel\" name=\"tel\"></p>"
            "<p>验证码 <input type=\"text\" name=\"code\"><img src=\"/images/captcha.png\"></p>"
            "<button type=\"submit\">提交申请</button></form><p><a href=\"/files/sqb.doc\">政府信息公开申请表下载</a></p>") + FOOTER
    write("xxgk/ysqgk.html", ysq)
    # 惠民惠农 catalogue: planted, the 政策解答电话 column is missing.
    hm = header("财政惠民惠农补贴政策目录清单", "/xxgk/", extra_head='<meta name="ColumnName" content="惠民惠农">\n')
    hm += ("<h1>财政惠民惠农补贴政策目录清单</h1><table><tr><th>补贴政策名称</th><th>文件依据</th><th>主管部门</th>"
           "<th>资金用途</th><th>补贴对象</th><th>补助标准</th></tr>"
           "<tr><td>耕地地力保护补贴</td><td>湘财农〔2022〕5号</td><td>区农业农村局</td><td>支持耕地地力保护</td>"
           "<td>承包耕地的农户</td><td>每亩 105 元</td></tr></table>"
           "<ul class=\"list\"><li><a href=\"/xxgk/fdzdgknr/\">2026年惠民惠农补贴发放情况公示</a><span>2026-11-02</span></li></ul>") + FOOTER
    write("xxgk/hmhn.html", hm)
    hub_links = [
        ("zn.html", "政府信息公开指南"), ("zd.html", "政府信息公开制度"), ("fdzdgknr/", "法定主动公开内容"),
        ("nb/", "政府信息公开年报"), ("ysqgk.html", "依申请公开"), ("gfxwj/", "规范性文件"),
        ("cwhy/", "政府常务会议"), ("ghjh/", "规划计划"), ("czyjs/", "财政预决算"), ("zdxm/", "重大建设项目"),
        ("hmhn.html", "惠民惠农补贴目录"),
    ]
    hub = header("政府信息公开", "/xxgk/", extra_head='<meta name="ColumnName" content="政府信息公开">\n')
    hub += "<h1>政府信息公开</h1><ul class=\"sub\">" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in hub_links) + "</ul>"
    hub += "<h2>最新公开</h2>" + date_list(fdzd[:3] + gfxwj[:2]) + FOOTER
    write("xxgk/index.html", hub)
    # Only in sitemap.xml: an orphan page the crawler must still find.
    article("xxgk/hbwj.html", "示范区历年规范性文件汇编", "2026-06-30", "规范性文件", "/xxgk/")

    # 互动交流: a form with unlabelled fields; 办事服务: links out.
    hd = header("互动交流", "/hdjl/", extra_head='<meta name="ColumnName" content="互动交流">\n')
    hd += "<h1>互动交流</h1>" + date_list([
        ("/hdjl/t20261115_1.html", "关于小区停车难问题的回复", "2026-11-15"),
        ("/hdjl/t20261102_2.html", "关于学校周边交通安全的回复", "2026-11-02"),
    ]) + "<h2>我要留言</h2><form action=\"/hdjl/submit\" method=\"post\"><input type=\"text\" name=\"title\" placeholder=\"标题\"><textarea name=\"body\"></textarea><button type=\"submit\">提交</button></form>" + FOOTER
    write("hdjl/index.html", hd)
    article("hdjl/t20261115_1.html", "关于小区停车难问题的回复", "2026-11-15", "互动交流", "/hdjl/")
    article("hdjl/t20261102_2.html", "关于学校周边交通安全的回复", "2026-11-02", "互动交流", "/hdjl/")
    bs = header("办事服务", "/bsfw/", extra_head='<meta name="ColumnName" content="办事服务">\n')
    bs += ("<h1>办事服务</h1><ul><li><a href=\"http://localhost:9/hnzwfw/\">湖南政务服务网（示例外链，演示中不可达）</a></li>"
           "<li><a href=\"/files/bszn.pdf\">办事指南汇编（PDF）</a></li></ul>") + FOOTER
    write("bsfw/index.html", bs)

    # Care mode, accessibility statement, site map, contact.
    care = header("关怀版", "/", extra_head='<meta name="ColumnName" content="关怀版">\n')
    care += "<h1 style=\"font-size:32px\">关怀版</h1><ul class=\"list big\">" + "".join(
        f'<li><a href="{h}">{t}</a><span>{d}</span></li>' for h, t, d in gzdt[:4]) + "</ul>" + FOOTER
    write("care/index.html", care)
    wza = header("无障碍说明", "/") + "<h1>无障碍浏览说明</h1><p>本网站提供无障碍浏览工具条，支持放大、语音朗读与高对比度模式。</p>" + FOOTER
    write("wza.html", wza)
    all_links = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in NAV + [(f"/xxgk/{h}", t) for h, t in hub_links])
    write("sitemap.html", header("网站地图", "/") + f"<h1>网站地图</h1><ul>{all_links}</ul>" + FOOTER)
    # Planted: no <title> on the contact page.
    write("contact.html", header("联系我们", "/", with_title=False) + "<h1>联系我们</h1><p>地址：示范区政务服务中心　电话：0731-12345678</p>" + FOOTER)
    # Planted: no lang on the admin notice (disallowed by robots anyway) and on 404.
    write("admin/index.html", header("后台", "/", lang="") + "<p>后台管理</p>" + FOOTER)
    write("404.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>页面不存在</title></head><body><p>您访问的页面不存在。</p></body></html>")

    # Home page.
    home = header("首页", "/")
    home += "<div class=\"banner\"><img src=\"/images/banner.png\"></div>"  # planted: no alt
    home += "<div class=\"col\"><h2><a href=\"/gzdt/\">政务要闻</a></h2>" + date_list(gzdt[:6]) + "</div>"
    home += "<div class=\"col\"><h2><a href=\"/tzgg/\">通知公告</a></h2>" + date_list(tzgg[:5]) + "</div>"
    home += "<div class=\"col\"><h2><a href=\"/zcjd/\">政策解读</a></h2>" + date_list(zcjd[:3]) + "</div>"
    home += ("<div class=\"col\"><h2>专题专栏</h2><ul><li><a href=\"/yshj/\">优化营商环境</a></li><li><a href=\"/yqfk/\">疫情防控</a></li>"
             "<li><a href=\"/zwgk/missing.html\">十四五规划专题</a></li><li><a href=\"/files/2026gzyd.pdf\">2026年政务公开工作要点（PDF）</a></li>"
             "<li><a href=\"/admin/\">内部办公</a></li></ul></div>")
    home += FOOTER
    write("index.html", home)

    write("css/main.css", "body{font-size:14px;line-height:1.6;color:#333}.top{font-size:12px}.nav li{display:inline-block;margin:0 8px}.date{float:right;color:#666}\n")
    write("robots.txt", "User-agent: *\nDisallow: /admin/\n\nSitemap: {{ORIGIN}}/sitemap.xml\n")
    urls = ["/", "/gzdt/", "/tzgg/", "/xxgk/", "/xxgk/hbwj.html"]
    write("sitemap.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n" +
          "".join(f"  <url><loc>{{{{ORIGIN}}}}{u}</loc></url>\n" for u in urls) + "</urlset>\n")
    # Tiny valid images and a PDF so resources check OK.
    png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
    for name in ("logo.png", "banner.png", "dzjg.png", "captcha.png"):
        path = os.path.join(ROOT, "images", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(png)
    os.makedirs(os.path.join(ROOT, "files"), exist_ok=True)
    with open(os.path.join(ROOT, "files", "bszn.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n%demo\n")
    with open(os.path.join(ROOT, "files", "sqb.doc"), "wb") as f:
        f.write(b"demo application form")
    count = sum(1 for _, _, fs in os.walk(ROOT) for x in fs if x.endswith(".html"))
    print(f"wrote {count} HTML pages to {ROOT}")


if __name__ == "__main__":
    main()
