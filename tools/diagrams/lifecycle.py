from lib import *

T = {
    "en": dict(
        title="Process lifecycle and family",
        subtitle="States and exit codes of a Process; who adopts an orphan",
        left_head="Lifecycle", left_mod="Process",
        created="created", running="running", exited="exited", terminated="terminated",
        fn_ends="the function ends",
        sysexit="sys.exit(n) → n", signal="−N = signal N",
        ok="returned", exc="exception",
        join=[[("join()", "code"), " waits for the end and reaps the"], "child; call it after terminate() too."],
        right_head="Family", right_mod="os.getppid()",
        parent="parent", child="child", grandchild="grandchild",
        orphan="orphan, adopted", adopts="adopts",
        pid1="PID 1", subreaper="or subreaper",
        right_note=["terminate() ends only the child;", "the orphan's ppid changes to", "its adopter's."],
        desc="Left: a process is created, start() makes it run, and it ends either by itself "
             "(exitcode 0, or 1 after an exception) or by a signal (exitcode -15 after terminate(), "
             "-9 after kill()); join() waits for the end. Right: a parent, its child and its "
             "grandchild; when the child is terminated the grandchild becomes an orphan and is "
             "adopted by PID 1 or a subreaper, so its ppid changes.",
    ),
    "es": dict(
        title="Ciclo de vida y familia de un proceso",
        subtitle="Estados y códigos de salida de un Process; quién adopta a un huérfano",
        left_head="Ciclo de vida", left_mod="Process",
        created="creado", running="en ejecución", exited="finalizado", terminated="terminado",
        fn_ends="la función acaba",
        sysexit="sys.exit(n) → n", signal="−N = señal N",
        ok="retornó", exc="excepción",
        join=[[("join()", "code"), " espera el final y recoge al"], "hijo; úsalo también tras terminate()."],
        right_head="Familia", right_mod="os.getppid()",
        parent="padre", child="hijo", grandchild="nieto",
        orphan="huérfano, adoptado", adopts="adopta",
        pid1="PID 1", subreaper="o subreaper",
        right_note=["terminate() solo termina al hijo;", "el ppid del nieto huérfano pasa", "a ser el de su adoptante."],
        desc="Izquierda: un proceso se crea, start() lo pone en ejecución y acaba por sí mismo "
             "(exitcode 0, o 1 tras una excepción) o por una señal (exitcode -15 tras terminate(), "
             "-9 tras kill()); join() espera el final. Derecha: un padre, su hijo y su nieto; al "
             "terminar al hijo, el nieto queda huérfano y lo adopta el PID 1 o un subreaper, así que "
             "su ppid cambia.",
    ),
}

PH = 352                   # panel height
CODE = {"font-family": MONO}


def runs(parts, bold_code=True):
    out = []
    for p in parts:
        if isinstance(p, tuple):
            out.append((p[0], {"font-family": MONO, "font-weight": "bold" if bold_code else None}))
        else:
            out.append(p)
    return out


def state(s, x, y, w, h, title, fill, stroke=INK, dash=None):
    s.rect(x, y, w, h, rx=10, fill=fill, stroke=stroke, sw=2, stroke_dasharray=dash)
    s.text(x + 12, y + 22, title, size=15, weight="bold")


