"""Tiny SVG writer for the Concurrente diagrams (QtSvg / SVG Tiny 1.2 subset only)."""
import math
from xml.sax.saxutils import escape, quoteattr

FONT = "DejaVu Sans, sans-serif"
MONO = "DejaVu Sans Mono, monospace"

# Okabe-Ito colour-blind-safe palette, plus slate neutrals.
INK = "#1e293b"
MUTED = "#475569"
LINE = "#94a3b8"
BORDER = "#cbd5e1"
PAPER = "#f8fafc"
WHITE = "#ffffff"
BLUE = "#0072b2"
ORANGE = "#e69f00"
GREEN = "#009e73"
SKY = "#56b4e9"
VERMILLION = "#d55e00"
PURPLE = "#cc79a7"
YELLOW = "#f0e442"
# Light tints of the same hues for box fills (dark text stays readable on them).
BLUE_T = "#d6e9f5"
ORANGE_T = "#fcefd0"
GREEN_T = "#d2f0e6"
VERMILLION_T = "#f9e0cf"
PURPLE_T = "#f5e1ec"
SLATE_T = "#e2e8f0"


def f(v):
    """Compact number formatting."""
    if isinstance(v, float):
        s = f"{v:.2f}".rstrip("0").rstrip(".")
        return s if s not in ("-0", "") else "0"
    return str(v)


def attrs(**kw):
    out = []
    for k, v in kw.items():
        if v is None:
            continue
        k = k.rstrip("_").replace("_", "-")
        out.append(f"{k}={quoteattr(f(v) if isinstance(v, (int, float)) else str(v))}")
    return " ".join(out)


class Svg:
    def __init__(self, w, h, title, desc, lang):
        self.w, self.h = w, h
        self.title, self.desc, self.lang = title, desc, lang
        self.parts = []
        self.indent = 1

    def raw(self, s):
        self.parts.append("  " * self.indent + s)

    def comment(self, s):
        self.parts.append("")
        self.raw(f"<!-- {s} -->")

    def open_g(self, **kw):
        self.raw(f"<g {attrs(**kw)}>" if kw else "<g>")
        self.indent += 1

    def close_g(self):
        self.indent -= 1
        self.raw("</g>")

    def rect(self, x, y, w, h, rx=None, fill=WHITE, stroke=None, sw=None, **kw):
        self.raw(f"<rect {attrs(x=x, y=y, width=w, height=h, rx=rx, fill=fill, stroke=stroke, stroke_width=sw, **kw)}/>")

    def circle(self, cx, cy, r, fill=WHITE, stroke=None, sw=None, **kw):
        self.raw(f"<circle {attrs(cx=cx, cy=cy, r=r, fill=fill, stroke=stroke, stroke_width=sw, **kw)}/>")

    def line(self, x1, y1, x2, y2, stroke=INK, sw=2, **kw):
        self.raw(f"<line {attrs(x1=x1, y1=y1, x2=x2, y2=y2, stroke=stroke, stroke_width=sw, **kw)}/>")

    def path(self, d, fill="none", stroke=INK, sw=2, **kw):
        self.raw(f"<path {attrs(d=d, fill=fill, stroke=stroke, stroke_width=sw, **kw)}/>")

    def polygon(self, pts, fill=INK, stroke=None, sw=None, **kw):
        p = " ".join(f"{f(round(x, 2))},{f(round(y, 2))}" for x, y in pts)
        self.raw(f"<polygon {attrs(points=p, fill=fill, stroke=stroke, stroke_width=sw, **kw)}/>")

    def polyline(self, pts, stroke=INK, sw=2, **kw):
        p = " ".join(f"{f(round(x, 2))},{f(round(y, 2))}" for x, y in pts)
        self.raw(f"<polyline {attrs(points=p, fill='none', stroke=stroke, stroke_width=sw, **kw)}/>")

    def text(self, x, y, content, size=14, weight=None, anchor=None, fill=INK, family=None):
        """content: a string, or a list of runs: str or (str, {attr: value})."""
        runs = [content] if isinstance(content, str) else content
        body = []
        for r in runs:
            if isinstance(r, str):
                body.append(escape(r))
            else:
                s, a = r
                body.append(f"<tspan {attrs(**a)}>{escape(s)}</tspan>")
        self.raw(f"<text {attrs(x=x, y=y, font_size=size, font_weight=weight, text_anchor=anchor, fill=fill, font_family=family)}>{''.join(body)}</text>")

    # --- composite shapes -------------------------------------------------------------
    def arrowhead(self, x, y, angle, size=10, fill=INK):
        """A filled triangle whose tip is at (x, y), pointing along angle (radians)."""
        back = (x - size * math.cos(angle), y - size * math.sin(angle))
        px, py = -math.sin(angle), math.cos(angle)
        half = size * 0.5
        self.polygon([(x, y), (back[0] + px * half, back[1] + py * half), (back[0] - px * half, back[1] - py * half)], fill=fill)

    def arrow(self, x1, y1, x2, y2, stroke=INK, sw=2, head=10, dash=None, both=False):
        ang = math.atan2(y2 - y1, x2 - x1)
        ex, ey = x2 - (head - 1) * math.cos(ang), y2 - (head - 1) * math.sin(ang)
        sx, sy = x1, y1
        if both:
            sx, sy = x1 + (head - 1) * math.cos(ang), y1 + (head - 1) * math.sin(ang)
        self.line(round(sx, 2), round(sy, 2), round(ex, 2), round(ey, 2), stroke=stroke, sw=sw, stroke_dasharray=dash)
        self.arrowhead(x2, y2, ang, head, stroke)
        if both:
            self.arrowhead(x1, y1, ang + math.pi, head, stroke)

    def curve_arrow(self, x1, y1, cx, cy, x2, y2, stroke=INK, sw=2, head=10, dash=None):
        """Quadratic curve with an arrowhead at its end, tangent to the curve."""
        ang = math.atan2(y2 - cy, x2 - cx)
        ex, ey = x2 - (head - 1) * math.cos(ang), y2 - (head - 1) * math.sin(ang)
        self.path(f"M{f(x1)},{f(y1)} Q{f(cx)},{f(cy)} {f(round(ex, 2))},{f(round(ey, 2))}", stroke=stroke, sw=sw, stroke_dasharray=dash)
        self.arrowhead(x2, y2, ang, head, stroke)

    def lock(self, x, y, s=14, body=YELLOW, stroke=INK):
        """A padlock (the GIL) with its top-left corner at (x, y); s is its height."""
        w = s * 0.86
        by = y + s * 0.42
        r = w * 0.3
        l, rr = x + w / 2 - r, x + w / 2 + r
        self.path(f"M{f(round(l, 2))},{f(round(by, 2))} V{f(round(y + r, 2))} A{f(round(r, 2))},{f(round(r, 2))} 0 0 1 {f(round(rr, 2))},{f(round(y + r, 2))} V{f(round(by, 2))}",
                  stroke=stroke, sw=max(1.5, s / 9))
        self.rect(round(x, 2), round(by, 2), round(w, 2), round(s - (by - y), 2), rx=1.5, fill=body, stroke=stroke, sw=1.5)

    def document(self):
        head = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'width="{self.w}" height="{self.h}" viewBox="0 0 {self.w} {self.h}" '
            f'font-family="{FONT}" xml:lang="{self.lang}">',
            f"  <title>{escape(self.title)}</title>",
            f"  <desc>{escape(self.desc)}</desc>",
        ]
        return "\n".join(head + self.parts + ["</svg>", ""])


