<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppCommandLine</name>
    <message>
        <source>Open the lesson at page &lt;N&gt; (1–%1).</source>
        <translation>Open the lesson at page &lt;N&gt; (1–%1).</translation>
    </message>
    <message>
        <source>Interface and lesson language: es or en.</source>
        <translation>Interface and lesson language: es or en.</translation>
    </message>
    <message>
        <source>Run the scenario in &lt;FILE&gt; with real processes, without a window; print progress and a final table.</source>
        <translation>Run the scenario in &lt;FILE&gt; with real processes, without a window; print progress and a final table.</translation>
    </message>
    <message>
        <source>Open the window at &lt;WxH&gt; pixels, e.g. 1024x640.</source>
        <translation>Open the window at &lt;WxH&gt; pixels, e.g. 1024x640.</translation>
    </message>
    <message>
        <source>Open the window, show the first page, then close normally (for tests and scripts).</source>
        <translation>Open the window, show the first page, then close normally (for tests and scripts).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>--export needs --run.</source>
        <translation>--export needs --run.</translation>
    </message>
    <message>
        <source>--lesson must be a page number from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--lesson must be a page number from 1 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--language must be one of: %1.</source>
        <translation>--language must be one of: %1.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Show this help and exit.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Show the version and exit.</translation>
    </message>
    <message>
        <source>Concurrente: a course companion for Cómputo Concurrente — Multiprocessing. Read each lesson and run its example with real operating-system processes.</source>
        <translation>Concurrente: a course companion for Cómputo Concurrente — Multiprocessing. Read each lesson and run its example with real operating-system processes.</translation>
    </message>
    <message>
        <source>--window-size must be a width and a height in pixels, such as 1024x640, not &quot;%1&quot;.</source>
        <translation>--window-size must be a width and a height in pixels, such as 1024x640, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--window-size %1x%2 is smaller than the window can be: it needs at least %3x%4 pixels.</source>
        <translation>--window-size %1x%2 is smaller than the window can be: it needs at least %3x%4 pixels.</translation>
    </message>
    <message>
        <source>With --run: write the run to &lt;OUT&gt;; the format follows the extension (.json run log, .csv one row per event, .trace.json Perfetto trace, .html or .pdf report). May be given more than once.</source>
        <translation>With --run: write the run to &lt;OUT&gt;; the format follows the extension (.json run log, .csv one row per event, .trace.json Perfetto trace, .html or .pdf report). May be given more than once.</translation>
    </message>
    <message>
        <source>With --run: end the run after &lt;SECONDS&gt; (1–%1; default: the scenario&apos;s time_limit_s, else %2).</source>
        <translation>With --run: end the run after &lt;SECONDS&gt; (1–%1; default: the scenario&apos;s time_limit_s, else %2).</translation>
    </message>
    <message>
        <source>Show the lab&apos;s tab &lt;NAME&gt; first: %1.</source>
        <translation>Show the lab&apos;s tab &lt;NAME&gt; first: %1.</translation>
    </message>
    <message>
        <source>--time-limit must be a number of seconds from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--time-limit must be a number of seconds from 1 to %1, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--run does not open a window: --lesson, --window-size, --lab-tab and --quit-when-shown do not apply.</source>
        <translation>--run does not open a window: --lesson, --window-size, --lab-tab and --quit-when-shown do not apply.</translation>
    </message>
    <message>
        <source>--time-limit needs --run.</source>
        <translation>--time-limit needs --run.</translation>
    </message>
    <message>
        <source>--lab-tab must be one of: %1; not &quot;%2&quot;.</source>
        <translation>--lab-tab must be one of: %1; not &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>no worker with index %1</source>
        <translation>no worker with index %1</translation>
    </message>
    <message>
        <source>the main program could not be started: %1</source>
        <translation>the main program could not be started: %1</translation>
    </message>
    <message>
        <source>more than %1 grandchildren in one run: not tracked</source>
        <translation>more than %1 grandchildren in one run: not tracked</translation>
    </message>
    <message>
        <source>pid %1 is not a process of this run</source>
        <translation>pid %1 is not a process of this run</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program reads</source>
        <translation>no pipe with index %1 that the main program reads</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program writes</source>
        <translation>no pipe with index %1 that the main program writes</translation>
    </message>
    <message>
        <source>queue &quot;%1&quot; could not be created</source>
        <translation>queue &quot;%1&quot; could not be created</translation>
    </message>
    <message>
        <source>no queue with index %1</source>
        <translation>no queue with index %1</translation>
    </message>
    <message>
        <source>cannot create the event pipe: %1</source>
        <translation>cannot create the event pipe: %1</translation>
    </message>
    <message>
        <source>cannot send the signal: %1</source>
        <translation>cannot send the signal: %1</translation>
    </message>
    <message>
        <source>cannot start a process twice</source>
        <translation>cannot start a process twice</translation>
    </message>
    <message>
        <source>the main program has ended</source>
        <translation>the main program has ended</translation>
    </message>
    <message>
        <source>can only join a started process</source>
        <translation>can only join a started process</translation>
    </message>
    <message>
        <source>the process was not started</source>
        <translation>the process was not started</translation>
    </message>
    <message>
        <source>the main program is still doing a call</source>
        <translation>the main program is still doing a call</translation>
    </message>
    <message>
        <source>the main program ended before finishing it</source>
        <translation>the main program ended before finishing it</translation>
    </message>
    <message>
        <source>the main program ended before starting this worker</source>
        <translation>the main program ended before starting this worker</translation>
    </message>
    <message>
        <source>the main program ended before doing it</source>
        <translation>the main program ended before doing it</translation>
    </message>
    <message>
        <source>the process has already ended</source>
        <translation>the process has already ended</translation>
    </message>
    <message>
        <source>not enough memory for the queues: they take %1 MiB, and %2 MiB are available (the machine&apos;s free memory or the app&apos;s memory cgroup limit)</source>
        <translation>not enough memory for the queues: they take %1 MiB, and %2 MiB are available (the machine&apos;s free memory or the app&apos;s memory cgroup limit)</translation>
    </message>
    <message>
        <source>not enough memory for the queues: %1</source>
        <translation>not enough memory for the queues: %1</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>%1 (pid %2) started</source>
        <translation>%1 (pid %2) started</translation>
    </message>
    <message>
        <source>%1 (pid %2) stopped</source>
        <translation>%1 (pid %2) stopped</translation>
    </message>
    <message>
        <source>%1 (pid %2) continued</source>
        <translation>%1 (pid %2) continued</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 could not be started: %2</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with exitcode %3</source>
        <translation>%1 (pid %2) exited with exitcode %3</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>pid</source>
        <translation>pid</translation>
    </message>
    <message>
        <source>ppid</source>
        <translation>ppid</translation>
    </message>
    <message>
        <source>exitcode</source>
        <translation>exitcode</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>duration</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>wall time %1 s, %2 events, %3 protocol errors</source>
        <translation>wall time %1 s, %2 events, %3 protocol errors</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>wrote %1</translation>
    </message>
    <message>
        <source>concurrente: interrupted: ending the run</source>
        <translation>concurrente: interrupted: ending the run</translation>
    </message>
    <message>
        <source>concurrente: %1: unknown export format (use one of: %2)</source>
        <translation>concurrente: %1: unknown export format (use one of: %2)</translation>
    </message>
    <message>
        <source>not a regular file (an export replaces a file)</source>
        <translation>not a regular file (an export replaces a file)</translation>
    </message>
    <message>
        <source>this is the scenario file being run</source>
        <translation>this is the scenario file being run</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>the folder %1 does not exist</translation>
    </message>
    <message>
        <source>concurrente: interrupted</source>
        <translation>concurrente: interrupted</translation>
    </message>
    <message>
        <source>concurrente: the run reached its time limit of %1 s: ending it</source>
        <translation>concurrente: the run reached its time limit of %1 s: ending it</translation>
    </message>
