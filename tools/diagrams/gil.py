from lib import *

T = {
    "en": dict(
        title="The GIL: threads vs. processes",
        subtitle="CPython: one GIL (global interpreter lock) per process",
        left_head="1 process, 3 threads", left_mod="threading",
        left_sub="1 interpreter · 1 GIL",
        right_head="3 processes", right_mod="multiprocessing",
        right_sub="3 interpreters · 3 GILs",
        thread="Thread", process="Process",
        time="time", end="end",
        cores="Cores:", one_busy="1 busy at a time", all_busy="3 busy at once",
        faster="≈ 3×", faster2="faster",
        left_note=["Only the thread holding the GIL runs", "Python code; the others wait."],
        right_note=["Each process has its own interpreter", "and GIL: they run in parallel."],
        leg_run="runs Python (holds the GIL)", leg_wait="waits for the GIL",
        leg_lock="the GIL", leg_core="busy / idle core",
        desc="Left: one process whose three threads take turns holding the single GIL, so only one "
             "runs at a time even with several cores. Right: three processes, each with its own "
             "interpreter and GIL, running at the same time on three cores and finishing about "
             "three times sooner.",
    ),
    "es": dict(
        title="El GIL: hilos frente a procesos",
        subtitle="CPython: un GIL (bloqueo global del intérprete) por proceso",
        left_head="1 proceso, 3 hilos", left_mod="threading",
        left_sub="1 intérprete · 1 GIL",
        right_head="3 procesos", right_mod="multiprocessing",
        right_sub="3 intérpretes · 3 GIL",
        thread="Hilo", process="Proceso",
        time="tiempo", end="fin",
        cores="Núcleos:", one_busy="1 ocupado a la vez", all_busy="3 ocupados a la vez",
        faster="≈ 3×", faster2="más rápido",
        left_note=["Solo el hilo que tiene el GIL ejecuta", "código Python; los demás esperan."],
        right_note=["Cada proceso tiene su propio intérprete", "y su GIL: corren en paralelo."],
        leg_run="ejecuta Python (tiene el GIL)", leg_wait="espera el GIL",
        leg_lock="el GIL", leg_core="núcleo ocupado / libre",
        desc="Izquierda: un proceso cuyos tres hilos se turnan el único GIL, así que solo uno se "
             "ejecuta a la vez aunque haya varios núcleos. Derecha: tres procesos, cada uno con su "
             "propio intérprete y su GIL, ejecutándose a la vez en tres núcleos y terminando unas "
             "tres veces antes.",
    ),
}

COLORS = [BLUE, ORANGE, GREEN]
PH = 300                  # panel height
PW = 354                  # panel width
LANES = [88, 126, 164]    # lane centre lines, from the panel top
BAR_H = 24
SLICE = 24                # one time slice in user units
AXIS_Y = 192               # from the panel top


def core_row(s, x, y, L, busy, label):
    s.text(x, y + 13, L["cores"], size=14, weight="bold")
    cx = x + tw(L["cores"], 14, bold=True) + 12
    for i in range(3):
        on = i < busy
        s.rect(cx + i * 22, y, 16, 16, rx=3, fill=INK if on else WHITE, stroke=INK, sw=1.5)
    s.text(cx + 3 * 22 + 6, y + 13, label, size=14)


