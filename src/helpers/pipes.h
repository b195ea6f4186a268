#pragma once
// Named pipes the main program creates before starting workers (Python's `Pipe()` made in the parent):
// a `pipe_send` child gets the write end, a `pipe_recv` child the read end, every other child
// neither. Only close() is used on the child's side of fork(), so it stays async-signal-safe.

#include "rawsyscall.h"

#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>

namespace conc {

class PipeTable
{
public:
    static constexpr std::size_t kMaxPipes = 32;
    static constexpr std::size_t kMaxPipeName = 64;

    /// Returns nullptr on success, else the reason. A duplex pipe (Python's default Pipe()) is a
    /// socket pair: the main program keeps one end (`readFd`), the workers get the other
    /// (`writeFd`), and both ends read and write.
    const char *create(std::string_view name, bool duplex = false) noexcept
    {
        if (name.size() > kMaxPipeName)
            return "pipe name longer than 64 bytes";
        if (find(name))
            return "a pipe of that name exists";
        Entry *e = find({});
        if (!e)
            return "too many pipes (32)";
        int fds[2];
        // CLOEXEC: nothing we exec may inherit them; fork() children still do, and close
        // what their task does not use.
        if (duplex ? socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0
                   : pipe2(fds, O_CLOEXEC) != 0)
            return duplex ? "socketpair() failed" : "pipe() failed";
        e->duplex = duplex;
        e->readFd = fds[0];
        e->writeFd = fds[1];
        e->nameLen = name.size();
        std::memcpy(e->name, name.data(), name.size());
        return nullptr;
    }

    const char *close(std::string_view name) noexcept
    {
        Entry *e = find(name);
        if (!e)
            return "no pipe of that name";
        closeEntry(*e);
        return nullptr;
    }

    /// Closes only the write end: the main program keeps the read end to receive itself.
    const char *closeWriteEnd(std::string_view name) noexcept
    {
        Entry *e = find(name);
        if (!e)
            return "no pipe of that name";
        if (e->writeFd >= 0)
            ::close(e->writeFd);
        e->writeFd = -1;
        return nullptr;
    }

    /// Closes only the read end: the main program keeps the write end to send itself.
    const char *closeReadEnd(std::string_view name) noexcept
    {
        Entry *e = find(name);
        if (!e)
            return "no pipe of that name";
        if (e->readFd >= 0)
            ::close(e->readFd);
        e->readFd = -1;
        return nullptr;
    }

    /// The end a task uses: write end for pipe_send, read end for pipe_recv; -1 otherwise.
    int endFor(std::string_view name, std::string_view task) const noexcept
    {
        const Entry *e = const_cast<PipeTable *>(this)->find(name);
        if (!e)
            return -1;
        if (e->duplex && (task == "pipe_send" || task == "pipe_recv" || task == "pipe_echo"))
            return e->writeFd; // the workers' end of a duplex pipe
        if (task == "pipe_send")
            return e->writeFd;
        if (task == "pipe_recv")
            return e->readFd;
        return -1;
    }

    /// The main program's own end: of a duplex pipe its end, else the write end to send and the
    /// read end to receive. -1 when there is none (or it was closed).
    int mainEnd(std::string_view name, bool sending) const noexcept
    {
        const Entry *e = const_cast<PipeTable *>(this)->find(name);
        if (!e)
            return -1;
        return e->duplex || !sending ? e->readFd : e->writeFd;
    }

    void closeAllExcept(int keep) const noexcept
    {
        for (const Entry &e : m_entries) {
            if (e.readFd >= 0 && e.readFd != keep)
                rawsys::close(e.readFd);
            if (e.writeFd >= 0 && e.writeFd != keep)
                rawsys::close(e.writeFd);
        }
    }

    void closeAll() noexcept
    {
        for (Entry &e : m_entries)
            if (e.nameLen)
                closeEntry(e);
    }

private:
    struct Entry
    {
        char name[kMaxPipeName];
        std::size_t nameLen = 0;
        int readFd = -1;
        int writeFd = -1;
        bool duplex = false;
    };

    Entry *find(std::string_view name) noexcept
    {
        for (Entry &e : m_entries)
            if (std::string_view(e.name, e.nameLen) == name && (e.nameLen || name.empty()))
                return &e;
        return nullptr;
    }

    static void closeEntry(Entry &e) noexcept
    {
        ::close(e.readFd);
        ::close(e.writeFd);
        e.readFd = e.writeFd = -1;
        e.nameLen = 0;
        e.duplex = false;
    }

    Entry m_entries[kMaxPipes];
};

} // namespace conc