def background(svg):
    """Every diagram carries its own light card, so it reads on light and dark app palettes."""
    svg.comment("card: light background so the diagram reads on light and dark palettes")
    svg.rect(1, 1, svg.w - 2, svg.h - 2, rx=16, fill=PAPER, stroke=BORDER, sw=1.5)


def panel(svg, x, y, w, h):
    svg.rect(x, y, w, h, rx=12, fill=WHITE, stroke=BORDER, sw=1.5)


import json as _json
import os as _os
# DejaVu Sans / Mono advance widths per 1000 units, measured once with Qt's font metrics.
_W = _json.load(open(_os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "dejavu-widths.json")))


def tw(s, size=14, bold=False, mono=False):
    """Width of s in user units, from DejaVu's real advance widths."""
    key = ("monobold" if bold else "mono") if mono else ("bold" if bold else "sans")
    table = _W[key]
    return sum(table.get(str(ord(c)), 650.0) for c in s) * size / 1000.0

# Darker shades of the same hues for text and thin arrows (≥ 4.5:1 on white).
VERMILLION_D = "#b34700"
GREEN_D = "#007a5a"


def wrap(text, size, maxw, bold=False):
    """Greedy word wrap by real advance widths."""
    lines, cur = [], ""
    for word in text.split(" "):
        cand = word if not cur else cur + " " + word
        if cur and tw(cand, size, bold) > maxw:
            lines.append(cur)
            cur = word
        else:
            cur = cand
    lines.append(cur)
    if len(lines) == 2:
        # balance two lines instead of leaving one short word alone on the second
        words = text.split(" ")
        splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
        lines = list(min(splits, key=lambda p: max(tw(p[0], size, bold), tw(p[1], size, bold))))
    return lines


def header_layout(title, subtitle, w, narrow):
    """Title and subtitle lines with baselines, and the y where the panels start."""
    if not narrow:
        return [(title, 38)], [(subtitle, 62)], 82
    tl = wrap(title, 20, w - 40, bold=True)
    sl = wrap(subtitle, 14, w - 40)
    ts = [(t, 36 + i * 25) for i, t in enumerate(tl)]
    y0 = ts[-1][1] + 23
    ss = [(t, y0 + i * 19) for i, t in enumerate(sl)]
    return ts, ss, ss[-1][1] + 20


def draw_header(svg, ts, ss, narrow):
    svg.comment("title")
    for t, y in ts:
        svg.text(svg.w / 2, y, t, size=20 if narrow else 21, weight="bold", anchor="middle")
    for t, y in ss:
        svg.text(svg.w / 2, y, t, size=14, anchor="middle", fill=MUTED)
