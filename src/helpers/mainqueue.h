#pragma once
// The main program's own queue actions (q.put / q.get in the script itself), done by
// concurrente-main with the same message format and events as the queue tasks (task_queue.cpp).

#include "shmq.h"

#include <cstdint>
#include <string_view>

namespace conc {

class Event;
class FixedBuf;

/// One try to put `valueJson` (an integer, a JSON string, null...) in our envelope; never waits.
shmq::Result tryPutMessage(shmq::Queue &q, std::int64_t seq, std::string_view valueJson) noexcept;
/// The `seq`, `value` and `producer` fields of a `put`/`get` event for a message as got (or put).
void addMessageFields(EventLine &e, std::string_view payload) noexcept;
/// What print(value) shows for a message's value: str() of it (strings unquoted, None, 2.0).
void addMessageStr(FixedBuf &b, std::string_view payload) noexcept;
/// The envelope tryPutMessage() puts, written to `buf` (for its `put` event); returns its length.
std::size_t formatMessageFor(char *buf, std::size_t cap, std::int64_t seq,
                             std::string_view valueJson) noexcept;

} // namespace conc