def build(lang, narrow=False):
    """narrow: the two panels stacked, for a lesson column well under 700 px."""
    L = T[lang]
    W = 2 * 20 + PW if narrow else 760
    ts, ss, PY0 = header_layout(L["title"], L["subtitle"], W, narrow)
    legend_rows = 3 if narrow else 1
    panels_bottom = PY0 + (2 * PH + 14 if narrow else PH)
    H = panels_bottom + 36 + 26 * (legend_rows - 1) + 32
    s = Svg(W, H, L["title"], L["desc"], lang)
    background(s)
    draw_header(s, ts, ss, narrow)

    for side in (0, 1):
        px = 20 if side == 0 or narrow else W - 20 - PW
        PY = PY0 + PH + 14 if side == 1 and narrow else PY0
        lanes = [PY + l for l in LANES]
        axis_y = PY + AXIS_Y
        x0 = px + 112                     # where the time axis starts
        s.comment(("left: one process, threads take turns" if side == 0
                   else "right: several processes in parallel"))
        panel(s, px, PY, PW, PH)
        head, mod, sub = ((L["left_head"], L["left_mod"], L["left_sub"]) if side == 0
                          else (L["right_head"], L["right_mod"], L["right_sub"]))
        s.text(px + 16, PY + 28, head, size=16, weight="bold")
        s.text(px + PW - 16, PY + 28, mod, size=14, anchor="end", family=MONO, fill=MUTED)
        s.text(px + 16, PY + 50, sub, size=14, fill=MUTED)
        # One padlock per interpreter: the left process has one GIL, the right side three.
        for k in range(1 if side == 0 else 3):
            s.lock(px + 16 + tw(sub, 14) + 12 + k * 20, PY + 37, 16)

        for i, cy in enumerate(lanes):
            name = f"{L['thread']} {i + 1}" if side == 0 else f"{L['process']} {i + 1}"
            s.text(px + 16, cy + 5, name, size=14, weight="bold", fill=INK)
            if side == 0:
                # 9 slices; the GIL is handed from thread to thread, one holder per slice.
                s.line(x0, cy, x0 + 9 * SLICE, cy, stroke=LINE, sw=2, stroke_dasharray="4 4")
                for k in range(i, 9, 3):
                    bx = x0 + k * SLICE
                    s.rect(bx + 1, cy - BAR_H / 2, SLICE - 2, BAR_H, rx=3, fill=COLORS[i], stroke=INK, sw=1.5)
                    s.lock(bx + SLICE / 2 - 5.5, cy - 7, 13)
            else:
                # The same work, all three at once: each process holds its own GIL throughout.
                s.rect(x0 + 1, cy - BAR_H / 2, 3 * SLICE - 2, BAR_H, rx=3, fill=COLORS[i], stroke=INK, sw=1.5)
                s.lock(x0 + 1.5 * SLICE - 5.5, cy - 7, 13)

        end_x = x0 + (9 if side == 0 else 3) * SLICE
        s.line(end_x, lanes[0] - 22, end_x, axis_y, stroke=MUTED, sw=1.5, stroke_dasharray="3 3")
        s.arrow(x0, axis_y, px + PW - 14, axis_y, stroke=INK, sw=2, head=9)
        s.text(x0, axis_y + 20, L["time"], size=13, fill=MUTED)
        s.text(end_x, axis_y + 20, L["end"], size=13, anchor="middle", fill=MUTED)
        if side == 1:
            mid = (end_x + px + PW - 14) / 2
            s.text(mid, lanes[1] - 2, L["faster"], size=20, weight="bold", anchor="middle", fill=INK)
            s.text(mid, lanes[1] + 18, L["faster2"], size=14, anchor="middle", fill=INK)

        core_row(s, px + 16, PY + 222, L, 1 if side == 0 else 3,
                 L["one_busy"] if side == 0 else L["all_busy"])
        note = L["left_note"] if side == 0 else L["right_note"]
        s.text(px + 16, PY + 262, note[0], size=13)
        s.text(px + 16, PY + 280, note[1], size=13)

    s.comment("legend")
    items = [("bar", L["leg_run"]), ("wait", L["leg_wait"]), ("lock", L["leg_lock"]), ("core", L["leg_core"])]
    icon_w = {"bar": 30, "wait": 34, "lock": 22, "core": 40}
    rows = [items] if not narrow else [items[:1], items[1:3], items[3:]]
    for r, row in enumerate(rows):
        ly = panels_bottom + 36 + 26 * r
        used = sum(icon_w[k] + tw(t, 13) for k, t in row)
        # one row spreads evenly across the card; stacked rows stay left-aligned
        gap = (W - 60 - used) / max(1, len(row) - 1) if not narrow else 28
        x = 30
        for kind, label in row:
            if kind == "bar":
                s.rect(x, ly - 11, 22, 18, rx=3, fill=BLUE, stroke=INK, sw=1.5)
            elif kind == "wait":
                s.line(x, ly - 2, x + 26, ly - 2, stroke=LINE, sw=2, stroke_dasharray="4 4")
            elif kind == "lock":
                s.lock(x, ly - 10, 16)
            else:
                s.rect(x, ly - 10, 14, 14, rx=3, fill=INK, stroke=INK, sw=1.5)
                s.rect(x + 18, ly - 10, 14, 14, rx=3, fill=WHITE, stroke=INK, sw=1.5)
            s.text(x + icon_w[kind], ly + 4, label, size=13)
            x += icon_w[kind] + tw(label, 13) + gap
    return s.document()
