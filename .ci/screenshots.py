#!/usr/bin/env python3
# screenshots.py: retakes the README's main-window, review, preferences and Library screenshots
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built gloss (meson devenv -C _build) on the bundled sample, and on
# a short Chinese article with a hand-made layer, each in a fresh home with
# its settings in a keyfile, and saves the screen with ImageMagick's import:
#
#   xvfb-run -a -s "-screen 0 1100x760x24" dbus-run-session -- \
#     python3 .ci/screenshots.py resources/screenshots [main main-dark zh review-dark suggestions prefs prefs-dark
#                                                      library library-search library-agreement]
#
# The Library shots build a small library of their own (below) in the fresh
# home, indexed into that home's cache.  Not retaken here: codebook-editor(-dark)
# and what-changed.
#
# Needs xdotool, imagemagick and fonts-noto-cjk.  Look at every image before
# committing it: without a compositor a window can be caught mid-restyle.
import os, shutil, signal, subprocess, sys, time, tempfile
SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1]
WHICH = sys.argv[2:] or ["main", "main-dark", "zh", "review-dark", "suggestions", "prefs", "prefs-dark",
                         "library", "library-search", "library-agreement"]

ZH = """河畔市扩大“清水2030”计划

本报河畔3月12日电 河畔市政府周二宣布，今年“清水2030”计划将新覆盖46个村庄，覆盖村庄总数达到312个。

河畔市市长林文华在新闻发布会上说：“让每一户人家都能放心喝上自来水，这是我们的承诺。”据介绍，今年全市计划投入资金4.8亿元，新建水厂3座，改造管网超过260公里。

市水务局局长周敏表示：“我们将在年底前完成第一阶段的管网改造。”她还说，农村饮水安全工程将与乡村振兴战略结合推进。

北田研究所水文学家艾米莉亚·哈特则较为谨慎。她说：“资金已经到位，但管道已经用了四十年。”她补充说，去年夏天采集的水样中有18%硝酸盐超标。
"""

import hashlib, json

def write_zh_sidecar(path):
    anns = []
    def add(i, tag, text, nth=0, **attrs):
        start = -1
        for _ in range(nth + 1):
            start = ZH.index(text, start + 1)
        anns.append({"id": "zh-%02d" % i, "tag": tag, "start": start, "end": start + len(text), "text": text,
                     "prefix": ZH[max(0, start - 32):start], "suffix": ZH[start + len(text):start + len(text) + 32],
                     "note": "", "attributes": attrs,
                     "created": "2026-12-03T09:00:00Z", "modified": "2026-12-03T09:00:00Z"})
    add(1, "official", "林文华", title="市长", organization="河畔市政府")
    add(2, "official", "周敏", title="局长", organization="市水务局")
    add(3, "person", "艾米莉亚·哈特", role="水文学家")
    add(4, "organization", "河畔市政府")
    add(5, "organization", "市水务局")
    add(6, "program", "清水2030")
    add(7, "program", "农村饮水安全工程")
    add(8, "statistic", "46个村庄")
    add(9, "statistic", "4.8亿元")
    add(10, "statistic", "18%")
    add(11, "quote", "让每一户人家都能放心喝上自来水，这是我们的承诺。", speaker="zh-01", mode="direct")
    add(12, "quote", "我们将在年底前完成第一阶段的管网改造。", speaker="zh-02", mode="direct")
    add(13, "quote", "资金已经到位，但管道已经用了四十年。", speaker="zh-03", mode="direct")
    add(14, "place", "河畔")
    anns.sort(key=lambda a: (a["start"], -a["end"]))
    doc = {"format": "gloss", "version": 1,
           "document": {"source": os.path.basename(path).split(".zhang")[0], "title": "河畔市扩大“清水2030”计划",
                        "sha256": hashlib.sha256(ZH.encode()).hexdigest(), "length": len(ZH)},
           "annotator": {"id": "zhang", "name": "张"}, "annotations": anns}
    json.dump(doc, open(path, "w"), ensure_ascii=False, indent=2)

