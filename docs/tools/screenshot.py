#!/usr/bin/env python3
"""The dashboard screenshot (assets/dashboard.png), made from the real program.

Runs the built duban on the bundled dataset in a tmux window (120x36 by
default), with a few progress entries recorded first so that lights and
percents show, captures the screen with its colours (tmux capture-pane -e),
turns the ANSI text into an HTML grid of terminal cells (a wide character
takes two) and renders that with headless Chromium.

    cargo build
    python3 docs/tools/screenshot.py [--bin target/debug/duban] [--out assets/dashboard.png]

Needs tmux, chromium (or chromium-browser / google-chrome), DejaVu Sans Mono
and Noto Sans Mono CJK (fonts-dejavu-core, fonts-noto-cjk).
"""

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

CELL_W, CELL_H, FONT_PX, PAD = 10, 20, 16, 12
DEFAULT_FG, DEFAULT_BG = "#d8d8d8", "#1c1c1c"
# xterm's 16 colours, then the 256-colour cube and greys.
BASE16 = [
    "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
    "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
]

# SGR codes that set or clear attributes: code -> (attributes, value).
FLAGS = {
    1: (["bold"], True), 2: (["dim"], True), 3: (["italic"], True),
    4: (["underline"], True), 7: (["reverse"], True), 22: (["bold", "dim"], False),
    23: (["italic"], False), 24: (["underline"], False), 27: (["reverse"], False),
}


def colour256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    grey = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (grey, grey, grey)


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c in FLAGS:
                for name in FLAGS[c][0]:
                    setattr(self, name, FLAGS[c][1])
            elif 30 <= c <= 37:
                self.fg = BASE16[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASE16[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = BASE16[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASE16[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                value = colour256(codes[i + 2])
                self.fg, self.bg = (value, self.bg) if c == 38 else (self.fg, value)
                i += 2
            elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                value = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                self.fg, self.bg = (value, self.bg) if c == 38 else (self.fg, value)
                i += 4
            i += 1

    def css(self):
        fg, bg = self.fg or DEFAULT_FG, self.bg or DEFAULT_BG
        if self.reverse:
            fg, bg = bg, fg
        rules = ["color:" + fg, "background:" + bg]
        if self.bold:
            rules.append("font-weight:bold")
        if self.dim:
            rules.append("opacity:0.7")
        if self.italic:
            rules.append("font-style:italic")
        if self.underline:
            rules.append("text-decoration:underline")
        return ";".join(rules)


def to_html(ansi, cols, rows):
    """One absolutely sized cell per character, so wide characters can
    never push the grid out of line, whatever the font's advances."""
    style = Style()
    out = []
    for row, line in enumerate(ansi.split("\n")[:rows]):
        col, i = 0, 0
        cells = []
        while i < len(line):
            ch = line[i]
            if ch == "\x1b" and line[i + 1:i + 2] == "[":
                end = i + 2
                while end < len(line) and not ("@" <= line[end] <= "~"):
                    end += 1
                if line[end:end + 1] == "m":
                    style.apply(line[i + 2:end])
                i = end + 1
                continue
            w = width(ch)
            if w and ord(ch) >= 0x20:
                # Box-drawing lines are stretched to the cell's height so
                # that borders join up between rows.
                stretch = ";transform:scaleY(1.25)" if 0x2500 <= ord(ch) <= 0x257F else ""
                cells.append(
                    '<span style="left:%dpx;width:%dpx;%s%s">%s</span>'
                    % (col * CELL_W, w * CELL_W, style.css(), stretch, html.escape(ch))
                )
                col += w
            i += 1
        out.append('<div class="row" style="top:%dpx">%s</div>' % (row * CELL_H, "".join(cells)))
    return """<!doctype html><meta charset="utf-8"><style>
html,body{margin:0;background:%(bg)s}
.screen{position:relative;margin:%(pad)dpx;width:%(w)dpx;height:%(h)dpx;
 font:%(font)dpx/%(cell_h)dpx "DejaVu Sans Mono","Noto Sans Mono CJK SC",monospace}
.row{position:absolute;left:0;height:%(cell_h)dpx}
.row span{position:absolute;top:0;height:%(cell_h)dpx;text-align:center;white-space:pre;overflow:visible}
</style><div class="screen">%(rows)s</div>""" % {
        "bg": DEFAULT_BG, "pad": PAD, "w": cols * CELL_W, "h": rows * CELL_H,
        "font": FONT_PX, "cell_h": CELL_H, "rows": "\n".join(out),
    }


def find(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    sys.exit("screenshot: none of %s on PATH" % ", ".join(names))


def capture(duban, cols, rows, home):
    """The screen as ANSI text. Progress is kept under a fresh HOME, so the
    header shows the usual ~/.local/share path."""
    tmux = find("tmux")
    socket = "duban-screenshot-%d" % os.getpid()
    env = dict(os.environ, HOME=home, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    for name in ("DUBAN_DATA_HOME", "XDG_DATA_HOME", "TMUX"):
        env.pop(name, None)
    for args in (
        ["K1.1", "--percent", "45", "--note", "完成土地征收，开工建设"],
        ["K2.16", "--actual", "新增规上企业=60", "--actual", "新增亿元企业=6"],
        ["K1.3", "--percent", "10", "--status", "behind", "--note", "审批滞后"],
    ):
        subprocess.run([duban, "--today", "2023-06-30", "progress", "set", *args,
                        "--date", "2023-06-30"], env=env, check=True, capture_output=True)
    run = lambda *a: subprocess.run([tmux, "-L", socket, *a], env=env, check=True,
                                    capture_output=True, text=True).stdout
    run("new-session", "-d", "-s", "shot", "-x", str(cols), "-y", str(rows),
        "%s --today 2023-06-30" % duban)
    try:
        time.sleep(2)
        run("send-keys", "-t", "shot", "l")
        time.sleep(1)
        return run("capture-pane", "-e", "-p", "-N", "-t", "shot")
    finally:
        subprocess.run([tmux, "-L", socket, "kill-server"], capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="target/debug/duban")
    parser.add_argument("--out", default="assets/dashboard.png")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=36)
    parser.add_argument("--html", help="also keep the HTML page here")
    opts = parser.parse_args()
    duban = os.path.abspath(opts.bin)
    with tempfile.TemporaryDirectory() as tmp:
        ansi = capture(duban, opts.cols, opts.rows, os.path.join(tmp, "home"))
        page = os.path.join(tmp, "screen.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(to_html(ansi, opts.cols, opts.rows))
        if opts.html:
            shutil.copy(page, opts.html)
        chromium = find("chromium", "chromium-browser", "google-chrome")
        size = "%d,%d" % (opts.cols * CELL_W + 2 * PAD, opts.rows * CELL_H + 2 * PAD)
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--force-device-scale-factor=1",
                        "--user-data-dir=" + os.path.join(tmp, "profile"),
                        "--window-size=" + size, "--screenshot=" + os.path.abspath(opts.out),
                        "file://" + page], check=True, capture_output=True)
    print("wrote", opts.out)


if __name__ == "__main__":
    main()
