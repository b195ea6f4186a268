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
#include "tasks.h"

#include "shmq.h"

#include <charconv>
#include <chrono>
#include <cstddef>
#include <unistd.h>

namespace conc {

namespace {

constexpr double kMaxTimeoutMs = 3'600'000;

constexpr ArgSpec kProducerArgs[] = {
    {"queue", ArgKind::String, "", 0, 0, {}, "segment name given by the run (required)"},
    {"label", ArgKind::String, "", 0, 0, {}, "the queue's name in events; empty: the segment name"},
    {"count", ArgKind::Int, "5", 0, 1'000'000, {}, "values to put"},
    {"from", ArgKind::Int, "1", -1e15, 1e15, {}, "first value; then from+1, from+2..."},
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

struct Message {
    std::int64_t producer = 0;
    std::int64_t seq = -1;
    bool isInt = false;
    bool sentinel = false;
    std::int64_t intValue = 0;
    std::string_view raw; ///< the value's JSON text (or the whole bare payload)
};

bool parseInt(std::string_view s, std::int64_t &out)
{
    if (s.empty())
        return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

// Parses our envelope; anything else is a bare value. Never reads outside `payload`.
Message parseMessage(std::string_view payload)
{
    Message m;
    m.raw = payload;
    constexpr std::string_view kP = "{\"p\":", kS = ",\"s\":", kV = ",\"v\":";
    if (payload.starts_with(kP) && payload.ends_with("}")) {
        const std::size_t s = payload.find(kS);
        const std::size_t v = payload.find(kV);
        std::int64_t p = 0, seq = 0;
        if (s != std::string_view::npos && v != std::string_view::npos && s < v
            && parseInt(payload.substr(kP.size(), s - kP.size()), p)
            && parseInt(payload.substr(s + kS.size(), v - s - kS.size()), seq)) {
            m.producer = p;
            m.seq = seq;
            m.raw = payload.substr(v + kV.size(), payload.size() - v - kV.size() - 1);
        }
    }
    m.sentinel = m.raw == "null";
    m.isInt = parseInt(m.raw, m.intValue);
    return m;
}

std::size_t formatMessage(char *buf, std::size_t cap, std::int64_t seq, std::string_view value)
{
    FixedBuf b(buf, cap);
    b.add("{\"p\":").addInt(getpid()).add(",\"s\":").addInt(seq).add(",\"v\":").add(value).add('}');
    return b.size();
}

void addValue(Event &e, const Message &m)
{
    if (m.sentinel)
        e.null("value");
    else if (m.isInt)
        e.num("value", m.intValue);
    else
        e.str("value", m.raw);
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
    e.str("queue", queueLabel(ctx)).num("seq", seq);
    addValue(e, parseMessage(std::string_view(buf, n)));
    e.num("producer", getpid()).emit();
    return true;
}

enum class GetOutcome { Value, Closed, Failed };

GetOutcome getValue(TaskContext &ctx, shmq::Queue &q, std::vector<std::byte> &buf, Message &m,
                    std::chrono::nanoseconds timeout)
{
    for (;;) {
        const shmq::Result r = q.get(buf, timeout);
        if (r == shmq::Result::Ok) {
            m = parseMessage(std::string_view(reinterpret_cast<const char *>(buf.data()), buf.size()));
            Event e("get");
            e.str("queue", queueLabel(ctx)).num("seq", m.seq);
            addValue(e, m);
            e.num("producer", m.producer).emit();
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
    const std::int64_t first = ctx.intArg("from");
    const std::int64_t delayNs = ctx.intArg("delay_ms") * 1'000'000;
    const auto timeout = msArg(ctx, "timeout_ms");
    std::int64_t seq = 0;
    for (std::int64_t k = 0; k < count; ++k, ++seq) {
        sleepNs(delayNs);
        StackBuf<32> v;
        v.addInt(first + k);
        StackBuf<64> line;
        line.add("Se pone en la cola:  ").add(v.view());
        emitPrint(line.view());
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
        StackBuf<1100> line;
        line.add("Se lee de la cola:  ").add(m.raw);
        emitPrint(line.view());
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
    StackBuf<64> line;
    line.add("Se pone en la cola:  ").add(v.view());
    emitPrint(line.view());
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
    emitPrint(line.view());
    q->release();
    return 0;
}

} // namespace

std::span<const TaskSpec> queueTaskCatalog() noexcept { return kQueueTasks; }

} // namespace conc
