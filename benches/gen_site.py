#!/usr/bin/env python3
"""Deterministic synthetic district portal of N pages for benchmarks.

Usage: python3 benches/gen_site.py N OUTDIR [BASE_URL]   (BASE_URL for sitemap.xml,
default http://127.0.0.1:18089, where benches/run.sh serves it)

Columns with paginated TRS-style lists (index.html, index_1.html …), articles with
Chinese text, images, a table and a form, attachments, ~0.5 % broken links,
~10 % GBK pages (declared only in <meta>), robots.txt and sitemap.xml.
"""
import os
import random
import sys

COLUMNS = ["gzdt", "tzgg", "zcjd", "gfxwj", "cwhy", "ghjh", "yshj", "rsxx", "czyjs", "zdxm"]
NAMES = ["政务动态", "通知公告", "政策解读", "规范性文件", "政府常务会议", "规划计划", "优化营商环境", "人事信息", "财政预决算", "重大建设项目"]
PARA = ("为深入贯彻落实党中央、国务院关于深化政务公开的决策部署，进一步提升政府网站服务水平，"
        "区直各单位结合工作实际，认真组织开展相关工作，确保各项任务按时保质完成。")


def page_html(title, body, charset="utf-8"):
    nav = "".join(f'<li><a href="/{c}/">{n}</a></li>' for c, n in zip(COLUMNS, NAMES))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="{charset}"><title>{title}</title>'
            f'<meta name="SiteName" content="示范区人民政府"><link rel="stylesheet" href="/css/main.css"></head><body>'
            f'<div class="top">今天是 2026年11月20日 <a href="/care/">关怀版</a> <a href="/wza.html">无障碍</a></div>'
            f'<div class="header"><img src="/images/logo.png" alt="示范区人民政府"></div><ul class="nav">{nav}</ul>'
            f'<div class="main">{body}</div><div class="footer">网站标识码：4399000001 湘ICP备12345678号 '
            f'<a href="/contact.html">联系我们</a> <a href="/sitemap.html">网站地图</a></div></body></html>')


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(20261120)
    os.makedirs(out, exist_ok=True)
    per_list = 20
    articles_total = max(n - 1 - 3, 10)
    # Lists take ~1/(per_list+1) of the pages.
    n_articles = int(articles_total * per_list / (per_list + 1))
    per_col = max(1, n_articles // len(COLUMNS))
    urls = []

    def write(rel, text, enc="utf-8"):
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text.encode(enc, errors="replace"))
        urls.append("/" + rel.replace("index.html", ""))

    count = 0
    for ci, (col, name) in enumerate(zip(COLUMNS, NAMES)):
        items = []
        for i in range(per_col):
            month = 1 + (i * 7 + ci) % 11
            day = 1 + (i * 13 + ci) % 28
            rel = f"{col}/2026{month:02d}/t2026{month:02d}{day:02d}_{ci * 100000 + i}.html"
            title = f"{name}：关于第{i + 1}项工作的情况通报"
            links = ""
            if i % 7 == 0:
                links += f'<p><a href="/files/{col}_{i}.pdf">附件：{title}.pdf</a></p>'
            if rng.random() < 0.08:  # ~0.5 % of all links (about sixteen links per article)
                links += f'<p><a href="/{col}/missing_{i}.html">相关链接</a></p>'
            body = (f"<h1>{title}</h1><p>发布时间：2026-{month:02d}-{day:02d}</p>"
                    + "".join(f"<p>{PARA}</p>" for _ in range(6))
                    + f'<p><img src="/images/p{i % 50}.png" alt="{name}配图"></p>'
                    + "<table><tr><th>项目</th><th>金额</th></tr><tr><td>资金</td><td>100万元</td></tr></table>"
                    + links
                    + f'<p><a href="/{col}/">返回{name}</a></p>')
            gbk = rng.random() < 0.10
            write(rel, page_html(title, body, "gbk" if gbk else "utf-8"), "gbk" if gbk else "utf-8")
            items.append((rel, title, f"2026-{month:02d}-{day:02d}"))
            count += 1
        pages = [items[i:i + per_list] for i in range(0, len(items), per_list)]
        for pi, chunk in enumerate(pages):
            lis = "".join(f'<li><a href="/{r}">{t}</a><span>{d}</span></li>' for r, t, d in chunk)
            nxt = f'<a href="index_{pi + 1}.html">下一页</a>' if pi + 1 < len(pages) else ""
            prv = "" if pi == 0 else f'<a href="{"index.html" if pi == 1 else f"index_{pi - 1}.html"}">上一页</a>'
            rel = f"{col}/index.html" if pi == 0 else f"{col}/index_{pi}.html"
            write(rel, page_html(name, f"<h1>{name}</h1><ul>{lis}</ul><div>{prv} {nxt}</div>"))
            count += 1
    home_lists = "".join(f'<h2><a href="/{c}/">{n}</a></h2>' for c, n in zip(COLUMNS, NAMES))
    write("index.html", page_html("首页", home_lists + '<form action="/search/"><label>搜索<input name="q"></label></form>'))
    write("contact.html", page_html("联系我们", "<p>电话：0731-12345678</p>"))
    write("sitemap.html", page_html("网站地图", home_lists))
    write("wza.html", page_html("无障碍", "<p>无障碍说明</p>"))
    write("care/index.html", page_html("关怀版", home_lists))
    os.makedirs(os.path.join(out, "images"), exist_ok=True)
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
    for i in range(50):
        with open(os.path.join(out, "images", f"p{i}.png"), "wb") as f:
            f.write(png)
    with open(os.path.join(out, "images", "logo.png"), "wb") as f:
        f.write(png)
    os.makedirs(os.path.join(out, "files"), exist_ok=True)
    for col in COLUMNS:
        for i in range(per_col):
            if i % 7 == 0:
                with open(os.path.join(out, "files", f"{col}_{i}.pdf"), "wb") as f:
                    f.write(b"%PDF-1.4\n")
    os.makedirs(os.path.join(out, "css"), exist_ok=True)
    with open(os.path.join(out, "css", "main.css"), "w") as f:
        f.write("body{font-size:14px}\n")
    with open(os.path.join(out, "robots.txt"), "w") as f:
        f.write("User-agent: *\nDisallow: /admin/\nSitemap: /sitemap.xml\n")
    base = (sys.argv[3] if len(sys.argv) > 3 else "http://127.0.0.1:18089").rstrip("/")
    with open(os.path.join(out, "sitemap.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
        f.writelines(f"<url><loc>{base}{u}</loc></url>\n" for u in urls)
        f.write("</urlset>\n")
    with open(os.path.join(out, "urls.txt"), "w") as f:
        f.write("\n".join(urls) + "\n")
    print(f"{len(urls)} pages in {out}")


if __name__ == "__main__":
    main()