</context>
<context>
    <name>LabText</name>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>exited</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>terminated</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>killed</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>failed to start</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source> […cut]</source>
        <translation> […cut]</translation>
    </message>
    <message>
        <source>start() called</source>
        <translation>start() called</translation>
    </message>
    <message>
        <source>started: ppid %1, %2</source>
        <translation>started: ppid %1, %2</translation>
    </message>
    <message>
        <source>created by its parent (%1)</source>
        <translation>created by its parent (%1)</translation>
    </message>
    <message>
        <source>fork server started</source>
        <translation>fork server started</translation>
    </message>
    <message>
        <source>main program ready</source>
        <translation>main program ready</translation>
    </message>
    <message>
        <source>print: %1</source>
        <translation>print: %1</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>result: %1</translation>
    </message>
    <message>
        <source>exception %1: %2</source>
        <translation>exception %1: %2</translation>
    </message>
    <message>
        <source>put %1 into %2</source>
        <translation>put %1 into %2</translation>
    </message>
    <message>
        <source>got %1 from %2</source>
        <translation>got %1 from %2</translation>
    </message>
    <message>
        <source>%1 failed: %2 %3</source>
        <translation>%1 failed: %2 %3</translation>
    </message>
    <message>
        <source>adopted: ppid %1 → %2</source>
        <translation>adopted: ppid %1 → %2</translation>
    </message>
    <message>
        <source>exits with code %1</source>
        <translation>exits with code %1</translation>
    </message>
    <message>
        <source>ended: exit code %1</source>
        <translation>ended: exit code %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>joined at the end of the main program</source>
        <translation>joined at the end of the main program</translation>
    </message>
    <message>
        <source>join() returned</source>
        <translation>join() returned</translation>
    </message>
    <message>
        <source>join(timeout=%1) returned: still alive</source>
        <translation>join(timeout=%1) returned: still alive</translation>
    </message>
    <message>
        <source>%1 (a daemon, at the end of the main program)</source>
        <translation>%1 (a daemon, at the end of the main program)</translation>
    </message>
    <message>
        <source>%1 (the run was ended)</source>
        <translation>%1 (the run was ended)</translation>
    </message>
    <message>
        <source>%1 — it had already ended</source>
        <translation>%1 — it had already ended</translation>
    </message>
    <message>
        <source>terminate(): SIGTERM sent</source>
        <translation>terminate(): SIGTERM sent</translation>
    </message>
    <message>
        <source>kill(): SIGKILL sent</source>
        <translation>kill(): SIGKILL sent</translation>
    </message>
    <message>
        <source>SIGSTOP sent: stopped</source>
        <translation>SIGSTOP sent: stopped</translation>
    </message>
    <message>
        <source>SIGCONT sent: continues</source>
        <translation>SIGCONT sent: continues</translation>
    </message>
    <message>
        <source>random.choice(ps).terminate(): no candidate</source>
        <translation>random.choice(ps).terminate(): no candidate</translation>
    </message>
    <message>
        <source>random.choice(ps) chose %1</source>
        <translation>random.choice(ps) chose %1</translation>
    </message>
    <message>
        <source>the main program reaches its end</source>
        <translation>the main program reaches its end</translation>
    </message>
    <message>
        <source>is_alive() = %1, exitcode = %2</source>
        <translation>is_alive() = %1, exitcode = %2</translation>
    </message>
    <message>
        <source>calls %1() itself</source>
        <translation>calls %1() itself</translation>
    </message>
    <message>
        <source>call returned</source>
        <translation>call returned</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 refused: %2</translation>
    </message>
    <message>
        <source>could not be started: %1</source>
        <translation>could not be started: %1</translation>
    </message>
    <message>
        <source>could not be created: %1</source>
        <translation>could not be created: %1</translation>
    </message>
    <message>
        <source>queue %1: %2</source>
        <translation>queue %1: %2</translation>
    </message>
    <message>
        <source>unreadable line: %1</source>
        <translation>unreadable line: %1</translation>
    </message>
    <message>
        <source>command refused: %1</source>
        <translation>command refused: %1</translation>
    </message>
    <message>
        <source>recv() loop ended</source>
        <translation>recv() loop ended</translation>
    </message>
    <message>
        <source>stderr: %1</source>
        <translation>stderr: %1</translation>
    </message>
    <message>
        <source>the main program ends: waits for it to end</source>
        <translation>the main program ends: waits for it to end</translation>
    </message>
    <message>
        <source>join() called: the main program waits</source>
        <translation>join() called: the main program waits</translation>
    </message>
</context>
<context>
    <name>LessonCatalog</name>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>The lesson file %1 does not exist.</source>
        <translation>The lesson file %1 does not exist.</translation>
    </message>
    <message>
        <source>The lesson file %1 is not a regular file.</source>
        <translation>The lesson file %1 is not a regular file.</translation>
    </message>
    <message>
        <source>The lesson file %1 is too large (%2 bytes; at most %3).</source>
        <translation>The lesson file %1 is too large (%2 bytes; at most %3).</translation>
    </message>
    <message>
        <source>The lesson file %1 cannot be read: %2</source>
        <translation>The lesson file %1 cannot be read: %2</translation>
    </message>
</context>
<context>
    <name>LessonNavigator</name>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Lesson pages</source>
        <translation>Lesson pages</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>Back to the lesson</source>
        <translation>Back to the lesson</translation>
    </message>
    <message>
        <source>Lesson page</source>
        <translation>Lesson page</translation>
    </message>
</context>
<context>
    <name>LineParser</name>
    <message>
        <source>line longer than %1 bytes</source>
        <translation>line longer than %1 bytes</translation>
    </message>
    <message>
        <source>not valid UTF-8</source>
        <translation>not valid UTF-8</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>not JSON: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <source>missing string field &quot;ev&quot;</source>
        <translation>missing string field &quot;ev&quot;</translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;</source>
        <translation>unknown event &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing integer field &quot;t_ns&quot;</source>
        <translation>missing integer field &quot;t_ns&quot;</translation>
    </message>
    <message>
        <source>missing integer field &quot;pid&quot;</source>
        <translation>missing integer field &quot;pid&quot;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>&amp;Lesson</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>L&amp;anguage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Show the &amp;Lab</source>
        <translation>Show the &amp;Lab</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>&amp;Previous Page</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>&amp;Next Page</translation>
    </message>
    <message>
        <source>Go to the Page &amp;List</source>
        <translation>Go to the Page &amp;List</translation>
    </message>
    <message>
        <source>&amp;About Concurrente</source>
        <translation>&amp;About Concurrente</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Zoom Lesson &amp;In</source>
        <translation>Zoom Lesson &amp;In</translation>
    </message>
    <message>
        <source>Zoom Lesson &amp;Out</source>
        <translation>Zoom Lesson &amp;Out</translation>
    </message>
    <message>
        <source>&amp;Actual Lesson Size</source>
        <translation>&amp;Actual Lesson Size</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>La&amp;b</source>
        <translation>La&amp;b</translation>
    </message>
</context>
<context>
    <name>PredictQuestion</name>
    <message>
        <source>question: needs its text in Spanish and English</source>
        <translation>question: needs its text in Spanish and English</translation>
    </message>
    <message>
        <source>rule: unknown rule &quot;%1&quot;</source>
        <translation>rule: unknown rule &quot;%1&quot;</translation>
    </message>
    <message>
        <source>options: each needs a value and its text in Spanish and English</source>
        <translation>options: each needs a value and its text in Spanish and English</translation>
    </message>
    <message>
        <source>options: a choice needs at least two</source>
        <translation>options: a choice needs at least two</translation>
    </message>
    <message>
        <source>number: needs min ≤ max, a tolerance ≥ 0 and 0 to 3 decimals</source>
        <translation>number: needs min ≤ max, a tolerance ≥ 0 and 0 to 3 decimals</translation>
    </message>
    <message>
        <source>input: must be &quot;choice&quot; or &quot;number&quot;</source>
        <translation>input: must be &quot;choice&quot; or &quot;number&quot;</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>not a JSON object</translation>
    </message>
</context>
<context>
    <name>PredictText</name>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Not quite</source>
        <translation>Not quite</translation>
    </message>
    <message>
        <source>The run did not show it</source>
        <translation>The run did not show it</translation>
    </message>
    <message>
        <source>%1 ended with exitcode %2</source>
        <translation>%1 ended with exitcode %2</translation>
    </message>
    <message>
        <source>a worker was named %1</source>
        <translation>a worker was named %1</translation>
    </message>
    <message>
        <source>%1 reported PPID %2</source>
        <translation>%1 reported PPID %2</translation>
    </message>
    <message>
        <source>%1&apos;s PPID changed to %2</source>
        <translation>%1&apos;s PPID changed to %2</translation>
    </message>
    <message>
        <source>%1 has PID %2</source>
        <translation>%1 has PID %2</translation>
    </message>
    <message>
        <source>%1 printed &quot;%2&quot;</source>
        <translation>%1 printed &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 printed no line with &quot;%2&quot;</source>
        <translation>%1 printed no line with &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 was terminated when the main program ended</source>
        <translation>%1 was terminated when the main program ended</translation>
    </message>
    <message>
        <source>%1 was terminated</source>
        <translation>%1 was terminated</translation>
    </message>
    <message>
        <source>sequential: %1 ms</source>
        <translation>sequential: %1 ms</translation>
    </message>
    <message>
        <source>two processes: %1 ms</source>
        <translation>two processes: %1 ms</translation>
    </message>
    <message>
        <source>%1 took %2 ms</source>
        <translation>%1 took %2 ms</translation>
    </message>
    <message>
        <source>%1 put %2</source>
        <translation>%1 put %2</translation>
    </message>
    <message>
        <source>%1 got %2</source>
        <translation>%1 got %2</translation>
    </message>
    <message>
        <source>never got: %1</source>
        <translation>never got: %1</translation>
    </message>
    <message>
        <source>got more than once: %1</source>
        <translation>got more than once: %1</translation>
    </message>
</context>
<context>
    <name>RunExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: cannot write: %2</translation>
    </message>
    <message>
        <source>Run log, to open again (JSON)</source>
        <translation>Run log, to open again (JSON)</translation>
    </message>
    <message>
        <source>Events as a table (CSV)</source>
        <translation>Events as a table (CSV)</translation>
    </message>
    <message>
        <source>Perfetto / Chrome trace</source>
        <translation>Perfetto / Chrome trace</translation>
    </message>
    <message>
        <source>%1: unknown export format (use one of: %2)</source>
        <translation>%1: unknown export format (use one of: %2)</translation>
    </message>
    <message>
        <source>Report, one web page (HTML)</source>
        <translation>Report, one web page (HTML)</translation>
    </message>
    <message>
        <source>Report to print (PDF, A4)</source>
        <translation>Report to print (PDF, A4)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2 is not a folder</source>
        <translation>%1: cannot write: %2 is not a folder</translation>
    </message>
    <message>
        <source>%1: cannot write: the folder %2 does not exist</source>
        <translation>%1: cannot write: the folder %2 does not exist</translation>
    </message>
    <message>
        <source>%1: cannot write: the disk is full</source>
        <translation>%1: cannot write: the disk is full</translation>
    </message>
    <message>
        <source>%1: cannot write: the place is read-only</source>
        <translation>%1: cannot write: the place is read-only</translation>
    </message>
    <message>
        <source>%1: cannot write: no permission to write there</source>
        <translation>%1: cannot write: no permission to write there</translation>
    </message>
