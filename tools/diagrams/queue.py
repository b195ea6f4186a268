from lib import *

T = {
    "en": dict(
        title="Message queue vs. shared memory",
        subtitle="Two ways for processes to exchange data",
        left_head="Message queue", left_mod="Queue()",
        producer="Producer", consumer="Consumer",
        buffer="buffer", feeder="feeder thread", pipe="pipe",
        left_note=["First in, first out; each message goes", "to exactly one consumer."],
        right_head="Shared memory", right_mod="Value, Array",
        process="Process", region="one shared region",
        write="write", read="read",
        warn=["Needs synchronisation (a Lock):", "two writes at the same time", "can corrupt the data."],
        right_note=["Fast, no copies: every process", "sees the same bytes."],
        desc="Left: in each of two producer processes, put() leaves the object in the queue's buffer "
             "and a feeder thread of that process pickles it and writes it into a pipe guarded by a "
             "lock; two consumer processes get() the messages from the pipe, first in first out, "
             "each message a copy that exactly one consumer receives. Right: three processes write to and "
             "read from one shared memory region, which needs a lock so that simultaneous writes "
             "do not corrupt it.",
    ),
    "es": dict(
        title="Cola de mensajes frente a memoria compartida",
        subtitle="Dos formas de intercambiar datos entre procesos",
        left_head="Cola de mensajes", left_mod="Queue()",
        producer="Productor", consumer="Consumidor",
        buffer="búfer", feeder="hilo alimentador", pipe="tubería",
        left_note=["El primero en entrar sale primero; cada", "mensaje lo recibe un solo consumidor."],
        right_head="Memoria compartida", right_mod="Value, Array",
        process="Proceso", region="una región compartida",
        write="escribe", read="lee",
        warn=["Requiere sincronización (un Lock):", "dos escrituras simultáneas", "pueden corromper los datos."],
        right_note=["Rápida, sin copias: todos los", "procesos ven los mismos bytes."],
        desc="Izquierda: en cada uno de los dos procesos productores, put() deja el objeto en el "
             "búfer de la cola y un hilo alimentador de ese proceso lo serializa y lo escribe en una "
             "tubería protegida por un candado; dos procesos consumidores sacan los mensajes de la "
             "tubería con get(), en orden de llegada, y cada copia la recibe un solo consumidor. Derecha: tres "
             "procesos escriben y leen en una única región de memoria compartida, que necesita un "
             "candado para que las escrituras simultáneas no la corrompan.",
    ),
}

PH, PW = 356, 354          # panel height and width
PUT = VERMILLION_D  # put / write arrows
GET = BLUE         # get / read arrows


def box(s, x, y, w, h, label, fill):
    s.rect(x, y, w, h, rx=8, fill=fill, stroke=INK, sw=1.5)
    s.text(x + w / 2, y + h / 2 + 5, label, size=14, weight="bold", anchor="middle")