# The Library shots: a small library of made-up news, Chinese and English, in
# HTML (its title, site and date are the page's own), coded by lin (the
# window's user) and mei, some marked done, and a third coder's sidecar that
# does not parse.  Each article: file, title, site, date, paragraphs, then
# lin's and mei's annotations as (tag, text) pairs (None: not coded) and who
# marked it done.
LIBRARY = [
    ("01-water.html", "河畔市扩大“清水2030”计划", "河畔日报", "2026-11-03",
     ["河畔市政府周二宣布，今年“清水2030”计划将新覆盖46个村庄。",
      "市长林文华说：“让每一户人家都能放心喝上自来水。”这一计划与乡村振兴战略结合推进。"],
     [("organization", "河畔市政府"), ("program", "清水2030"), ("statistic", "46个村庄"), ("official", "林文华"),
      ("quote", "让每一户人家都能放心喝上自来水。")],
     [("organization", "河畔市政府"), ("program", "清水2030"), ("statistic", "46个村庄"), ("official", "林文华"),
      ("quote", "让每一户人家都能放心喝上自来水。"), ("program", "乡村振兴")], ("lin", "mei")),
    ("02-roads.html", "北田县修通最后一段乡村公路", "北田晚报", "2026-11-05",
     ["北田县交通局表示，全县最后一段12公里的乡村公路已于上周通车。",
      "局长周敏说：“路通了，农产品就能当天进城。”"],
     [("organization", "北田县交通局"), ("statistic", "12公里"), ("official", "周敏"), ("quote", "路通了，农产品就能当天进城。")],
     [("organization", "北田县交通局"), ("statistic", "12公里"), ("official", "周敏")], ("lin",)),
    ("03-school.html", "山区学校迎来新教师", "河畔日报", "2026-11-08",
     ["今年秋季，38名新教师来到山区乡村学校任教。",
      "教育局副局长陈刚表示：“我们希望他们至少留五年。”"],
     [("statistic", "38名新教师"), ("official", "陈刚"), ("quote", "我们希望他们至少留五年。")], None, ()),
    ("04-market.html", "早市搬进新大棚", "北田晚报", "2026-11-10",
     ["北田镇早市本月搬进新建的大棚，摊位增加到210个。"], None, None, ()),
    ("05-rail.html", "城际铁路二期开工", "河畔日报", "2026-11-14",
     ["河畔至北田城际铁路二期工程周一开工，总投资约86亿元。",
      "铁路公司总经理王磊说：“工期预计三年。”沿线乡村将新增三个车站。"],
     [("statistic", "86亿元"), ("official", "王磊"), ("quote", "工期预计三年。"), ("program", "城际铁路二期工程")],
     [("statistic", "86亿元"), ("official", "王磊"), ("quote", "工期预计三年。")], ("mei",)),
    ("06-harvest.html", "稻米收成创五年新高", "农业周刊", "2026-11-18",
     ["今年全省稻米产量达到每亩560公斤，为五年来最高。",
      "农科院研究员刘芳说，乡村合作社的统一育秧功不可没。"],
     None, [("statistic", "每亩560公斤"), ("person", "刘芳"), ("organization", "农科院")], ()),
    ("07-flood.html", "Riverside finishes its flood wall", "The Riverside Courier", "2026-11-06",
     ["Riverside finished the last 800 metres of its flood wall on Friday, two months early.",
      "\u201cThe river will not take the market again,\u201d said Mayor Lin Wenhua."],
     [("statistic", "800 metres"), ("official", "Lin Wenhua"), ("quote", "The river will not take the market again,")],
     [("statistic", "800 metres"), ("official", "Lin Wenhua"), ("quote", "The river will not take the market again,")],
     ("lin", "mei")),
    ("08-buses.html", "Night buses return to the northern districts", "The Riverside Courier", "2026-11-15",
     ["Four night bus lines return on Monday after a year without service.",
      "Transit director Ana Ruiz said the city had hired 40 drivers."],
     [("statistic", "Four night bus lines"), ("official", "Ana Ruiz"), ("statistic", "40 drivers")], None, ()),
    ("09-library.html", "A new reading room opens in the old mill", "Northfield Weekly", "2026-11-20",
     ["The old mill on Canal Street reopened as a reading room with 12,000 books."], None, None, ()),
    ("10-clinic.html", "Village clinics to share one doctor rota", "Northfield Weekly", "2026-11-22",
     ["Six village clinics will share a single rota of doctors from January.",
      "\u201cNo clinic will be closed on a weekday,\u201d said health officer Emilia Hart."],
     [("statistic", "Six village clinics"), ("official", "Emilia Hart"), ("quote", "No clinic will be closed on a weekday,")],
     [("statistic", "Six village clinics"), ("person", "Emilia Hart"), ("quote", "No clinic will be closed on a weekday,")], ()),
]

