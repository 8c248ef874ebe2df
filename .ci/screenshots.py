#!/usr/bin/env python3
# screenshots.py: retakes the README's main-window, review and preferences screenshots
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the built gloss (meson devenv -C _build) on the bundled sample, and on
# a short Chinese article with a hand-made layer, each in a fresh home with
# its settings in a keyfile, and saves the screen with ImageMagick's import:
#
#   xvfb-run -a -s "-screen 0 1100x760x24" dbus-run-session -- \
#     python3 .ci/screenshots.py resources/screenshots [main main-dark zh review-dark suggestions prefs prefs-dark]
#
# Needs xdotool, imagemagick and fonts-noto-cjk.  Look at every image before
# committing it: without a compositor a window can be caught mid-restyle.
import os, shutil, signal, subprocess, sys, time, tempfile
SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1]
WHICH = sys.argv[2:] or ["main", "main-dark", "zh", "review-dark", "suggestions", "prefs", "prefs-dark"]

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
    with open(os.path.join(cfg, "keyfile"), "w") as f:
        f.write("[org/gloss/Gloss]\nannotator-id='%s'\ncolor-scheme='%s'\nannotator-offered=true\nlibrary-folder='/home/%s/Documents/Gloss'\n" % (annotator, scheme, annotator))
    work = os.path.join(tmp, "articles"); os.makedirs(work)
    if article == "sample":
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
    app = subprocess.Popen(["meson", "devenv", "-C", os.path.join(SRC, "_build"), "gloss", path], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        # The suggestions are computed after the article opens; keys sent
        # before they arrive lose their selection.
        time.sleep(7)
        focus("gloss.json|清水|Riverside|河畔")
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

for w in WHICH:
    if w == "main": run("main-window", "sample", script=main_script)
    if w == "main-dark": run("main-window-dark", "sample", scheme="dark", script=main_script)
    if w == "zh": run("main-window-zh_CN", "zh", lang="zh_CN.UTF-8", annotator="zhang", script=zh_script)
    if w == "review-dark": run("review-dark", "sample", scheme="dark", script=review_script)
    if w == "suggestions": run("suggestions", "zh-bare", annotator="lin", script=suggestions_script)
    if w == "prefs": run("preferences", "sample", script=prefs_script)
    if w == "prefs-dark": run("preferences-dark", "sample", scheme="dark", script=prefs_script)