def build(lang, narrow=False):
    """narrow: the two panels stacked, for a lesson column well under 700 px."""
    L = T[lang]
    LW, RW = (354, 354) if narrow else (392, 316)   # left and right panel widths
    W = 2 * 20 + LW if narrow else 760
    ts, ss, PY0 = header_layout(L["title"], L["subtitle"], W, narrow)
    H = PY0 + (2 * PH + 14 if narrow else PH) + 18
    s = Svg(W, H, L["title"], L["desc"], lang)
    background(s)
    draw_header(s, ts, ss, narrow)
    PY = PY0

    # ------------------------------------------------------------------ left: lifecycle
    px = 20
    s.comment("left: the states of a Process and its exit codes")
    s.rect(px, PY, LW, PH, rx=12, fill=WHITE, stroke=BORDER, sw=1.5)
    s.text(px + 16, PY + 28, L["left_head"], size=16, weight="bold")
    s.text(px + LW - 16, PY + 28, L["left_mod"], size=14, anchor="end", family=MONO, fill=MUTED)

    r1, r1h = PY + 46, 56
    cw = 130 if narrow else 146
    cx1, cx2 = px + 16, px + LW - 16 - cw
    state(s, cx1, r1, cw, r1h, L["created"], SLATE_T)
    s.text(cx1 + 12, r1 + 44, "Process(…)", size=13, family=MONO)
    state(s, cx2, r1, cw, r1h, L["running"], GREEN_T)
    s.text(cx2 + 12, r1 + 44, "exitcode None", size=13, family=MONO)
    s.arrow(cx1 + cw + 2, r1 + r1h / 2, cx2 - 2, r1 + r1h / 2, stroke=INK, sw=2.5, head=11)
    s.text((cx1 + cw + cx2) / 2, r1 + r1h / 2 - 9, "start()", size=14, anchor="middle", family=MONO, weight="bold")

    r2, r2h = PY + 156, 104
    bw = (LW - 32 - 12) / 2
    ex, tx = px + 16, px + 16 + bw + 12
    state(s, ex, r2, bw, r2h, L["exited"], BLUE_T)
    s.text(ex + 12, r2 + 46, runs([("0", ), "  " + L["ok"]]), size=13)
    s.text(ex + 12, r2 + 68, runs([("1", ), "  " + L["exc"]]), size=13)
    state(s, tx, r2, bw, r2h, L["terminated"], VERMILLION_T, stroke=VERMILLION)
    s.text(ex + 12, r2 + 90, L["sysexit"], size=13, family=MONO, fill=MUTED)
    s.text(tx + 12, r2 + 46, [("−15", {"font-family": MONO, "font-weight": "bold"}), "  ",
                              ("terminate()", {"font-family": MONO})], size=13)
    s.text(tx + 12, r2 + 68, [("−9", {"font-family": MONO, "font-weight": "bold"}), "   ",
                              ("kill()", {"font-family": MONO})], size=13)
    s.text(tx + 12, r2 + 90, L["signal"], size=13, fill=MUTED)

    s.comment("running ends by itself (exited) or by a signal (terminated)")
    # In the narrow layout the boxes are closer: start the curve further left, clear of the labels.
    sx0 = cx2 + (14 if narrow else 30)
    s.curve_arrow(sx0, r1 + r1h + 2, sx0 - 40, r2 - 30, ex + bw / 2 + 40, r2 - 2, stroke=BLUE, sw=2.5, head=11)
    s.text(ex + (2 if narrow else 14), r1 + r1h + (22 if narrow else 30), L["fn_ends"], size=13, fill=BLUE, weight="bold")
    kx = cx2 + cw - 34
    s.arrow(kx, r1 + r1h + 2, kx, r2 - 2, stroke=VERMILLION_D, sw=2.5, head=11)
    s.text(kx - 10, r1 + r1h + 24, "terminate()", size=13, anchor="end", family=MONO, fill=VERMILLION_D, weight="bold")
    s.text(kx - 10, r1 + r1h + 42, "kill()", size=13, anchor="end", family=MONO, fill=VERMILLION_D, weight="bold")

    s.comment("join(): the parent waits for either end")
    jy = r2 + r2h + 26
    s.rect(px + 16, jy, LW - 32, 52, rx=8, fill=PAPER, stroke=MUTED, sw=1.5, stroke_dasharray="5 4")
    for bx in (ex, tx):
        s.arrow(bx + bw / 2, r2 + r2h + 2, bx + bw / 2, jy - 2, stroke=MUTED, sw=2, head=9)
    s.text(px + 28, jy + 21, runs(L["join"][0]), size=13)
    s.text(px + 28, jy + 41, L["join"][1], size=13)

    # ------------------------------------------------------------------ right: family
    px = 20 if narrow else W - 20 - RW
    PY = PY0 + PH + 14 if narrow else PY0
    s.comment("right: parent, child, grandchild; the orphan is adopted")
    s.rect(px, PY, RW, PH, rx=12, fill=WHITE, stroke=BORDER, sw=1.5)
    s.text(px + 16, PY + 28, L["right_head"], size=16, weight="bold")
    s.text(px + RW - 16, PY + 28, L["right_mod"], size=14, anchor="end", family=MONO, fill=MUTED)
    fw = 180
    fx = px + 16
    py_, cy_, gy_ = PY + 44, PY + 124, PY + 204
    state(s, fx, py_, fw, 50, L["parent"], SLATE_T)
    s.text(fx + fw - 12, py_ + 22, "pid 100", size=13, anchor="end", family=MONO)
    s.comment("the child has been terminated: dashed red outline, exit code -15")
    state(s, fx, cy_, fw, 50, L["child"], VERMILLION_T, stroke=VERMILLION, dash="6 4")
    s.text(fx + fw - 12, cy_ + 22, "pid 101", size=13, anchor="end", family=MONO)
    s.text(fx + 12, cy_ + 42, "exitcode −15", size=13, family=MONO, fill=INK)
    state(s, fx, gy_, fw, 72, L["grandchild"], GREEN_T)
    s.text(fx + fw - 12, gy_ + 22, "pid 102", size=13, anchor="end", family=MONO)
    s.text(fx + 12, gy_ + 42, L["orphan"], size=13, weight="bold", fill=INK)
    s.text(fx + 12, gy_ + 62, "ppid 101 → 1", size=13, family=MONO)

    mx = fx + fw / 2
    s.arrow(mx - 30, py_ + 52, mx - 30, cy_ - 2, stroke=INK, sw=2, head=9)
    s.text(mx - 20, py_ + 74, "terminate()", size=13, family=MONO, weight="bold", fill=VERMILLION_D)
    s.comment("the old link child -> grandchild is broken")
    s.line(mx - 30, cy_ + 52, mx - 30, gy_ - 2, stroke=LINE, sw=2, stroke_dasharray="4 4")
    s.text(mx - 20, cy_ + 74, "✗", size=16, weight="bold", fill=VERMILLION_D)

    s.comment("the adopter: init (PID 1) or the nearest subreaper")
    ax, aw, ay = fx + fw + 12, px + RW - 16 - (fx + fw + 12), PY + 126
    s.rect(ax, ay, aw, 50, rx=10, fill=PURPLE_T, stroke=INK, sw=2)
    s.text(ax + aw / 2, ay + 22, L["pid1"], size=14, weight="bold", anchor="middle")
    s.text(ax + aw / 2, ay + 41, L["subreaper"], size=13, anchor="middle")
    s.curve_arrow(ax + aw / 2, ay + 52, ax + aw / 2, gy_ + 36, fx + fw + 2, gy_ + 36, stroke=GREEN_D, sw=2.5, head=11)
    s.text(ax + aw / 2 + 6, ay + 84, L["adopts"], size=13, weight="bold", fill=GREEN_D)

    for k, line in enumerate(L["right_note"]):
        s.text(px + 16, PY + PH - 52 + k * 18, line, size=13)
    return s.document()