def write_library(folder):
    cli = os.path.join(SRC, "_build", "app", "cli", "gloss-cli")
    for name, title, site, date, paras, lin, mei, done in LIBRARY:
        path = os.path.join(folder, name)
        body = "".join("<p>%s</p>" % p for p in paras)
        open(path, "w").write('<html><head><meta charset="utf-8"><title>%s</title>'
                              '<meta property="og:site_name" content="%s"><meta property="article:published_time" content="%s">'
                              '</head><body><h1>%s</h1>%s</body></html>\n' % (title, site, date, title, body))
        doc = json.loads(subprocess.run([cli, "extract", "--json", path], capture_output=True, text=True, check=True).stdout)
        text = doc["text"]
        for who, spans in (("lin", lin), ("mei", mei)):
            if spans is None:
                continue
            anns = []
            for i, (tag, t) in enumerate(spans):
                start = text.index(t)
                anns.append({"id": "%s-%02d" % (who, i), "tag": tag, "start": start, "end": start + len(t), "text": t,
                             "prefix": text[max(0, start - 32):start], "suffix": text[start + len(t):start + len(t) + 32],
                             "note": "", "attributes": {},
                             "created": "2026-12-01T09:00:00Z", "modified": "2026-12-01T09:00:00Z"})
            anns.sort(key=lambda a: (a["start"], -a["end"]))
            side = {"format": "gloss", "version": 1,
                    "document": {"source": name, "title": title, "sha256": doc["sha256"], "length": doc["length"]},
                    "annotator": {"id": who, "name": {"lin": "Lin", "mei": "Mei Chen"}[who]}, "annotations": anns}
            if who in done:
                side["status"] = "done"
            json.dump(side, open(path + ".%s.gloss.json" % who, "w"), ensure_ascii=False, indent=2)
    # A colleague's file cut off in the middle: listed above the articles with its error.
    open(os.path.join(folder, "08-buses.html.sam.gloss.json"), "w").write('{"format": "gloss", "version": 1, "annotations": [\n')

def xdo(*a):
    subprocess.run(["xdotool", *a], check=False, capture_output=True)

def key(*ks):
    for k in ks:
        xdo("key", "--delay", "60", k); time.sleep(0.2)

def typ(t):
    xdo("type", "--delay", "40", t); time.sleep(0.3)

def find_select(t):
    key("ctrl+f"); time.sleep(0.3); typ(t); time.sleep(0.4); key("Return", "Escape"); time.sleep(0.3)

def focus(name):
    for _ in range(100):
        r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True)
        if r.stdout.split():
            xdo("windowfocus", "--sync", r.stdout.split()[0]); return
        time.sleep(0.2)
    raise SystemExit("no window " + name)

