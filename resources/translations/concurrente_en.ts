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
        <source>With --run: write the run to &lt;OUT&gt;; the format follows the extension (.json run log, .csv one row per event). May be given more than once.</source>
        <translation>With --run: write the run to &lt;OUT&gt;; the format follows the extension (.json run log, .csv one row per event). May be given more than once.</translation>
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
        <source>--run does not open a window: --lesson, --window-size and --quit-when-shown do not apply.</source>
        <translation>--run does not open a window: --lesson, --window-size and --quit-when-shown do not apply.</translation>
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
        <source>--window-size must look like 1024x640, not &quot;%1&quot;.</source>
        <translation>--window-size must look like 1024x640, not &quot;%1&quot;.</translation>
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
        <source>concurrente: %1: unknown export format (use .json or .csv)</source>
        <translation>concurrente: %1: unknown export format (use .json or .csv)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>wrote %1</translation>
    </message>
    <message>
        <source>concurrente: interrupted: ending the run</source>
        <translation>concurrente: interrupted: ending the run</translation>
    </message>
</context>
<context>
    <name>LabSummaryPanel</name>
    <message>
        <source>Lab: this page&apos;s example</source>
        <translation>Lab: this page&apos;s example</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Workers of the example</source>
        <translation>Workers of the example</translation>
    </message>
    <message>
        <source>Main program, step by step</source>
        <translation>Main program, step by step</translation>
    </message>
    <message>
        <source>Actions of the main program</source>
        <translation>Actions of the main program</translation>
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
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Actual Size</translation>
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
</context>
<context>
    <name>RunExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: cannot write: %2</translation>
    </message>
    <message>
        <source>%1: unknown export format (use .json or .csv)</source>
        <translation>%1: unknown export format (use .json or .csv)</translation>
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
        <source>%1: not JSON: %2</source>
        <translation>%1: not JSON: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
</context>
<context>
    <name>concurrente::LabSummaryPanel</name>
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
        <source>%1. %2</source>
        <translation>%1. %2</translation>
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
</context>
<context>
    <name>concurrente::Run</name>
    <message>
        <source>no worker with index %1</source>
        <translation>no worker with index %1</translation>
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
        <source>more than %1 grandchildren in one run: not tracked</source>
        <translation>more than %1 grandchildren in one run: not tracked</translation>
    </message>
    <message>
        <source>pid %1 is not a process of this run</source>
        <translation>pid %1 is not a process of this run</translation>
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
        <source>the main program could not be started: %1</source>
        <translation>the main program could not be started: %1</translation>
    </message>
    <message>
        <source>the main program ended before starting this worker</source>
        <translation>the main program ended before starting this worker</translation>
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
        <source>the main program ended before doing it</source>
        <translation>the main program ended before doing it</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program reads</source>
        <translation>no pipe with index %1 that the main program reads</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program writes</source>
        <translation>no pipe with index %1 that the main program writes</translation>
    </message>
</context>
<context>
    <name>concurrente::WorkerProcess</name>
    <message>
        <source>cannot create the event pipe: %1</source>
        <translation>cannot create the event pipe: %1</translation>
    </message>
    <message>
        <source>the process was not started</source>
        <translation>the process was not started</translation>
    </message>
    <message>
        <source>the process has already ended</source>
        <translation>the process has already ended</translation>
    </message>
    <message>
        <source>cannot send the signal: %1</source>
        <translation>cannot send the signal: %1</translation>
    </message>
</context>
<context>
    <name>concurrente::WorkerSummaryModel</name>
    <message>
        <source>%1 (default name)</source>
        <translation>%1 (default name)</translation>
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
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>Daemon</translation>
    </message>
    <message>
        <source>fork: the main program copies itself with fork()</source>
        <translation>fork: the main program copies itself with fork()</translation>
    </message>
    <message>
        <source>forkserver: a server process, forked by the main program, forks it</source>
        <translation>forkserver: a server process, forked by the main program, forks it</translation>
    </message>
    <message>
        <source>spawn: the main program starts a fresh program</source>
        <translation>spawn: the main program starts a fresh program</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Start method</translation>
    </message>
</context>
</TS>
