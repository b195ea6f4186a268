// Queue tasks over the shared-memory queue (src/shmq): producer, consumer, square_put (the
// notebook's worker(num, q)) and object (the notebook's MyWorker sent through a queue).
//
// Message payload (UTF-8 text, see docs/protocol.md): {"p":<producer pid>,"s":<seq>,"v":<value>}
// where value is an integer, null (the sentinel: "no more", Python's q.put(None)) or any other
// JSON text such as {"x":5}. Consumers also accept a bare payload (seq -1, producer 0), so the
// app's main program may put plain text. Everything got from the segment is treated as
// untrusted: it is parsed with bounds checks and sent on as an escaped string when it is not a
// plain integer.

#include "eventwriter.h"
#include "mainqueue.h"
#include "tasks.h"

#include "shmq.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <unistd.h>

namespace conc {

namespace {

constexpr double kMaxTimeoutMs = 3'600'000;

constexpr ArgSpec kProducerArgs[] = {
    {"queue", ArgKind::String, "", 0, 0, {}, "segment name given by the run (required)"},
    {"label", ArgKind::String, "", 0, 0, {}, "the queue's name in events; empty: the segment name"},
    {"count", ArgKind::Int, "5", 0, 1'000'000, {}, "values to put"},
    {"from", ArgKind::Number, "1", -1e15, 1e15, {}, "first value (int or float); then from+1, from+2..."},
    {"floats", ArgKind::Int, "0", 0, 1, {}, "put floats: float(from + k), e.g. 2.0 (a float from does too)"},
    {"delay_ms", ArgKind::Int, "0", 0, 60000, {}, "sleep before each put"},
    {"sentinels", ArgKind::Int, "0", 0, 256, {}, "None sentinels put at the end (one per consumer)"},
    {"timeout_ms", ArgKind::Int, "30000", 0, kMaxTimeoutMs, {}, "longest wait for room (queue.Full)"},
};
constexpr ArgSpec kConsumerArgs[] = {
    {"queue", ArgKind::String, "", 0, 0, {}, "segment name given by the run (required)"},
    {"label", ArgKind::String, "", 0, 0, {}, "the queue's name in events; empty: the segment name"},
    {"count", ArgKind::Int, "0", 0, 1'000'000, {}, "values to get; 0: until a sentinel or close"},
    {"delay_ms", ArgKind::Int, "0", 0, 60000, {}, "sleep after each get (a slow consumer)"},
    {"timeout_ms", ArgKind::Int, "30000", 0, kMaxTimeoutMs, {}, "longest wait for a value (queue.Empty)"},
};
constexpr ArgSpec kSquarePutArgs[] = {
    {"queue", ArgKind::String, "", 0, 0, {}, "segment name given by the run (required)"},
    {"label", ArgKind::String, "", 0, 0, {}, "the queue's name in events; empty: the segment name"},
    {"num", ArgKind::Int, "5", -1'000'000, 1'000'000, {}, "puts num*num"},
    {"timeout_ms", ArgKind::Int, "30000", 0, kMaxTimeoutMs, {}, "longest wait for room (queue.Full)"},
};
constexpr ArgSpec kObjectArgs[] = {
    {"queue", ArgKind::String, "", 0, 0, {}, "segment name given by the run (required)"},
    {"label", ArgKind::String, "", 0, 0, {}, "the queue's name in events; empty: the segment name"},
    {"role", ArgKind::Choice, "get", 0, 0, "get,put", "get: receive and process one MyWorker; put: send one"},
    {"x", ArgKind::Int, "5", -1'000'000, 1'000'000, {}, "role=put: the object's x"},
    {"timeout_ms", ArgKind::Int, "30000", 0, kMaxTimeoutMs, {}, "longest wait"},
};

int taskProducer(TaskContext &ctx);
int taskConsumer(TaskContext &ctx);
int taskSquarePut(TaskContext &ctx);
int taskObject(TaskContext &ctx);

const TaskSpec kQueueTasks[] = {
    {"producer", taskProducer, kProducerArgs, "puts count values into a queue"},
    {"consumer", taskConsumer, kConsumerArgs, "gets values until count, a sentinel or close"},
    {"square_put", taskSquarePut, kSquarePutArgs, "the notebook's worker(num, q): puts num*num"},
    {"object", taskObject, kObjectArgs, "the notebook's MyWorker sent through a queue"},
};

// The name put/get events give the queue: the scenario's label if the run passed one, else the
// segment name (which the run can map back, as it created the segment).
std::string_view queueLabel(const TaskContext &ctx)
{
    return ctx.strArg("label").empty() ? ctx.strArg("queue") : ctx.strArg("label");
}

std::chrono::nanoseconds msArg(const TaskContext &ctx, std::string_view name)
{
    return std::chrono::milliseconds(ctx.intArg(name));
}

bool attachQueue(TaskContext &ctx, std::optional<shmq::Queue> &q)
{
    const std::string_view name = ctx.strArg("queue");
    if (name.empty()) {
        StackBuf<128> b;
        b.add(ctx.taskName).add(": argument 'queue' (the segment name) is required");
        emitError(ctx, "ValueError", b.view());
        return false;
    }
    shmq::OpenError err;
    q = shmq::Queue::attach(name, &err);
    if (!q) {
        emitError(ctx, "OSError", err.message);
        return false;
    }
    return true;
}

// A value got from a queue, classified as Python would see it after unpickling.
enum class Kind { Int, Float, Str, None, Bool, Other };

struct Message
{
    std::int64_t producer = 0;
    std::int64_t seq = -1;
    Kind kind = Kind::Other;
    bool sentinel = false;
    std::int64_t intValue = 0;
    double floatValue = 0;
    bool boolValue = false;
    std::string_view raw; ///< the value's JSON text (or the whole bare payload)
    char text[1100];      ///< Kind::Str: the decoded string (its beginning when `cut`)
    std::size_t textLen = 0;
    bool cut = false; ///< Kind::Str: longer than `text`; events and prints say truncated
    std::string_view str() const { return {text, textLen}; }
};

bool parseInt(std::string_view s, std::int64_t &out)
{
    if (s.empty())
        return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

// A JSON number with a fraction or an exponent: Python's json/pickle gives a float for it.
bool parseFloat(std::string_view s, double &out)
{
    if (s.empty() || s.find_first_of(".eE") == std::string_view::npos)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
            return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::general);
    return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool readHex4(std::string_view s, std::size_t at, std::uint32_t &out)
{
    if (at + 4 > s.size())
        return false;
    out = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        const int h = hexDigit(s[at + k]);
        if (h < 0)
            return false;
        out = out * 16 + std::uint32_t(h);
    }
    return true;
}

// Decodes a JSON string literal (quotes included) into UTF-8; false if it is not one. A string
// longer than `out` keeps its beginning, cut at a character boundary, and out.cut() says so.
bool decodeJsonString(std::string_view lit, FixedBuf &out)
{
    if (lit.size() < 2 || lit.front() != '"' || lit.back() != '"')
        return false;
    const std::string_view s = lit.substr(1, lit.size() - 2);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"' || static_cast<unsigned char>(c) < 0x20)
            return false;
        if (c != '\\') {
            out.add(c);
            continue;
        }
        if (++i >= s.size())
            return false;
        std::uint32_t cp = 0;
        switch (s[i]) {
        case '"':
            out.add('"');
            continue;
        case '\\':
            out.add('\\');
            continue;
        case '/':
            out.add('/');
            continue;
        case 'b':
            out.add('\b');
            continue;
        case 'f':
            out.add('\f');
            continue;
        case 'n':
            out.add('\n');
            continue;
        case 'r':
            out.add('\r');
            continue;
        case 't':
            out.add('\t');
            continue;
        case 'u':
            if (!readHex4(s, i + 1, cp))
                return false;
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { // a surrogate pair
                std::uint32_t lo = 0;
                if (i + 2 >= s.size() || s[i + 1] != '\\' || s[i + 2] != 'u' || !readHex4(s, i + 3, lo) ||
                    lo < 0xDC00 || lo > 0xDFFF)
                    return false;
                i += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return false;
            }
            break;
        default:
            return false;
        }
        if (cp < 0x80) {
            out.add(char(cp));
        } else if (cp < 0x800) {
            out.add(char(0xC0 | (cp >> 6))).add(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.add(char(0xE0 | (cp >> 12)))
                .add(char(0x80 | ((cp >> 6) & 0x3F)))
                .add(char(0x80 | (cp & 0x3F)));
        } else {
            out.add(char(0xF0 | (cp >> 18)))
                .add(char(0x80 | ((cp >> 12) & 0x3F)))
                .add(char(0x80 | ((cp >> 6) & 0x3F)))
                .add(char(0x80 | (cp & 0x3F)));
        }
    }
    return true;
}

// The length of `text` without a last UTF-8 sequence that was cut short.
std::size_t wholeCharacters(std::string_view text)
{
    std::size_t n = text.size();
    for (std::size_t back = 1; back <= 4 && back <= n; ++back) {
        const auto c = static_cast<unsigned char>(text[n - back]);
        if ((c & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for its lead byte
        const std::size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return need > back ? n - back : n;
    }
    return n;
}

// Parses our envelope; anything else is a bare value. Never reads outside `payload`.
void parseMessage(std::string_view payload, Message &m)
{
    m = Message{};
    m.raw = payload;
    constexpr std::string_view kP = "{\"p\":", kS = ",\"s\":", kV = ",\"v\":";
    if (payload.starts_with(kP) && payload.ends_with("}")) {
        const std::size_t s = payload.find(kS);
        const std::size_t v = payload.find(kV);
        std::int64_t p = 0, seq = 0;
        if (s != std::string_view::npos && v != std::string_view::npos && s < v &&
            parseInt(payload.substr(kP.size(), s - kP.size()), p) &&
            parseInt(payload.substr(s + kS.size(), v - s - kS.size()), seq)) {
            m.producer = p;
            m.seq = seq;
            m.raw = payload.substr(v + kV.size(), payload.size() - v - kV.size() - 1);
        }
    }
    FixedBuf text(m.text, sizeof m.text);
    if (m.raw == "null") {
        m.kind = Kind::None;
        m.sentinel = true;
    } else if (m.raw == "true" || m.raw == "false") {
        m.kind = Kind::Bool;
        m.boolValue = m.raw == "true";
    } else if (parseInt(m.raw, m.intValue)) {
        m.kind = Kind::Int;
    } else if (parseFloat(m.raw, m.floatValue)) {
        m.kind = Kind::Float;
    } else if (decodeJsonString(m.raw, text)) {
        // A string longer than the buffer is still a string (Python got a str), only cut.
        m.kind = Kind::Str;
        m.cut = text.cut();
        m.textLen = m.cut ? wholeCharacters(text.view()) : text.size();
    } else {
        m.kind = Kind::Other;
    }
}

// What print(value) shows: str() of the value (strings unquoted, None, True, floats as repr()).
void addPyStr(FixedBuf &b, const Message &m)
{
    switch (m.kind) {
    case Kind::None:
        b.add("None");
        break;
    case Kind::Bool:
        b.add(m.boolValue ? "True" : "False");
        break;
    case Kind::Int:
        b.addInt(m.intValue);
        break;
    case Kind::Float:
        b.addPyFloat(m.floatValue);
        break;
    case Kind::Str:
        b.add(m.str());
        if (m.cut)
            b.markCut();
        break;
    case Kind::Other:
        b.add(m.raw);
        break;
    }
}

std::size_t formatMessage(char *buf, std::size_t cap, std::int64_t seq, std::string_view value)
{
    FixedBuf b(buf, cap);
    b.add("{\"p\":").addInt(getpid()).add(",\"s\":").addInt(seq).add(",\"v\":").add(value).add('}');
    return b.size();
}

void addValue(EventLine &e, const Message &m)
{
    switch (m.kind) {
    case Kind::None:
        e.null("value");
        break;
    case Kind::Bool:
        e.boolean("value", m.boolValue);
        break;
    case Kind::Int:
        e.num("value", m.intValue);
        break;
    case Kind::Float:
        e.floatValue(m.floatValue);
        break;
    case Kind::Str:
        e.str("value", m.str());
        if (m.cut)
            e.markTruncated();
        break;
    case Kind::Other: // an object, or a payload we do not understand
        e.str("value", m.raw);
        break;
    }
}

// Puts one message and reports it; false (after an error event) when the queue refused it.
bool putValue(TaskContext &ctx, shmq::Queue &q, std::int64_t seq, std::string_view valueJson,
              std::chrono::nanoseconds timeout)
{
    char buf[512];
    const std::size_t n = formatMessage(buf, sizeof buf, seq, valueJson);
    const shmq::Result r = q.put(std::string_view(buf, n), timeout);
    if (r != shmq::Result::Ok) {
        // The exceptions Python's Queue.put raises in the same situations.
        if (r == shmq::Result::Timeout)
            emitError(ctx, "Full", "");
        else if (r == shmq::Result::Closed)
            emitError(ctx, "ValueError", "Queue is closed");
        else
            emitError(ctx, "OSError", shmq::describe(r));
        return false;
    }
    Event e("put");
    e.str("queue", queueLabel(ctx)).num("seq", seq).num("producer", getpid()); // before a long value
    Message m;
    parseMessage(std::string_view(buf, n), m);
    addValue(e, m);
    e.emit();
    return true;
}

enum class GetOutcome { Value, Closed, Failed };

GetOutcome getValue(TaskContext &ctx, shmq::Queue &q, std::vector<std::byte> &buf, Message &m,
                    std::chrono::nanoseconds timeout)
{
    for (;;) {
        const shmq::Result r = q.get(buf, timeout);
        if (r == shmq::Result::Ok) {
            parseMessage(std::string_view(reinterpret_cast<const char *>(buf.data()), buf.size()), m);
            Event e("get");
            // The producer before the value: a value too long for the line is cut, never it.
            e.str("queue", queueLabel(ctx)).num("seq", m.seq).num("producer", m.producer);
            addValue(e, m);
            e.emit();
            return GetOutcome::Value;
        }
        if (r == shmq::Result::Corrupt) {
            // The queue dropped and counted a damaged message; the others are intact.
            emitPrint("mensaje dañado descartado por la cola");
            continue;
        }
        if (r == shmq::Result::Closed)
            return GetOutcome::Closed;
        if (r == shmq::Result::Timeout)
            emitError(ctx, "Empty", "");
        else
            emitError(ctx, "OSError", shmq::describe(r));
        return GetOutcome::Failed;
    }
}

int taskProducer(TaskContext &ctx)
{
    std::optional<shmq::Queue> q;
    if (!attachQueue(ctx, q))
        return 1;
    const std::int64_t count = ctx.intArg("count");
    const Value &first = ctx.arg("from");
    // Python: from + k is a float when from is one (2.5 + 1), or float(from + k) with floats=1.
    const bool floats = !first.isInt || ctx.intArg("floats") != 0;
    const std::int64_t delayNs = ctx.intArg("delay_ms") * 1'000'000;
    const auto timeout = msArg(ctx, "timeout_ms");
    std::int64_t seq = 0;
    for (std::int64_t k = 0; k < count; ++k, ++seq) {
        sleepNs(delayNs);
        StackBuf<40> v; // the value's JSON text, which for a float is also its repr()
        if (floats)
            v.addPyFloat(first.asDouble() + double(k));
        else
            v.addInt(first.i + k);
        StackBuf<64> line; // print("Se pone en la cola:", value): one space between the arguments
        line.add("Se pone en la cola: ").add(v.view());
        emitPrint(line);
        if (!putValue(ctx, *q, seq, v.view(), timeout))
            return 1;
    }
    for (std::int64_t k = 0; k < ctx.intArg("sentinels"); ++k, ++seq)
        if (!putValue(ctx, *q, seq, "null", timeout))
            return 1;
    q->release();
    return 0;
}

int taskConsumer(TaskContext &ctx)
{
    std::optional<shmq::Queue> q;
    if (!attachQueue(ctx, q))
        return 1;
    const std::int64_t count = ctx.intArg("count");
    const std::int64_t delayNs = ctx.intArg("delay_ms") * 1'000'000;
    const auto timeout = msArg(ctx, "timeout_ms");
    std::vector<std::byte> buf;
    for (std::int64_t got = 0; count == 0 || got < count;) {
        Message m;
        const GetOutcome o = getValue(ctx, *q, buf, m, timeout);
        if (o == GetOutcome::Failed)
            return 1;
        if (o == GetOutcome::Closed || m.sentinel)
            break;
        StackBuf<1200> line; // print("Se lee de la cola:", value): str() of the value, one space
        line.add("Se lee de la cola: ");
        addPyStr(line, m);
        emitPrint(line);
        ++got;
        sleepNs(delayNs);
    }
    q->release();
    return 0;
}

int taskSquarePut(TaskContext &ctx)
{
    std::optional<shmq::Queue> q;
    if (!attachQueue(ctx, q))
        return 1;
    const std::int64_t num = ctx.intArg("num");
    StackBuf<32> v;
    v.addInt(num * num);
    StackBuf<64> line; // the notebook's print("Se pone en la cola:", num * num)
    line.add("Se pone en la cola: ").add(v.view());
    emitPrint(line);
    if (!putValue(ctx, *q, 0, v.view(), msArg(ctx, "timeout_ms")))
        return 1;
    q->release();
    return 0;
}

// Finds "x":<int> in a small JSON object without trusting it.
bool objectX(std::string_view json, std::int64_t &x)
{
    const std::size_t at = json.find("\"x\":");
    if (!json.starts_with("{") || at == std::string_view::npos)
        return false;
    std::size_t end = at + 4;
    while (end < json.size() && (json[end] == '-' || (json[end] >= '0' && json[end] <= '9')))
        ++end;
    return parseInt(json.substr(at + 4, end - at - 4), x);
}

int taskObject(TaskContext &ctx)
{
    std::optional<shmq::Queue> q;
    if (!attachQueue(ctx, q))
        return 1;
    const auto timeout = msArg(ctx, "timeout_ms");
    if (ctx.strArg("role") == "put") {
        StackBuf<64> obj;
        obj.add("{\"x\":").addInt(ctx.intArg("x")).add('}');
        if (!putValue(ctx, *q, 0, obj.view(), timeout))
            return 1;
        q->release();
        return 0;
    }
    std::vector<std::byte> buf;
    Message m;
    const GetOutcome o = getValue(ctx, *q, buf, m, timeout);
    if (o == GetOutcome::Failed)
        return 1;
    if (o == GetOutcome::Closed) {
        emitError(ctx, "EOFError", "the queue was closed before an object arrived");
        return 1;
    }
    std::int64_t x = 0;
    if (!objectX(m.raw, x)) {
        // Python: worker.process() on something that is not a MyWorker.
        emitError(ctx, "AttributeError", "the object got from the queue has no attribute 'x'");
        return 1;
    }
    // MyWorker.process() in the notebook.
    StackBuf<512> line;
    line.add("Starting process ").add(ctx.name).add(" for number ").addInt(x).add("...");
    emitPrint(line);
    q->release();
    return 0;
}

} // namespace

std::span<const TaskSpec> queueTaskCatalog() noexcept
{
    return kQueueTasks;
}

// ---- the main program's own queue actions (mainqueue.h) -------------------------------------------

std::size_t formatMessageFor(char *buf, std::size_t cap, std::int64_t seq,
                             std::string_view valueJson) noexcept
{
    return formatMessage(buf, cap, seq, valueJson);
}

shmq::Result tryPutMessage(shmq::Queue &q, std::int64_t seq, std::string_view valueJson) noexcept
{
    char buf[1024];
    const std::size_t n = formatMessage(buf, sizeof buf, seq, valueJson);
    return q.tryPut(std::as_bytes(std::span(buf, n)));
}

void addMessageStr(FixedBuf &b, std::string_view payload) noexcept
{
    Message m;
    parseMessage(payload, m);
    addPyStr(b, m);
}

void addMessageFields(EventLine &e, std::string_view payload) noexcept
{
    Message m;
    parseMessage(payload, m);
    e.num("seq", m.seq).num("producer", m.producer); // before the value, which may be cut
    addValue(e, m);
}

} // namespace conc