</context>
<context>
    <name>RunFacts</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>not reported</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>unknown field &quot;%1&quot;</translation>
    </message>
    <message>
        <source>processes[%1]: a process needs a name</source>
        <translation>processes[%1]: a process needs a name</translation>
    </message>
    <message>
        <source>processes[%1].exitcode: must be an integer or null</source>
        <translation>processes[%1].exitcode: must be an integer or null</translation>
    </message>
    <message>
        <source>joins[%1].exitcode: must be an integer or null</source>
        <translation>joins[%1].exitcode: must be an integer or null</translation>
    </message>
    <message>
        <source>checks[%1].exitcode: must be an integer or null</source>
        <translation>checks[%1].exitcode: must be an integer or null</translation>
    </message>
    <message>
        <source>line %1: not a JSON object: %2</source>
        <translation>line %1: not a JSON object: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1: expected %2, got %3</translation>
    </message>
    <message>
        <source>process %1: expected, but the run has none of that name</source>
        <translation>process %1: expected, but the run has none of that name</translation>
    </message>
    <message>
        <source>%1: kind</source>
        <translation>%1: kind</translation>
    </message>
    <message>
        <source>%1: exit code</source>
        <translation>%1: exit code</translation>
    </message>
    <message>
        <source>%1: os.getppid() is the main program</source>
        <translation>%1: os.getppid() is the main program</translation>
    </message>
    <message>
        <source>%1: parent_process() is the main program</source>
        <translation>%1: parent_process() is the main program</translation>
    </message>
    <message>
        <source>%1: parent_process().name</source>
        <translation>%1: parent_process().name</translation>
    </message>
    <message>
        <source>%1: re-parented (its os.getppid() changed)</source>
        <translation>%1: re-parented (its os.getppid() changed)</translation>
    </message>
    <message>
        <source>process %1: not expected, but the run has one</source>
        <translation>process %1: not expected, but the run has one</translation>
    </message>
    <message>
        <source>random terminations</source>
        <translation>random terminations</translation>
    </message>
    <message>
        <source>random termination %1: candidates</source>
        <translation>random termination %1: candidates</translation>
    </message>
    <message>
        <source>no such process</source>
        <translation>no such process</translation>
    </message>
    <message>
        <source>random termination %1: the chosen one&apos;s exit code</source>
        <translation>random termination %1: the chosen one&apos;s exit code</translation>
    </message>
    <message>
        <source>random termination %1: the others&apos; exit codes</source>
        <translation>random termination %1: the others&apos; exit codes</translation>
    </message>
    <message>
        <source>timed joins</source>
        <translation>timed joins</translation>
    </message>
    <message>
        <source>timed join %1: process</source>
        <translation>timed join %1: process</translation>
    </message>
    <message>
        <source>timed join %1 (%2.join(timeout)): timed out</source>
        <translation>timed join %1 (%2.join(timeout)): timed out</translation>
    </message>
    <message>
        <source>timed join %1 (%2.join(timeout)): is_alive()</source>
        <translation>timed join %1 (%2.join(timeout)): is_alive()</translation>
    </message>
    <message>
        <source>timed join %1 (%2.join(timeout)): exitcode</source>
        <translation>timed join %1 (%2.join(timeout)): exitcode</translation>
    </message>
    <message>
        <source>is_alive() checks</source>
        <translation>is_alive() checks</translation>
    </message>
    <message>
        <source>is_alive() check %1: process</source>
        <translation>is_alive() check %1: process</translation>
    </message>
    <message>
        <source>is_alive() check %1 (%2): is_alive()</source>
        <translation>is_alive() check %1 (%2): is_alive()</translation>
    </message>
    <message>
        <source>is_alive() check %1 (%2): exitcode</source>
        <translation>is_alive() check %1 (%2): exitcode</translation>
    </message>
    <message>
        <source>queue %1: expected messages, but the run has none</source>
        <translation>queue %1: expected messages, but the run has none</translation>
    </message>
    <message>
        <source>queue %1: messages put</source>
        <translation>queue %1: messages put</translation>
    </message>
    <message>
        <source>queue %1: messages got</source>
        <translation>queue %1: messages got</translation>
    </message>
    <message>
        <source>queue %1: each producer&apos;s messages got in order</source>
        <translation>queue %1: each producer&apos;s messages got in order</translation>
    </message>
    <message>
        <source>queue %1: not expected, but the run has messages in it</source>
        <translation>queue %1: not expected, but the run has messages in it</translation>
    </message>
</context>
<context>
    <name>RunJournal</name>
    <message>
        <source>cannot create %1</source>
        <translation>cannot create %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>larger than %1 MiB</translation>
    </message>
    <message>
        <source>not a run journal</source>
        <translation>not a run journal</translation>
    </message>
