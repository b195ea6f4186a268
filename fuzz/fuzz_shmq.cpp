// libFuzzer target `shmq`: a hostile segment. A queue is created and filled the ordinary way,
// then the input overwrites bytes of its shared memory at will (the header, the indices, the lock
// words, slots, payloads), as a broken or malicious process of the same user could; a second
// handle attaches to it and both use it. Neither attach nor any call may crash, hang, read or
// write outside the segment. With the first byte's top bit set, the input instead is the whole
// segment, byte for byte, and only attach's checks stand between it and the queue.
//
// Input: [slots] [message limit] [messages put first] [op count | raw bit] [ops...] then patches,
// each [offset low] [offset high] [length] [bytes...].

#include "shmq.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using namespace std::chrono_literals;

struct Input
{
    const std::uint8_t *p;
    std::size_t n;
    std::uint8_t next() { return n ? (--n, *p++) : 0; }
};

/// Writes `bytes` at `offset` of segment `name` through a descriptor (no mapping of ours).
void patch(const std::string &name, off_t offset, const std::uint8_t *bytes, std::size_t n)
{
    const int fd = shm_open(name.c_str(), O_RDWR | O_CLOEXEC, 0);
    if (fd < 0)
        return;
    (void)!pwrite(fd, bytes, n, offset);
    ::close(fd);
}

void exercise(shmq::Queue &q, std::uint8_t op, std::vector<std::byte> &buffer)
{
    std::size_t length = 0;
    const std::string text(std::size_t(op) * 3 % (q.maxMessage() + 2), 'm');
    switch (op % 8) {
    case 0:
        (void)q.tryPut(std::as_bytes(std::span(text)));
        break;
    case 1:
        (void)q.tryGet(buffer, length);
        break;
    case 2:
        (void)q.put(text, 200us);
        break;
    case 3:
        (void)q.get(buffer, length, 200us);
        break;
    case 4: {
        std::vector<std::byte> out;
        (void)q.get(out, 0ns);
        break;
    }
    case 5:
        (void)q.stats();
        break;
    case 6: {
        std::byte small[3];
        (void)q.tryGet(small, length); // a buffer shorter than the message
        break;
    }
    case 7:
        if (op & 0x80)
            q.close();
        else
            (void)q.stats();
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    shmq::Queue::removeStaleSegments();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Input in{data, size};
    const std::uint32_t slots = 1 + in.next() % 9;
    const std::uint8_t limitByte = in.next();
    const std::size_t maxMessage = limitByte % 4 == 0 ? 0 : std::size_t(limitByte) * 2;
    const std::uint32_t prefill = in.next() % (slots + 1);
    const std::uint8_t opsByte = in.next();
    const bool raw = opsByte & 0x80;
    std::vector<std::uint8_t> ops(std::min<std::size_t>(opsByte % 16, in.n));
    for (auto &op : ops)
        op = in.next();

    std::optional<shmq::Queue> creator;
    std::string name;
    if (raw) {
        // The rest of the input is the segment.
        name = std::string(shmq::kNamePrefix) + std::to_string(getpid()) + "-fuzz-raw";
        const int fd = shm_open(name.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return 0;
        const bool written =
            ftruncate(fd, off_t(in.n)) == 0 && (in.n == 0 || pwrite(fd, in.p, in.n, 0) == ssize_t(in.n));
        ::close(fd);
        if (!written) {
            shm_unlink(name.c_str());
            return 0;
        }
    } else {
        creator = shmq::Queue::create("fuzz", slots, maxMessage);
        if (!creator)
            return 0;
        name = creator->name();
        for (std::uint32_t i = 0; i < prefill; ++i) {
            const std::string message(std::min<std::size_t>(i * 5 + 1, maxMessage), char('a' + i));
            (void)creator->tryPut(std::as_bytes(std::span(message)));
        }
        const std::size_t segmentBytes = [&] {
            struct stat st
            {
            };
            const int fd = shm_open(name.c_str(), O_RDONLY | O_CLOEXEC, 0);
            const bool ok = fd >= 0 && fstat(fd, &st) == 0;
            if (fd >= 0)
                ::close(fd);
            return ok ? std::size_t(st.st_size) : 0;
        }();
        while (in.n >= 3 && segmentBytes > 0) {
            const std::size_t offset = (std::size_t(in.next()) | std::size_t(in.next()) << 8) % segmentBytes;
            const std::size_t n = std::min({std::size_t(1 + in.next() % 8), in.n, segmentBytes - offset});
            patch(name, off_t(offset), in.p, n);
            in.p += n;
            in.n -= n;
        }
    }

    std::optional<shmq::Queue> attached = shmq::Queue::attach(name);
    if (raw)
        shm_unlink(name.c_str());
    if (attached) {
        std::vector<std::byte> buffer(attached->maxMessage());
        for (const std::uint8_t op : ops) {
            shmq::Queue *q = creator && (op & 0x40) ? &*creator : &*attached;
            exercise(*q, op, buffer);
        }
        // Whatever is left must come out (or be reported) without a hang.
        for (std::uint32_t i = 0; i <= attached->capacity(); ++i) {
            std::size_t length = 0;
            if (attached->tryGet(buffer, length) == shmq::Result::Timeout)
                break;
        }
    }
    return 0;
}