def build(lang, narrow=False):
    """narrow: the two panels stacked, for a lesson column well under 700 px."""
    L = T[lang]
    W = 2 * 20 + PW if narrow else 760
    ts, ss, PY0 = header_layout(L["title"], L["subtitle"], W, narrow)
    H = PY0 + (2 * PH + 14 if narrow else PH) + 18
    s = Svg(W, H, L["title"], L["desc"], lang)
    background(s)
    draw_header(s, ts, ss, narrow)
    PY = PY0

    # ---------------------------------------------------------------- left: message queue
    px = 20
    s.comment("left: producers put messages into a queue, consumers get them")
    panel(s, px, PY, PW, PH)
    s.text(px + 16, PY + 28, L["left_head"], size=16, weight="bold")
    s.text(px + PW - 16, PY + 28, L["left_mod"], size=14, anchor="end", family=MONO, fill=MUTED)
    bw, bh = 136, 42
    row2 = PY + 266
    s.comment("each producer: put() leaves the object in the queue's buffer; a feeder thread of")
    s.comment("that process pickles it and writes it into the pipe")
    fw, fh = 150, 96
    fcols = [px + 16, px + PW - 16 - fw]
    row1 = PY + 44
    pipe_x, pipe_y, pipe_w, pipe_h = px + 24, PY + 172, PW - 48, 44
    for i, fx in enumerate(fcols):
        s.rect(fx, row1, fw, fh, rx=8, fill=ORANGE_T, stroke=INK, sw=1.5)
        s.text(fx + fw / 2, row1 + 20, f"{L['producer']} {i + 1}", size=14, weight="bold", anchor="middle")
        s.text(fx + 8, row1 + 46, "put()", size=12, weight="bold", family=MONO, fill=PUT)
        buf_x, buf_y, buf_w, buf_h = fx + 66, row1 + 30, fw - 74, 22
        s.arrow(fx + 46, buf_y + buf_h / 2, buf_x - 1, buf_y + buf_h / 2, stroke=PUT, sw=2, head=8)
        s.rect(buf_x, buf_y, buf_w, buf_h, rx=4, fill=WHITE, stroke=INK, sw=1.2)
        s.text(buf_x + buf_w / 2, buf_y + 16, L["buffer"], size=12, anchor="middle")
        thr_y = row1 + 64
        s.arrow(buf_x + buf_w / 2, buf_y + buf_h + 1, buf_x + buf_w / 2, thr_y - 1, stroke=PUT, sw=2, head=8)
        s.rect(fx + 8, thr_y, fw - 16, 22, rx=11, fill=WHITE, stroke=INK, sw=1.2, stroke_dasharray="4,3")
        s.text(fx + fw / 2, thr_y + 16, L["feeder"], size=12, anchor="middle")
        cx = fx + fw / 2
        s.arrow(cx, thr_y + 22 + 1, cx, pipe_y - 2, stroke=PUT, sw=2.5, head=11)
    s.comment("the pipe that carries the pickled messages, guarded by a lock")
    s.rect(pipe_x, pipe_y, pipe_w, pipe_h, rx=10, fill=SLATE_T, stroke=INK, sw=2)
    s.lock(pipe_x + 10, pipe_y + 13, 18)
    s.text(pipe_x + 34, pipe_y + 27, L["pipe"], size=12, weight="bold")
    msgs = ["(1, 2)", "'hola'", "25"]
    cw, cg = 56, 6
    cx0 = pipe_x + pipe_w - 10 - len(msgs) * cw - (len(msgs) - 1) * cg
    for k, msg in enumerate(msgs):
        mx = cx0 + k * (cw + cg)
        s.rect(mx, pipe_y + 10, cw, 24, rx=4, fill=WHITE, stroke=INK, sw=1.5)
        s.text(mx + cw / 2, pipe_y + 27, msg, size=13, anchor="middle", family=MONO)
    s.comment("consumers: get() reads the next message from the pipe")
    cols = [px + 24, px + PW - 24 - bw]
    for i, bx in enumerate(cols):
        box(s, bx, row2, bw, bh, f"{L['consumer']} {i + 1}", BLUE_T)
        ex = bx + bw / 2
        s.arrow(ex, pipe_y + pipe_h + 2, ex, row2 - 2, stroke=GET, sw=2.5, head=11)
        lx = ex + (-10 if i == 0 else 10)
        s.text(lx, row2 - 18, "get()", size=14, anchor="end" if i == 0 else "start", family=MONO, fill=GET, weight="bold")
    s.text(px + 16, PY + PH - 30, L["left_note"][0], size=13)
    s.text(px + 16, PY + PH - 12, L["left_note"][1], size=13)

    # ---------------------------------------------------------------- right: shared memory
    px = 20 if narrow else W - 20 - PW
    PY = PY0 + PH + 14 if narrow else PY0
    row1 = PY + 48
    s.comment("right: processes write to and read from one shared memory block")
    panel(s, px, PY, PW, PH)
    s.text(px + 16, PY + 28, L["right_head"], size=16, weight="bold")
    s.text(px + PW - 16, PY + 28, L["right_mod"], size=14, anchor="end", family=MONO, fill=MUTED)
    pw3, gap = 100, (PW - 32 - 300) / 2
    names = "ABC"
    block_y, block_h = PY + 134, 80
    for i in range(3):
        bx = px + 16 + i * (pw3 + gap)
        box(s, bx, row1, pw3, bh, f"{L['process']} {names[i]}", GREEN_T)
        cx = bx + pw3 / 2
        if i == 1:   # B reads: the arrow comes out of the block
            s.arrow(cx, block_y - 2, cx, row1 + bh + 2, stroke=GET, sw=2.5, head=11)
            s.text(cx + 9, row1 + bh + 30, L["read"], size=14, weight="bold", fill=GET)
        else:        # A and C write: their arrows go into the same block
            s.arrow(cx, row1 + bh + 2, cx, block_y - 2, stroke=PUT, sw=2.5, head=11)
            # labels sit on the outer side of the outer arrows, clear of the middle one
            left = i == 2
            s.text(cx + (-9 if left else 9), row1 + bh + 30, L["write"], size=14, weight="bold", fill=PUT,
                   anchor="end" if left else None)
    s.comment("the shared region: one block of memory that all three see")
    s.rect(px + 16, block_y, PW - 32, block_h, rx=8, fill=PURPLE_T, stroke=INK, sw=2)
    s.text(px + PW / 2, block_y + 22, L["region"], size=13, anchor="middle", fill=INK)
    cells = ["3", "7", "1", "4", "0", "9"]
    cw = 40
    cx0 = px + PW / 2 - len(cells) * cw / 2
    for k, v in enumerate(cells):
        s.rect(cx0 + k * cw, block_y + 36, cw, 32, fill=WHITE, stroke=INK, sw=1.5)
        s.text(cx0 + k * cw + cw / 2, block_y + 57, v, size=14, anchor="middle", family=MONO)
    s.comment("warning: shared state needs a lock")
    wy = block_y + block_h + 18
    s.rect(px + 16, wy, PW - 32, 74, rx=8, fill=VERMILLION_T, stroke=VERMILLION, sw=1.5)
    s.lock(px + 28, wy + 12, 20)
    for k, line in enumerate(L["warn"]):
        s.text(px + 58, wy + 22 + k * 19, line, size=13, weight="bold" if k == 0 else None)
    s.text(px + 16, PY + PH - 30, L["right_note"][0], size=13)
    s.text(px + 16, PY + PH - 12, L["right_note"][1], size=13)
    return s.document()