</context>
<context>
    <name>RunLog</name>
    <message>
        <source>%1 events past the limit of %2 per run were counted but not stored</source>
        <translation>%1 events past the limit of %2 per run were counted but not stored</translation>
    </message>
    <message>
        <source>not a run log (format is not &quot;%1&quot;)</source>
        <translation>not a run log (format is not &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>processes[%1]: must be an object</source>
        <translation>processes[%1]: must be an object</translation>
    </message>
    <message>
        <source>events[%1]: needs an integer t_ns and a string ev</source>
        <translation>events[%1]: needs an integer t_ns and a string ev</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: cannot open: %2</translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB</source>
        <translation>%1: larger than %2 MiB</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>homework: must be an object</source>
        <translation>homework: must be an object</translation>
    </message>
    <message>
        <source>predict: needs a question and a verdict (right, not_quite, undecided)</source>
        <translation>predict: needs a question and a verdict (right, not_quite, undecided)</translation>
    </message>
    <message>
        <source>predict: must be an object</source>
        <translation>predict: must be an object</translation>
    </message>
    <message>
        <source>written by a newer version of Concurrente (format &quot;%1&quot;); this version reads &quot;%2&quot; and older: update Concurrente to open it</source>
        <translation>written by a newer version of Concurrente (format &quot;%1&quot;); this version reads &quot;%2&quot; and older: update Concurrente to open it</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: the file is empty</translation>
    </message>
    <message>
        <source>%1: cut short (it ends at byte %2 in the middle of the JSON)</source>
        <translation>%1: cut short (it ends at byte %2 in the middle of the JSON)</translation>
    </message>
    <message>
        <source>%1: damaged: not JSON at byte %2 (%3)</source>
        <translation>%1: damaged: not JSON at byte %2 (%3)</translation>
    </message>
    <message>
        <source>%1: not a run log (a JSON array, not an object)</source>
        <translation>%1: not a run log (a JSON array, not an object)</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>Run report</source>
        <translation>Run report</translation>
    </message>
    <message>
        <source>Run report: %1</source>
        <translation>Run report: %1</translation>
    </message>
    <message>
        <source>Written by Concurrente %1.</source>
        <translation>Written by Concurrente %1.</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Homework</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Operating system</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>%1 (%2 usable)</source>
        <translation>%1 (%2 usable)</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Wall time</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>The run log holds no scenario this version can read.</source>
        <translation>The run log holds no scenario this version can read.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Start method</translation>
    </message>
    <message>
        <source>The main program:</source>
        <translation>The main program:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>PPID</source>
        <translation>PPID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Start (ms)</source>
        <translation>Start (ms)</translation>
    </message>
    <message>
        <source>End (ms)</source>
        <translation>End (ms)</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit code</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>No message was sent.</source>
        <translation>No message was sent.</translation>
    </message>
    <message>
        <source>Queue or pipe</source>
        <translation>Queue or pipe</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Put (ms)</source>
        <translation>Put (ms)</translation>
    </message>
    <message>
        <source>Got (ms)</source>
        <translation>Got (ms)</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>%1 more events are in the run log (JSON).</source>
        <translation>%1 more events are in the run log (JSON).</translation>
    </message>
    <message>
        <source>Predict → verdict</source>
        <translation>Predict → verdict</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>The run showed</source>
        <translation>The run showed</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>%1; at most %2 processes and threads (%3)</source>
        <translation>%1; at most %2 processes and threads (%3)</translation>
    </message>
    <message>
        <source>%1; memory at most %2 MiB</source>
        <translation>%1; memory at most %2 MiB</translation>
    </message>
    <message>
        <source>Process containment</source>
        <translation>Process containment</translation>
    </message>
</context>
<context>
    <name>ScenarioLoader</name>
    <message>
        <source>unknown field (expected one of: %1)</source>
        <translation>unknown field (expected one of: %1)</translation>
    </message>
    <message>
        <source>missing (a string is required)</source>
        <translation>missing (a string is required)</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>must be a string, not %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>is too long (%1 characters, at most %2)</source>
        <translation>is too long (%1 characters, at most %2)</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>must be true or false, not %1</translation>
    </message>
    <message>
        <source>must be an integer, not %1</source>
        <translation>must be an integer, not %1</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>must be an integer</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>must be between %1 and %2</translation>
    </message>
    <message>
        <source>missing (an object with &quot;es&quot; and &quot;en&quot; texts is required)</source>
        <translation>missing (an object with &quot;es&quot; and &quot;en&quot; texts is required)</translation>
    </message>
    <message>
        <source>must be an object with &quot;es&quot; and &quot;en&quot; texts, not %1</source>
        <translation>must be an object with &quot;es&quot; and &quot;en&quot; texts, not %1</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>cannot open the file: %1</translation>
    </message>
    <message>
        <source>the file is too large (%1 bytes; a scenario is at most %2 bytes)</source>
        <translation>the file is too large (%1 bytes; a scenario is at most %2 bytes)</translation>
    </message>
    <message>
        <source>the file is too large (a scenario is at most %1 bytes)</source>
        <translation>the file is too large (a scenario is at most %1 bytes)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>cannot read the file: %1</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): %4</source>
        <translation>invalid JSON at line %1, column %2 (byte %3): %4</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>the top level must be a JSON object</translation>
    </message>
    <message>
        <source>unsupported format &quot;%1&quot; (expected &quot;%2&quot;)</source>
        <translation>unsupported format &quot;%1&quot; (expected &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation>must be an array, not %1</translation>
    </message>
    <message>
        <source>too many queues (%1; at most %2)</source>
        <translation>too many queues (%1; at most %2)</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>must be an object, not %1</translation>
    </message>
    <message>
        <source>must start with a letter or _ and contain only letters, digits, _ . -</source>
        <translation>must start with a letter or _ and contain only letters, digits, _ . -</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the name of queues[%2]</source>
        <translation>&quot;%1&quot; is already the name of queues[%2]</translation>
    </message>
    <message>
        <source>too many pipes (%1; at most %2)</source>
        <translation>too many pipes (%1; at most %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the name of pipes[%2]</source>
        <translation>&quot;%1&quot; is already the name of pipes[%2]</translation>
    </message>
    <message>
        <source>missing (an array of workers is required)</source>
        <translation>missing (an array of workers is required)</translation>
    </message>
    <message>
        <source>must list at least one worker</source>
        <translation>must list at least one worker</translation>
    </message>
    <message>
        <source>too many workers (%1; at most %2 per run)</source>
        <translation>too many workers (%1; at most %2 per run)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of workers[%2]</source>
        <translation>&quot;%1&quot; is already the id of workers[%2]</translation>
    </message>
    <message>
        <source>must not contain control characters (tabs, newlines, ...)</source>
        <translation>must not contain control characters (tabs, newlines, ...)</translation>
    </message>
    <message>
        <source>must not start or end with spaces</source>
        <translation>must not start or end with spaces</translation>
    </message>
    <message>
        <source>must be &quot;qprocess&quot; or &quot;fork&quot;, not &quot;%1&quot;</source>
        <translation>must be &quot;qprocess&quot; or &quot;fork&quot;, not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown task &quot;%1&quot; (known: %2)</source>
        <translation>unknown task &quot;%1&quot; (known: %2)</translation>
    </message>
    <message>
        <source>unknown argument (task &quot;%1&quot; takes none)</source>
        <translation>unknown argument (task &quot;%1&quot; takes none)</translation>
    </message>
    <message>
        <source>unknown argument for task &quot;%1&quot; (expected one of: %2)</source>
        <translation>unknown argument for task &quot;%1&quot; (expected one of: %2)</translation>
    </message>
    <message>
        <source>missing (task &quot;%1&quot; needs it)</source>
        <translation>missing (task &quot;%1&quot; needs it)</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>must be a number</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>must be one of: %1</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>must be the name of a pipe (a string), not %1</source>
        <translation>must be the name of a pipe (a string), not %1</translation>
    </message>
    <message>
        <source>no pipe is named &quot;%1&quot; (declare it in &quot;pipes&quot;)</source>
        <translation>no pipe is named &quot;%1&quot; (declare it in &quot;pipes&quot;)</translation>
    </message>
    <message>
        <source>must be the name of a queue (a string), not %1</source>
        <translation>must be the name of a queue (a string), not %1</translation>
    </message>
    <message>
        <source>no queue is named &quot;%1&quot; (declare it in &quot;queues&quot;)</source>
        <translation>no queue is named &quot;%1&quot; (declare it in &quot;queues&quot;)</translation>
    </message>
    <message>
        <source>missing (an array of actions is required)</source>
        <translation>missing (an array of actions is required)</translation>
    </message>
    <message>
        <source>too many actions (%1; at most %2)</source>
        <translation>too many actions (%1; at most %2)</translation>
    </message>
    <message>
        <source>no worker has the id &quot;%1&quot;</source>
        <translation>no worker has the id &quot;%1&quot;</translation>
    </message>
    <message>
        <source>worker index %1 is out of range (%2 workers)</source>
        <translation>worker index %1 is out of range (%2 workers)</translation>
    </message>
    <message>
        <source>missing (a worker id or index is required)</source>
        <translation>missing (a worker id or index is required)</translation>
    </message>
    <message>
        <source>must be a worker id (a string) or index (an integer), not %1</source>
        <translation>must be a worker id (a string) or index (an integer), not %1</translation>
    </message>
    <message>
        <source>comes after end_main (main[%1]): end_main must be the last action</source>
        <translation>comes after end_main (main[%1]): end_main must be the last action</translation>
    </message>
    <message>
        <source>%1 is already started (a process can be started only once)</source>
        <translation>%1 is already started (a process can be started only once)</translation>
    </message>
    <message>
        <source>%1 is not started yet (can only %2 a started process)</source>
        <translation>%1 is not started yet (can only %2 a started process)</translation>
    </message>
    <message>
        <source>missing (milliseconds to sleep are required)</source>
        <translation>missing (milliseconds to sleep are required)</translation>
    </message>
    <message>
        <source>missing (a list of candidate workers is required)</source>
        <translation>missing (a list of candidate workers is required)</translation>
    </message>
    <message>
        <source>must be a non-empty array of worker ids or indices</source>
        <translation>must be a non-empty array of worker ids or indices</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 is listed twice</translation>
    </message>
    <message>
        <source>%1 is not started yet (can only terminate a started process)</source>
        <translation>%1 is not started yet (can only terminate a started process)</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>end of main</source>
        <translation>end of main</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>a boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>a string</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>an array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>&lt;memory&gt;</source>
        <translation>&lt;memory&gt;</translation>
    </message>
    <message>
        <source>must be &quot;spawn&quot;, &quot;fork&quot; or &quot;forkserver&quot;, not &quot;%1&quot;</source>
        <translation>must be &quot;spawn&quot;, &quot;fork&quot; or &quot;forkserver&quot;, not &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be an exit code (an integer) or a message (a string), not %1</source>
        <translation>must be an exit code (an integer) or a message (a string), not %1</translation>
    </message>
    <message>
        <source>must be an integer exit code (sys.exit(%1) would exit with 1 and print it) or a string</source>
        <translation>must be an integer exit code (sys.exit(%1) would exit with 1 and print it) or a string</translation>
    </message>
    <message>
        <source>missing (a number, a string or null is required)</source>
        <translation>missing (a number, a string or null is required)</translation>
    </message>
    <message>
        <source>must be a number, a string or null, not %1</source>
        <translation>must be a number, a string or null, not %1</translation>
    </message>
    <message>
        <source>the main program can only call %1 itself, not &quot;%2&quot;</source>
        <translation>the main program can only call %1 itself, not &quot;%2&quot;</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (known: start, join, terminate, kill, stop, continue, put, get, recv, send, is_alive, call, sleep_ms, terminate_random, end_main)</source>
        <translation>unknown action &quot;%1&quot; (known: start, join, terminate, kill, stop, continue, put, get, recv, send, is_alive, call, sleep_ms, terminate_random, end_main)</translation>
    </message>
    <message>
        <source>(%1 characters)</source>
        <translation>(%1 characters)</translation>
    </message>
    <message>
        <source>not a regular file (a scenario is a JSON file)</source>
        <translation>not a regular file (a scenario is a JSON file)</translation>
    </message>
    <message>
        <source>the key appears more than once in its object (each key may appear once)</source>
        <translation>the key appears more than once in its object (each key may appear once)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>stopped (SIGSTOP)</source>
        <translation>stopped (SIGSTOP)</translation>
    </message>
    <message>
        <source>waiting in join()</source>
        <translation>waiting in join()</translation>
    </message>
    <message>
        <source>start()</source>
        <translation>start()</translation>
    </message>
    <message>
        <source>join() returns</source>
        <translation>join() returns</translation>
    </message>
    <message>
        <source>join(timeout) times out</source>
        <translation>join(timeout) times out</translation>
    </message>
    <message>
        <source>terminate()</source>
        <translation>terminate()</translation>
    </message>
    <message>
        <source>kill()</source>
        <translation>kill()</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stop</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>continue</translation>
    </message>
    <message>
        <source>print</source>
        <translation>print</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>adopted (orphan)</source>
        <translation>adopted (orphan)</translation>
    </message>
    <message>
        <source>end</source>
        <translation>end</translation>
    </message>
    <message>
        <source>%1 sent on pipe %2 by %3</source>
        <translation>%1 sent on pipe %2 by %3</translation>
    </message>
    <message>
        <source>%1 put into queue %2 by %3</source>
        <translation>%1 put into queue %2 by %3</translation>
    </message>
    <message>
        <source>received by %1 after %2</source>
        <translation>received by %1 after %2</translation>
    </message>
    <message>
        <source>not received yet</source>
        <translation>not received yet</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Run the example to see its processes over time.</source>
        <translation>Run the example to see its processes over time.</translation>
    </message>
    <message>
        <source>message (put → get)</source>
        <translation>message (put → get)</translation>
    </message>
</context>
<context>
    <name>concurrente</name>
    <message>
        <source>A saved run (.concurrente-run.json) to open for review.</source>
        <translation>A saved run (.concurrente-run.json) to open for review.</translation>
    </message>
</context>
<context>
    <name>concurrente::AccessibleNamer</name>
    <message>
        <source>Tabs</source>
        <translation>Tabs</translation>
    </message>
</context>
<context>
    <name>concurrente::EventLogModel</name>
    <message>
        <source>t (ms)</source>
        <translation>t (ms)</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Milliseconds since the run started, from the system&apos;s monotonic clock</source>
        <translation>Milliseconds since the run started, from the system&apos;s monotonic clock</translation>
    </message>
</context>
<context>
    <name>concurrente::ExportRunDialog</name>
    <message>
        <source>Export Run</source>
        <translation>Export Run</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <source>Homework header (also in Preferences):</source>
        <translation>Homework header (also in Preferences):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Choose a file to write.</translation>
    </message>
    <message>
        <source>The file name must end in %1 for this format.</source>
        <translation>The file name must end in %1 for this format.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>The folder %1 does not exist.</translation>
    </message>
</context>
<context>
    <name>concurrente::HelpDialog</name>
    <message>
        <source>The help page %1 cannot be read: %2</source>
        <translation>The help page %1 cannot be read: %2</translation>
    </message>
    <message>
        <source>Help — The Lab</source>
        <translation>Help — The Lab</translation>
    </message>
    <message>
        <source>Help — Reading the Lessons</source>
        <translation>Help — Reading the Lessons</translation>
    </message>
</context>
<context>
    <name>concurrente::HomeworkForm</name>
    <message>
        <source>&amp;Student:</source>
        <translation>&amp;Student:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Group:</translation>
    </message>
    <message>
        <source>E&amp;xercise:</source>
        <translation>E&amp;xercise:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>e.g. 3CM1</source>
        <translation>e.g. 3CM1</translation>
    </message>
    <message>
        <source>e.g. Homework 4, exercise 2</source>
        <translation>e.g. Homework 4, exercise 2</translation>
    </message>
</context>
<context>
    <name>concurrente::LabCharts</name>
    <message>
        <source>CPU per process over time</source>
        <translation>CPU per process over time</translation>
    </message>
    <message>
        <source>Messages waiting in each queue or pipe</source>
        <translation>Messages waiting in each queue or pipe</translation>
    </message>
    <message>
        <source>Time since the run started (s)</source>
        <translation>Time since the run started (s)</translation>
    </message>
    <message>
        <source>Run the example to chart it.</source>
        <translation>Run the example to chart it.</translation>
    </message>
    <message>
        <source>No CPU samples: they are read from /proc while a run goes on (a saved run has none).</source>
        <translation>No CPU samples: they are read from /proc while a run goes on (a saved run has none).</translation>
    </message>
    <message>
        <source>CPU: milliseconds of CPU time (user + system) per second; 1000 is one core busy all the time. Read from /proc twice a second.</source>
        <translation>CPU: milliseconds of CPU time (user + system) per second; 1000 is one core busy all the time. Read from /proc twice a second.</translation>
    </message>
    <message>
        <source>Cancel the sweep</source>
        <translation>Cancel the sweep</translation>
    </message>
    <message>
        <source>Running the work with %1 of %2 workers…</source>
        <translation>Running the work with %1 of %2 workers…</translation>
    </message>
    <message>
        <source>Measure the speed-up (1…%1 workers)</source>
        <translation>Measure the speed-up (1…%1 workers)</translation>
    </message>
    <message>
        <source>Runs %1 s of CPU work split between 1, 2, … %2 processes, one run after another, and plots how much faster each is than one process.</source>
        <translation>Runs %1 s of CPU work split between 1, 2, … %2 processes, one run after another, and plots how much faster each is than one process.</translation>
    </message>
    <message numerus="yes">
        <source>The sweep stopped after %n run(s).</source>
        <translation>
            <numerusform>The sweep stopped after %n run.</numerusform>
            <numerusform>The sweep stopped after %n runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: the dashed line is the ideal (n workers, n times faster) on %n CPU(s).</source>
        <translation>
            <numerusform>Done: the dashed line is the ideal (n workers, n times faster) on %n CPU.</numerusform>
            <numerusform>Done: the dashed line is the ideal (n workers, n times faster) on %n CPUs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs real processes one run after another; press again to cancel</source>
        <translation>Runs real processes one run after another; press again to cancel</translation>
    </message>
    <message>
        <source>How long messages waited (put → get)</source>
        <translation>How long messages waited (put → get)</translation>
    </message>
    <message>
        <source>Speed-up against the number of worker processes</source>
        <translation>Speed-up against the number of worker processes</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Duration (s)</translation>
    </message>
    <message>
        <source>@value s</source>
        <translation>@value s</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>Sequential</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>Wall time (s)</translation>
    </message>
    <message>
        <source>Sequential against parallel: speed-up ×%1</source>
        <translation>Sequential against parallel: speed-up ×%1</translation>
    </message>
    <message>
        <source>Sequential against parallel (the parallel part has not ended yet)</source>
        <translation>Sequential against parallel (the parallel part has not ended yet)</translation>
    </message>
    <message>
        <source>CPU time (s)</source>
        <translation>CPU time (s)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n thread(s))</source>
        <translation>
            <numerusform>%1 (%n thread)</numerusform>
            <numerusform>%1 (%n threads)</numerusform>
        </translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>Same CPU work: threads against processes</source>
        <translation>Same CPU work: threads against processes</translation>
    </message>
    <message>
        <source>one interpreter lock per process, handed over every %1 ms</source>
        <translation>one interpreter lock per process, handed over every %1 ms</translation>
    </message>
    <message>
        <source>Same CPU work: wall and CPU time per worker</source>
        <translation>Same CPU work: wall and CPU time per worker</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Waited from (ms), in steps of %1 ms</source>
        <translation>Waited from (ms), in steps of %1 ms</translation>
    </message>
    <message>
        <source>How long messages waited (put → get): median %1 ms, longest %2 ms</source>
        <translation>How long messages waited (put → get): median %1 ms, longest %2 ms</translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation>Worker processes</translation>
    </message>
    <message>
        <source>Speed-up (×)</source>
        <translation>Speed-up (×)</translation>
    </message>
    <message>
        <source>ideal (n workers, n times faster)</source>
        <translation>ideal (n workers, n times faster)</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>measured</translation>
    </message>
    <message>
        <source>CPU (ms/s)</source>
        <translation>CPU (ms/s)</translation>
    </message>
    <message>
        <source>Messages / s</source>
        <translation>Messages / s</translation>
    </message>
    <message>
        <source>Messages received per second (counted every %1 ms)</source>
        <translation>Messages received per second (counted every %1 ms)</translation>
    </message>
</context>
<context>
    <name>concurrente::LabPanel</name>
    <message>
        <source>No page is open.</source>
        <translation>No page is open.</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Open scenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Scenarios (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Run the main program from its first line (%1)</source>
        <translation>Run the main program from its first line (%1)</translation>
    </message>
    <message>
        <source>Run the next line of the main program, then wait (%1)</source>
        <translation>Run the next line of the main program, then wait (%1)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Stop the main program between two lines; the processes go on (%1)</source>
        <translation>Stop the main program between two lines; the processes go on (%1)</translation>
    </message>
    <message>
        <source>&amp;End run</source>
        <translation>&amp;End run</translation>
    </message>
    <message>
        <source>End the run now: every process of it still alive is killed (%1)</source>
        <translation>End the run now: every process of it still alive is killed (%1)</translation>
    </message>
    <message>
        <source>p.start() on the selected workers (%1)</source>
        <translation>p.start() on the selected workers (%1)</translation>
    </message>
    <message>
        <source>p.join(): the main program waits until the selected workers end (%1)</source>
        <translation>p.join(): the main program waits until the selected workers end (%1)</translation>
    </message>
    <message>
        <source>p.join(timeout): waits at most the seconds beside it (%1)</source>
        <translation>p.join(timeout): waits at most the seconds beside it (%1)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The timeout of join(timeout), in seconds</source>
        <translation>The timeout of join(timeout), in seconds</translation>
    </message>
    <message>
        <source>p.terminate(): sends SIGTERM (%1)</source>
        <translation>p.terminate(): sends SIGTERM (%1)</translation>
    </message>
    <message>
        <source>p.kill(): sends SIGKILL, which cannot be caught (%1)</source>
        <translation>p.kill(): sends SIGKILL, which cannot be caught (%1)</translation>
    </message>
    <message>
        <source>Sends SIGSTOP: the process freezes until it is continued (%1)</source>
        <translation>Sends SIGSTOP: the process freezes until it is continued (%1)</translation>
    </message>
    <message>
        <source>Sends SIGCONT: a stopped process goes on (%1)</source>
        <translation>Sends SIGCONT: a stopped process goes on (%1)</translation>
    </message>
    <message>
        <source>Main program:</source>
        <translation>Main program:</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Edit the example: its workers, their tasks and arguments, queues and pipes</source>
        <translation>Edit the example: its workers, their tasks and arguments, queues and pipes</translation>
    </message>
    <message>
        <source>Forget your changes and use this page&apos;s example again</source>
        <translation>Forget your changes and use this page&apos;s example again</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Tree</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Every process of the run, live</source>
        <translation>Every process of the run, live</translation>
    </message>
    <message>
        <source>Who created whom; an orphan moves to the process that adopted it</source>
        <translation>Who created whom; an orphan moves to the process that adopted it</translation>
    </message>
    <message>
        <source>What each process printed; exceptions in red</source>
        <translation>What each process printed; exceptions in red</translation>
    </message>
    <message>
        <source>Everything that happened, in order</source>
        <translation>Everything that happened, in order</translation>
    </message>
    <message>
        <source>Each message of a queue or pipe: who put it, who got it, when</source>
        <translation>Each message of a queue or pipe: who put it, who got it, when</translation>
    </message>
    <message>
        <source>(end of the main program: daemons are terminated, the other children joined)</source>
        <translation>(end of the main program: daemons are terminated, the other children joined)</translation>
    </message>
    <message>
        <source>This page has no lab example yet: %1 does not exist.</source>
        <translation>This page has no lab example yet: %1 does not exist.</translation>
    </message>
    <message>
        <source>The lab example %1 cannot be used:
%2</source>
        <translation>The lab example %1 cannot be used:
%2</translation>
    </message>
    <message>
        <source>A run is going on: the example can be edited once it has ended.</source>
        <translation>A run is going on: the example can be edited once it has ended.</translation>
    </message>
    <message>
        <source>Fix what is marked below to run the example.</source>
        <translation>Fix what is marked below to run the example.</translation>
    </message>
    <message>
        <source>Your own version of this page&apos;s example.</source>
        <translation>Your own version of this page&apos;s example.</translation>
    </message>
    <message>
        <source>This page&apos;s example. Change it as you like: your version is kept.</source>
        <translation>This page&apos;s example. Change it as you like: your version is kept.</translation>
    </message>
    <message>
        <source>%1 cannot be used:
%2</source>
        <translation>%1 cannot be used:
%2</translation>
    </message>
    <message>
        <source>Run ended.</source>
        <translation>Run ended.</translation>
    </message>
    <message numerus="yes">
        <source>Run ended: %n process(es) still alive were killed.</source>
        <translation>
            <numerusform>Run ended: %n process still alive was killed.</numerusform>
            <numerusform>Run ended: %n processes still alive were killed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready. Run (%1) runs the main program; Step (%2) runs it one line at a time; or select a worker in Processes and press Start.</source>
        <translation>Ready. Run (%1) runs the main program; Step (%2) runs it one line at a time; or select a worker in Processes and press Start.</translation>
    </message>
    <message>
        <source>Line %1 is in progress (it waits); paused after it.</source>
        <translation>Line %1 is in progress (it waits); paused after it.</translation>
    </message>
    <message>
        <source>Paused before line %1: Step runs it, Run goes on to the end.</source>
        <translation>Paused before line %1: Step runs it, Run goes on to the end.</translation>
    </message>
    <message>
        <source>Paused before the end of the main program: Step ends it.</source>
        <translation>Paused before the end of the main program: Step ends it.</translation>
    </message>
    <message numerus="yes">
        <source>The main program has ended; %n process(es) of the run still alive (orphans go on by themselves). End run kills them.</source>
        <translation>
            <numerusform>The main program has ended; %n process of the run still alive (orphans go on by themselves). End run kills them.</numerusform>
            <numerusform>The main program has ended; %n processes of the run still alive (orphans go on by themselves). End run kills them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The edited example has %n problem(s) (see Workers): it cannot run until they are fixed.</source>
        <translation>
            <numerusform>The edited example has %n problem (see Workers): it cannot run until they are fixed.</numerusform>
            <numerusform>The edited example has %n problems (see Workers): it cannot run until they are fixed.</numerusform>
        </translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>All processes</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Step</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>St&amp;art</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <source>Jo&amp;in ≤</source>
        <translation>Jo&amp;in ≤</translation>
    </message>
    <message>
        <source>&amp;Terminate</source>
        <translation>&amp;Terminate</translation>
    </message>
    <message>
        <source>&amp;Kill</source>
        <translation>&amp;Kill</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>St&amp;op</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Start &amp;method:</source>
        <translation>Start &amp;method:</translation>
    </message>
    <message>
        <source>multiprocessing.set_start_method(): how the main program creates the workers that have no start method of their own</source>
        <translation>multiprocessing.set_start_method(): how the main program creates the workers that have no start method of their own</translation>
    </message>
    <message>
        <source>&amp;Back to the page&apos;s example</source>
        <translation>&amp;Back to the page&apos;s example</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>&amp;Open Scenario…</translation>
    </message>
    <message>
        <source>Save Scenario &amp;As…</source>
        <translation>Save Scenario &amp;As…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Each process over time, what happened to it, and every message</source>
        <translation>Each process over time, what happened to it, and every message</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>CPU per process and queue depth over time</source>
        <translation>CPU per process and queue depth over time</translation>
    </message>
    <message>
        <source>The scenario of a saved run, as it ran: it cannot be changed here.</source>
        <translation>The scenario of a saved run, as it ran: it cannot be changed here.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved run&lt;/b&gt; %1, for review: it cannot be run again from here.</source>
        <translation>&lt;b&gt;Saved run&lt;/b&gt; %1, for review: it cannot be run again from here.</translation>
    </message>
    <message>
        <source>Homework: %1</source>
        <translation>Homework: %1</translation>
    </message>
    <message>
        <source>Back to the page&apos;s example</source>
        <translation>Back to the page&apos;s example</translation>
    </message>
    <message>
        <source>Lab views</source>
        <translation>Lab views</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Start method</translation>
    </message>
    <message>
        <source>Join timeout</source>
        <translation>Join timeout</translation>
    </message>
    <message>
        <source>Main program</source>
        <translation>Main program</translation>
    </message>
    <message>
        <source>The example&apos;s main program; the line that runs next is highlighted</source>
        <translation>The example&apos;s main program; the line that runs next is highlighted</translation>
    </message>
    <message>
        <source>Select workers here (Shift or Ctrl for several), then Start, Join, Terminate… Times in ms since the run started</source>
        <translation>Select workers here (Shift or Ctrl for several), then Start, Join, Terminate… Times in ms since the run started</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>Process tree</translation>
    </message>
    <message>
        <source>Console of</source>
        <translation>Console of</translation>
    </message>
    <message>
        <source>Whose output the console shows</source>
        <translation>Whose output the console shows</translation>
    </message>
    <message>
        <source>Events of process</source>
        <translation>Events of process</translation>
    </message>
    <message>
        <source>Show the events of one process only</source>
        <translation>Show the events of one process only</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Kind of event</translation>
    </message>
    <message>
        <source>Show one kind of event only</source>
        <translation>Show one kind of event only</translation>
    </message>
    <message>
        <source>Progress of the main program</source>
        <translation>Progress of the main program</translation>
    </message>
    <message numerus="yes">
        <source>A saved run: it took %1, with MainProcess and %n other process(es).</source>
        <translation>
            <numerusform>A saved run: it took %1, with MainProcess and %n other process.</numerusform>
            <numerusform>A saved run: it took %1, with MainProcess and %n other processes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running: you give the main program&apos;s orders. Besides it, %n process(es) alive.</source>
        <translation>
            <numerusform>Running: you give the main program&apos;s orders. Besides it, %n process alive.</numerusform>
            <numerusform>Running: you give the main program&apos;s orders. Besides it, %n processes alive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running line %1 of %2. Besides MainProcess, %n process(es) alive.</source>
        <translation>
            <numerusform>Running line %1 of %2. Besides MainProcess, %n process alive.</numerusform>
            <numerusform>Running line %1 of %2. Besides MainProcess, %n processes alive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The main program is ending: it waits for its children. Besides it, %n process(es) alive.</source>
        <translation>
            <numerusform>The main program is ending: it waits for its children. Besides it, %n process alive.</numerusform>
            <numerusform>The main program is ending: it waits for its children. Besides it, %n processes alive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished in %1: MainProcess and %n other process(es).</source>
        <translation>
            <numerusform>Finished in %1: MainProcess and %n other process.</numerusform>
            <numerusform>Finished in %1: MainProcess and %n other processes.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Select &amp;All</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonListModel</name>
    <message>
        <source>%1 — visited</source>
        <translation>%1 — visited</translation>
    </message>
    <message>
        <source>%1 — not visited yet</source>
        <translation>%1 — not visited yet</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>visited</translation>
    </message>
    <message>
        <source>not visited yet</source>
        <translation>not visited yet</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonNavigator</name>
    <message>
        <source>%1 / %2 visited</source>
        <translation>%1 / %2 visited</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonPane</name>
    <message>
        <source>This page cannot be shown</source>
        <translation>This page cannot be shown</translation>
    </message>
    <message>
        <source>%1

The other pages, the page list and the lab keep working. Restore the file and choose the page again.</source>
        <translation>%1

The other pages, the page list and the lab keep working. Restore the file and choose the page again.</translation>
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation>This document cannot be shown</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonView</name>
    <message>
        <source>Image not available: %1</source>
        <translation>Image not available: %1</translation>
    </message>
</context>
<context>
    <name>concurrente::MainWindow</name>
    <message>
        <source>%1 — Concurrente</source>
        <translation>%1 — Concurrente</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Concurrente %1&lt;/h3&gt;&lt;p&gt;A course companion for &lt;i&gt;Cómputo Concurrente — Multiprocessing&lt;/i&gt;: read each lesson and run its example with real operating-system processes.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Concurrente %1&lt;/h3&gt;&lt;p&gt;A course companion for &lt;i&gt;Cómputo Concurrente — Multiprocessing&lt;/i&gt;: read each lesson and run its example with real operating-system processes.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Concurrente</source>
        <translation>About Concurrente</translation>
    </message>
    <message>
        <source>Open &amp;Run…</source>
        <translation>Open &amp;Run…</translation>
    </message>
    <message>
        <source>Open a saved run to review it</source>
        <translation>Open a saved run to review it</translation>
    </message>
    <message>
        <source>&amp;Export Run…</source>
        <translation>&amp;Export Run…</translation>
    </message>
    <message>
        <source>Write the lab&apos;s run as a run log, a report (HTML, PDF), a trace or a table</source>
        <translation>Write the lab&apos;s run as a run log, a report (HTML, PDF), a trace or a table</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Recent R&amp;uns</source>
        <translation>Recent R&amp;uns</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>&amp;Clear the List</translation>
    </message>
    <message>
        <source>Open Run</source>
        <translation>Open Run</translation>
    </message>
    <message>
        <source>This run cannot be opened.

%1</source>
        <translation>This run cannot be opened.

%1</translation>
    </message>
    <message>
        <source>Saved runs (*.concurrente-run.json *.json);;All files (*)</source>
        <translation>Saved runs (*.concurrente-run.json *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Export Run</source>
        <translation>Export Run</translation>
    </message>
    <message>
        <source>The run was not exported.

%1</source>
        <translation>The run was not exported.

%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <source>Interrupted run</source>
        <translation>Interrupted run</translation>
    </message>
    <message numerus="yes">
        <source>Concurrente was closed while a run was going on. What it had recorded — %n event(s) of “%1” — can be opened for review.</source>
        <translation>
            <numerusform>Concurrente was closed while a run was going on. What it had recorded — %n event(s) of “%1” — can be opened for review.</numerusform>
            <numerusform>Concurrente was closed while a run was going on. What it had recorded — %n event(s) of “%1” — can be opened for review.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open for Review</source>
        <translation>&amp;Open for Review</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>&amp;Help for This Pane</source>
        <translation>&amp;Help for This Pane</translation>
    </message>
    <message>
        <source>Help for the lesson or the lab, whichever has the focus (%1)</source>
        <translation>Help for the lesson or the lab, whichever has the focus (%1)</translation>
    </message>
    <message>
        <source>&amp;Reading the Lessons</source>
        <translation>&amp;Reading the Lessons</translation>
    </message>
    <message>
        <source>&amp;Using the Lab</source>
        <translation>&amp;Using the Lab</translation>
    </message>
    <message>
        <source>Ne&amp;xt Pane</source>
        <translation>Ne&amp;xt Pane</translation>
    </message>
    <message>
        <source>Move the focus to the page list, the lesson or the lab, in turn</source>
        <translation>Move the focus to the page list, the lesson or the lab, in turn</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation>Pre&amp;vious Pane</translation>
    </message>
    <message>
        <source>Next Lab Tab</source>
        <translation>Next Lab Tab</translation>
    </message>
    <message>
        <source>Previous Lab Tab</source>
        <translation>Previous Lab Tab</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Credits:&lt;/b&gt; the Concurrente authors. Qt is by The Qt Company and its contributors (Help → About Qt).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Credits:&lt;/b&gt; the Concurrente authors. Qt is by The Qt Company and its contributors (Help → About Qt).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>no licence file accompanies this copy.</source>
        <translation>no licence file accompanies this copy.</translation>
    </message>
</context>
<context>
    <name>concurrente::MessageModel</name>
    <message>
        <source>%1 (pipe)</source>
        <translation>%1 (pipe)</translation>
    </message>
    <message>
        <source>Messages waiting in the queue right after this put</source>
        <translation>Messages waiting in the queue right after this put</translation>
    </message>
    <message>
        <source>Time from the put to the get</source>
        <translation>Time from the put to the get</translation>
    </message>
    <message>
        <source>Queue / pipe</source>
        <translation>Queue / pipe</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Put (ms)</source>
        <translation>Put (ms)</translation>
    </message>
    <message>
        <source>Got (ms)</source>
        <translation>Got (ms)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Depth after</source>
        <translation>Depth after</translation>
    </message>
    <message>
        <source>Milliseconds since the run started</source>
        <translation>Milliseconds since the run started</translation>
    </message>
    <message>
        <source>The sender&apos;s sequence number for this message: with the sender, it tells one message from another</source>
        <translation>The sender&apos;s sequence number for this message: with the sender, it tells one message from another</translation>
    </message>
</context>
<context>
    <name>concurrente::PredictPanel</name>
    <message>
        <source>The answer given before this saved run.</source>
        <translation>The answer given before this saved run.</translation>
    </message>
    <message>
        <source>Answer locked while the run goes on.</source>
        <translation>Answer locked while the run goes on.</translation>
    </message>
    <message>
        <source>Answer, then run: the lab checks it on the run.</source>
        <translation>Answer, then run: the lab checks it on the run.</translation>
    </message>
    <message>
        <source>Change the answer and run again to check it again.</source>
        <translation>Change the answer and run again to check it again.</translation>
    </message>
    <message>
        <source>No answer was given.</source>
        <translation>No answer was given.</translation>
    </message>
    <message>
        <source>No answer was given; the run shows %1.</source>
        <translation>No answer was given; the run shows %1.</translation>
    </message>
    <message>
        <source>you answered %1</source>
        <translation>you answered %1</translation>
    </message>
    <message>
        <source>the run shows %1</source>
        <translation>the run shows %1</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <source>Click a line to see its process and its moment on the timeline.</source>
        <translation>Click a line to see its process and its moment on the timeline.</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predict</translation>
    </message>
    <message>
        <source>Show or hide the prediction</source>
        <translation>Show or hide the prediction</translation>
    </message>
    <message>
        <source>Choose an answer…</source>
        <translation>Choose an answer…</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <source>Your answer to the question, locked when the run starts</source>
        <translation>Your answer to the question, locked when the run starts</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>concurrente::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>The homework header: written at the top of every run you export.</source>
        <translation>The homework header: written at the top of every run you export.</translation>
    </message>
</context>
<context>
    <name>concurrente::ProcessTableModel</name>
    <message>
        <source>CPU time from /proc/PID/stat (utime, stime), read twice a second while it runs</source>
        <translation>CPU time from /proc/PID/stat (utime, stime), read twice a second while it runs</translation>
    </message>
    <message>
        <source>Adopted: its parent ended before it</source>
        <translation>Adopted: its parent ended before it</translation>
    </message>
    <message>
        <source>It has ended, but the main program has not joined it yet: p.exitcode is still None</source>
        <translation>It has ended, but the main program has not joined it yet: p.exitcode is still None</translation>
    </message>
    <message>
        <source>? (default name)</source>
        <translation>? (default name)</translation>
    </message>
    <message>
        <source>%1 (adopted)</source>
        <translation>%1 (adopted)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>ended, not joined</source>
        <translation>ended, not joined</translation>
    </message>
    <message>
        <source>os.getppid(): the process&apos;s parent now (PID 1 or a subreaper once it is orphaned)</source>
        <translation>os.getppid(): the process&apos;s parent now (PID 1 or a subreaper once it is orphaned)</translation>
    </message>
    <message>
        <source>p.exitcode: 0 on success, 1 after an exception, −N when ended by signal N</source>
        <translation>p.exitcode: 0 on success, 1 after an exception, −N when ended by signal N</translation>
    </message>
    <message>
        <source>Milliseconds since the run started</source>
        <translation>Milliseconds since the run started</translation>
    </message>
    <message>
        <source>p.is_alive()</source>
        <translation>p.is_alive()</translation>
    </message>
    <message>
        <source>Messages it put into a queue or sent on a pipe</source>
        <translation>Messages it put into a queue or sent on a pipe</translation>
    </message>
    <message>
        <source>Messages it got from a queue or received on a pipe</source>
        <translation>Messages it got from a queue or received on a pipe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>PPID</source>
        <translation>PPID</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>Daemon</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Alive</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit code</translation>
    </message>
    <message>
        <source>Start (ms)</source>
        <translation>Start (ms)</translation>
    </message>
    <message>
        <source>End (ms)</source>
        <translation>End (ms)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>CPU user (ms)</source>
        <translation>CPU user (ms)</translation>
    </message>
    <message>
        <source>CPU sys (ms)</source>
        <translation>CPU sys (ms)</translation>
    </message>
    <message>
        <source>Put</source>
        <translation>Put</translation>
    </message>
    <message>
        <source>Got</source>
        <translation>Got</translation>
    </message>
    <message>
        <source>p.name: the name given to Process(), or Process-N by default</source>
        <translation>p.name: the name given to Process(), or Process-N by default</translation>
    </message>
    <message>
        <source>p.pid: the process ID the operating system gave it</source>
        <translation>p.pid: the process ID the operating system gave it</translation>
    </message>
    <message>
        <source>How it was created: fork, spawn or forkserver</source>
        <translation>How it was created: fork, spawn or forkserver</translation>
    </message>
    <message>
        <source>p.daemon: a daemon is terminated when the main program ends</source>
        <translation>p.daemon: a daemon is terminated when the main program ends</translation>
    </message>
    <message>
        <source>What it is doing now, from the events it reported and the signals it got</source>
        <translation>What it is doing now, from the events it reported and the signals it got</translation>
    </message>
    <message>
        <source>End − Start: how long it lived, from the system&apos;s monotonic clock</source>
        <translation>End − Start: how long it lived, from the system&apos;s monotonic clock</translation>
    </message>
    <message>
        <source>CPU time spent running its own code (utime in /proc/PID/stat), read twice a second while it runs</source>
        <translation>CPU time spent running its own code (utime in /proc/PID/stat), read twice a second while it runs</translation>
    </message>
    <message>
        <source>CPU time the kernel spent working for it (stime in /proc/PID/stat), read twice a second while it runs</source>
        <translation>CPU time the kernel spent working for it (stime in /proc/PID/stat), read twice a second while it runs</translation>
    </message>
</context>
<context>
    <name>concurrente::ProcessTreeModel</name>
    <message>
        <source>An orphan: %1 ended before it, and PID %2 adopted it</source>
        <translation>An orphan: %1 ended before it, and PID %2 adopted it</translation>
    </message>
    <message>
        <source>? (default name)</source>
        <translation>? (default name)</translation>
    </message>
    <message>
        <source>%1 — adopted by PID %2</source>
        <translation>%1 — adopted by PID %2</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>PPID</source>
        <translation>PPID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>concurrente::ScenarioChannelModel</name>
    <message>
        <source>both ways</source>
        <translation>both ways</translation>
    </message>
    <message>
        <source>one way</source>
        <translation>one way</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Pipe</source>
        <translation>Pipe</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Duplex</source>
        <translation>Duplex</translation>
    </message>
</context>
<context>
    <name>concurrente::ScenarioEditor</name>
    <message>
        <source>(no name: Python gives it one)</source>
        <translation>(no name: Python gives it one)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Queues and pipes</source>
        <translation>Queues and pipes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Selected worker</source>
        <translation>Selected worker</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Task:</translation>
    </message>
    <message>
        <source>Daemon (ends with the main program)</source>
        <translation>Daemon (ends with the main program)</translation>
    </message>
    <message>
        <source>Start method:</source>
        <translation>Start method:</translation>
    </message>
    <message>
        <source>the run&apos;s (%1)</source>
        <translation>the run&apos;s (%1)</translation>
    </message>
    <message>
        <source>Task arguments</source>
        <translation>Task arguments</translation>
    </message>
    <message>
        <source>Queues (multiprocessing.Queue)</source>
        <translation>Queues (multiprocessing.Queue)</translation>
    </message>
    <message>
        <source>Pipes (multiprocessing.Pipe)</source>
        <translation>Pipes (multiprocessing.Pipe)</translation>
    </message>
    <message>
        <source>Add queue</source>
        <translation>Add queue</translation>
    </message>
    <message>
        <source>Remove queue</source>
        <translation>Remove queue</translation>
    </message>
    <message>
        <source>Add pipe</source>
        <translation>Add pipe</translation>
    </message>
    <message>
        <source>Remove pipe</source>
        <translation>Remove pipe</translation>
    </message>
    <message>
        <source>prints a greeting</source>
        <translation>prints a greeting</translation>
    </message>
    <message>
        <source>prints its name, its parent&apos;s pid and its pid</source>
        <translation>prints its name, its parent&apos;s pid and its pid</translation>
    </message>
    <message>
        <source>prints the squares of 0 … n−1</source>
        <translation>prints the squares of 0 … n−1</translation>
    </message>
    <message>
        <source>prints the cubes of 0 … n−1</source>
        <translation>prints the cubes of 0 … n−1</translation>
    </message>
    <message>
        <source>one arithmetic operation on a, b and c</source>
        <translation>one arithmetic operation on a, b and c</translation>
    </message>
    <message>
        <source>sleeps, saying when it starts and ends</source>
        <translation>sleeps, saying when it starts and ends</translation>
    </message>
    <message>
        <source>keeps one CPU busy</source>
        <translation>keeps one CPU busy</translation>
    </message>
    <message>
        <source>threads that share one interpreter lock</source>
        <translation>threads that share one interpreter lock</translation>
    </message>
    <message>
        <source>starts a child process of its own</source>
        <translation>starts a child process of its own</translation>
    </message>
    <message>
        <source>dies by a signal</source>
        <translation>dies by a signal</translation>
    </message>
    <message>
        <source>sends numbers through a pipe</source>
        <translation>sends numbers through a pipe</translation>
    </message>
    <message>
        <source>receives messages from a pipe</source>
        <translation>receives messages from a pipe</translation>
    </message>
    <message>
        <source>answers each message on a duplex pipe</source>
        <translation>answers each message on a duplex pipe</translation>
    </message>
    <message>
        <source>puts numbers in a queue</source>
        <translation>puts numbers in a queue</translation>
    </message>
    <message>
        <source>gets values from a queue</source>
        <translation>gets values from a queue</translation>
    </message>
    <message>
        <source>puts num² in a queue</source>
        <translation>puts num² in a queue</translation>
    </message>
    <message>
        <source>sends or receives an object through a queue</source>
        <translation>sends or receives an object through a queue</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>exit code</source>
        <translation>exit code</translation>
    </message>
    <message>
        <source>message</source>
        <translation>message</translation>
    </message>
    <message>
        <source>default: the task&apos;s own exit code</source>
        <translation>default: the task&apos;s own exit code</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>default: %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>worker %1 (%2)</source>
        <translation>worker %1 (%2)</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>queue %1</translation>
    </message>
    <message>
        <source>pipe %1</source>
        <translation>pipe %1</translation>
    </message>
    <message>
        <source>main program, action %1 (%2)</source>
        <translation>main program, action %1 (%2)</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>task</source>
        <translation>task</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>capacity</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>argument %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>This scenario cannot run yet:</source>
        <translation>This scenario cannot run yet:</translation>
    </message>
    <message>
        <source>Not while a run is going on.</source>
        <translation>Not while a run is going on.</translation>
    </message>
    <message>
        <source>A run has at most %1 workers.</source>
        <translation>A run has at most %1 workers.</translation>
    </message>
    <message>
        <source>Add a worker; the main program starts it and waits for it (join) before it ends.</source>
        <translation>Add a worker; the main program starts it and waits for it (join) before it ends.</translation>
    </message>
    <message>
        <source>Select a worker first.</source>
        <translation>Select a worker first.</translation>
    </message>
    <message>
        <source>Add a copy of the selected worker, which the main program treats as the original.</source>
        <translation>Add a copy of the selected worker, which the main program treats as the original.</translation>
    </message>
    <message>
        <source>A run needs at least one worker.</source>
        <translation>A run needs at least one worker.</translation>
    </message>
    <message>
        <source>Remove the selected worker and the main program&apos;s actions on it.</source>
        <translation>Remove the selected worker and the main program&apos;s actions on it.</translation>
    </message>
    <message>
        <source>A run has at most %1 queues.</source>
        <translation>A run has at most %1 queues.</translation>
    </message>
    <message>
        <source>Add a queue.</source>
        <translation>Add a queue.</translation>
    </message>
    <message>
        <source>Select a queue first.</source>
        <translation>Select a queue first.</translation>
    </message>
    <message>
        <source>Remove the selected queue.</source>
        <translation>Remove the selected queue.</translation>
    </message>
    <message>
        <source>A run has at most %1 pipes.</source>
        <translation>A run has at most %1 pipes.</translation>
    </message>
    <message>
        <source>Add a pipe.</source>
        <translation>Add a pipe.</translation>
    </message>
    <message>
        <source>Select a pipe first.</source>
        <translation>Select a pipe first.</translation>
    </message>
    <message>
        <source>Remove the selected pipe.</source>
        <translation>Remove the selected pipe.</translation>
    </message>
    <message>
        <source>Added %1: the main program starts it and waits for it (join) before it ends.</source>
        <translation>Added %1: the main program starts it and waits for it (join) before it ends.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Removed %1.</translation>
    </message>
    <message>
        <source>Removed %1 and the main program&apos;s actions on it: %2</source>
        <translation>Removed %1 and the main program&apos;s actions on it: %2</translation>
    </message>
    <message>
        <source>Duplicated %1 as %2: the main program does with the copy what it does with the original.</source>
        <translation>Duplicated %1 as %2: the main program does with the copy what it does with the original.</translation>
    </message>
    <message>
        <source>Queue %1 is in use (%2): change those first.</source>
        <translation>Queue %1 is in use (%2): change those first.</translation>
    </message>
    <message>
        <source>Pipe %1 is in use (%2): change those first.</source>
        <translation>Pipe %1 is in use (%2): change those first.</translation>
    </message>
    <message>
        <source>Added queue %1.</source>
        <translation>Added queue %1.</translation>
    </message>
    <message>
        <source>Removed queue %1.</source>
        <translation>Removed queue %1.</translation>
    </message>
    <message>
        <source>Added pipe %1.</source>
        <translation>Added pipe %1.</translation>
    </message>
    <message>
        <source>Removed pipe %1.</source>
        <translation>Removed pipe %1.</translation>
    </message>
    <message>
        <source>prints numbered lines at a steady rate</source>
        <translation>prints numbered lines at a steady rate</translation>
    </message>
    <message>
        <source>Process(name=…): the name the process reports and the tables show</source>
        <translation>Process(name=…): the name the process reports and the tables show</translation>
    </message>
    <message>
        <source>Process(target=…): the function the worker runs</source>
        <translation>Process(target=…): the function the worker runs</translation>
    </message>
    <message>
        <source>Process(daemon=True): terminated when the main program ends</source>
        <translation>Process(daemon=True): terminated when the main program ends</translation>
    </message>
    <message>
        <source>This worker&apos;s start method; by default the one the run uses (Start method above)</source>
        <translation>This worker&apos;s start method; by default the one the run uses (Start method above)</translation>
    </message>
    <message>
        <source>The task&apos;s argument %1</source>
        <translation>The task&apos;s argument %1</translation>
    </message>
    <message>
        <source>Checked: %1 is passed to the task; unchecked: the task&apos;s default</source>
        <translation>Checked: %1 is passed to the task; unchecked: the task&apos;s default</translation>
    </message>
    <message>
        <source>sys.exit(code) or sys.exit(&quot;message&quot;)</source>
        <translation>sys.exit(code) or sys.exit(&quot;message&quot;)</translation>
    </message>
    <message>
        <source>%1: how the task exits</source>
        <translation>%1: how the task exits</translation>
    </message>
    <message>
        <source>The exit code: 0 is success</source>
        <translation>The exit code: 0 is success</translation>
    </message>
    <message>
        <source>%1: exit code</source>
        <translation>%1: exit code</translation>
    </message>
    <message>
        <source>The message sys.exit() prints; the exit code is then 1</source>
        <translation>The message sys.exit() prints; the exit code is then 1</translation>
    </message>
    <message>
        <source>%1: message</source>
        <translation>%1: message</translation>
    </message>
</context>
<context>
    <name>concurrente::ScenarioWorkerModel</name>
    <message>
        <source>(no name given)</source>
        <translation>(no name given)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 (the run&apos;s)</source>
        <translation>%1 (the run&apos;s)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>Daemon</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Start method</translation>
    </message>
</context>
<context>
    <name>concurrente::TimelinePane</name>
    <message>
        <source>Click or drag to move the time cursor; Ctrl+wheel zooms, wheel or Shift+drag pans.</source>
        <translation>Click or drag to move the time cursor; Ctrl+wheel zooms, wheel or Shift+drag pans.</translation>
    </message>
</context>
<context>
    <name>concurrente::TimelineView</name>
    <message>
        <source>Freeze</source>
        <translation>Freeze</translation>
    </message>
    <message>
        <source>Stop following the run: the view stays where it is while the run goes on</source>
        <translation>Stop following the run: the view stays where it is while the run goes on</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Whole run</translation>
    </message>
    <message>
        <source>Show the whole run and follow it again (Home)</source>
        <translation>Show the whole run and follow it again (Home)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Zoom in (+, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>Zoom out (−, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>%1 ms — %2 ended: %3</source>
        <translation>%1 ms — %2 ended: %3</translation>
    </message>
    <message>
        <source>%1 ms — %2: %3</source>
        <translation>%1 ms — %2: %3</translation>
    </message>
    <message>
        <source>%1 ms → %2 ms</source>
        <translation>%1 ms → %2 ms</translation>
    </message>
    <message>
        <source>waiting in join() for %1</source>
        <translation>waiting in join() for %1</translation>
    </message>
    <message>
        <source>%1 ms — %2 (pid %3): %4</source>
        <translation>%1 ms — %2 (pid %3): %4</translation>
    </message>
</context>
<context>
    <name>concurrente::WelcomePanel</name>
    <message>
        <source>&lt;b&gt;Welcome to Concurrente.&lt;/b&gt; In the middle you read the lesson (the page list is on its left); on the right, the lab runs the page&apos;s example with real processes. Press &lt;b&gt;Run&lt;/b&gt; (Ctrl+R) to run the whole example, or &lt;b&gt;Step&lt;/b&gt; (F10) to run it one line at a time; or select a worker in the &lt;b&gt;Processes&lt;/b&gt; tab and press &lt;b&gt;Start&lt;/b&gt;. F1 shows help for the pane you are in.</source>
        <translation>&lt;b&gt;Welcome to Concurrente.&lt;/b&gt; In the middle you read the lesson (the page list is on its left); on the right, the lab runs the page&apos;s example with real processes. Press &lt;b&gt;Run&lt;/b&gt; (Ctrl+R) to run the whole example, or &lt;b&gt;Step&lt;/b&gt; (F10) to run it one line at a time; or select a worker in the &lt;b&gt;Processes&lt;/b&gt; tab and press &lt;b&gt;Start&lt;/b&gt;. F1 shows help for the pane you are in.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Got it</translation>
    </message>
    <message>
        <source>Hide this welcome; it will not be shown again</source>
        <translation>Hide this welcome; it will not be shown again</translation>
    </message>
    <message>
        <source>Lab help</source>
        <translation>Lab help</translation>
    </message>
    <message>
        <source>What each control and tab of the lab does</source>
        <translation>What each control and tab of the lab does</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
</context>
</TS>