def run(shot, article, scheme="light", lang=None, annotator="sample", script=None):
    tmp = tempfile.mkdtemp(prefix="gloss-shot-")
    home = os.path.join(tmp, "home")
    cfg = os.path.join(home, ".config", "glib-2.0", "settings")
    os.makedirs(cfg)
    for d in (".local/share", ".cache", "runtime"):
        os.makedirs(os.path.join(home, d), exist_ok=True)
    os.chmod(os.path.join(home, "runtime"), 0o700)
    library = "/home/%s/Documents/Gloss" % annotator
    if article == "library":
        # Its index goes to the fresh home's XDG_CACHE_HOME, not the real cache.
        library = os.path.join(home, "Documents", "Gloss"); os.makedirs(library)
        write_library(library)
    with open(os.path.join(cfg, "keyfile"), "w") as f:
        f.write("[org/gloss/Gloss]\nannotator-id='%s'\ncolor-scheme='%s'\nannotator-offered=true\nlibrary-folder='%s'\n" % (annotator, scheme, library))
    work = os.path.join(tmp, "articles"); os.makedirs(work)
    if article == "library":
        path = None   # no article: the window starts on its Library page
    elif article == "sample":
        for n in ("river-report.txt", "river-report.txt.sample.gloss.json", "river-report.txt.mei.gloss.json"):
            shutil.copy(os.path.join(SRC, "resources/sample", n), work)
        path = os.path.join(work, "river-report.txt")
    else:
        path = os.path.join(work, "清水计划.txt")
        open(path, "w").write(ZH)
        if article == "zh":
            write_zh_sidecar(path + ".zhang.gloss.json")
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local/share"), XDG_CACHE_HOME=os.path.join(home, ".cache"),
               XDG_RUNTIME_DIR=os.path.join(home, "runtime"), GSETTINGS_BACKEND="keyfile",
               GDK_BACKEND="x11", GTK_A11Y="none", GTK_USE_PORTAL="0")
    if lang:
        env.update(LANG=lang, LANGUAGE="zh_CN", LC_ALL=lang)
    app = subprocess.Popen(["meson", "devenv", "-C", os.path.join(SRC, "_build"), "gloss"] + ([path] if path else []), env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        # The suggestions are computed after the article opens; keys sent
        # before they arrive lose their selection.
        time.sleep(7)
        focus("gloss.json|清水|Riverside|河畔|Gloss")
        time.sleep(2)
        xdo("mousemove", "1099", "759")
        script()
        time.sleep(1.5)
        subprocess.run(["import", "-window", "root", os.path.join(OUT, shot + ".png")])
    finally:
        # gloss runs as a child of meson devenv: the whole group goes, or the
        # next shot's gloss would hand its file to this one (one instance per
        # D-Bus session).
        os.killpg(app.pid, signal.SIGTERM); app.wait(10); time.sleep(1)

def focus_article():
    # Find and Escape leave the focus in the article, wherever it started.
    key("ctrl+f"); time.sleep(0.3); key("Escape"); time.sleep(0.3)

def main_script():
    focus_article()
    key("ctrl+Home", "alt+Down", "alt+Down", "alt+Down")

def prefs_script():
    key("ctrl+comma"); time.sleep(1.5); focus("Preferences|首选项")

def review_script():
    # The Review tab (no key of its own: a click on the switcher), then the
    # first disagreement, shown in the article.
    focus_article()
    key("ctrl+Home")
    xdo("mousemove", "920", "80"); xdo("click", "1"); time.sleep(0.5)
    xdo("mousemove", "1099", "759"); time.sleep(0.3)
    key("F8")

def zh_script():
    # The first quote, selected: its speaker is shown once, with title and office.
    focus_article()
    key("ctrl+Home")
    for _ in range(6):
        key("alt+Down")

def suggestions_script():
    # The Suggestions tab (a click on the switcher), then the first suggestion.
    focus_article()
    key("ctrl+Home")
    xdo("mousemove", "1032", "80"); xdo("click", "1"); time.sleep(0.5)
    xdo("mousemove", "1099", "759"); time.sleep(0.3)
    focus_article()
    key("n")

def show_library():
    # A window without an article opens the sample: Ctrl+Shift+L shows the
    # Library page, which reads the folder the first time it is shown.
    focus_article()
    key("ctrl+shift+l"); time.sleep(3)

def library_script():
    # The first article is selected, the list has the focus.
    show_library()

def library_search_script():
    # A word typed in traditional characters (鄉村) finds the simplified text (乡村).
    show_library()
    key("ctrl+f"); time.sleep(0.3)
    xdo("type", "--delay", "400", "鄉村"); time.sleep(2)

def library_agreement_script():
    # The Agreement tab (no key of its own: a click on the view switcher).
    show_library()
    xdo("mousemove", AGREEMENT_TAB[0], AGREEMENT_TAB[1]); xdo("click", "1"); time.sleep(1.5)
    xdo("mousemove", "1099", "759")

AGREEMENT_TAB = ("590", "27")   # at 1100 px wide

for w in WHICH:
    if w == "main": run("main-window", "sample", script=main_script)
    if w == "main-dark": run("main-window-dark", "sample", scheme="dark", script=main_script)
    if w == "zh": run("main-window-zh_CN", "zh", lang="zh_CN.UTF-8", annotator="zhang", script=zh_script)
    if w == "review-dark": run("review-dark", "sample", scheme="dark", script=review_script)
    if w == "suggestions": run("suggestions", "zh-bare", annotator="lin", script=suggestions_script)
    if w == "prefs": run("preferences", "sample", script=prefs_script)
    if w == "prefs-dark": run("preferences-dark", "sample", scheme="dark", script=prefs_script)
    if w == "library": run("library", "library", annotator="lin", script=library_script)
    if w == "library-search": run("library-search", "library", annotator="lin", script=library_search_script)
    if w == "library-agreement": run("library-agreement", "library", annotator="lin", script=library_agreement_script)
