<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AppCommandLine</name>
    <message>
        <source>Open the lesson at page &lt;N&gt; (1–%1).</source>
        <translation>Abre la lección en la página &lt;N&gt; (1–%1).</translation>
    </message>
    <message>
        <source>Interface and lesson language: es or en.</source>
        <translation>Idioma de la interfaz y de las lecciones: es o en.</translation>
    </message>
    <message>
        <source>Run the scenario in &lt;FILE&gt; with real processes, without a window; print progress and a final table.</source>
        <translation>Ejecuta el escenario de &lt;FILE&gt; con procesos reales, sin ventana; muestra el progreso y una tabla final.</translation>
    </message>
    <message>
        <source>Open the window at &lt;WxH&gt; pixels, e.g. 1024x640.</source>
        <translation>Abre la ventana con &lt;WxH&gt; píxeles, p. ej. 1024x640.</translation>
    </message>
    <message>
        <source>Open the window, show the first page, then close normally (for tests and scripts).</source>
        <translation>Abre la ventana, muestra la primera página y se cierra normalmente (para pruebas y scripts).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>--export needs --run.</source>
        <translation>--export necesita --run.</translation>
    </message>
    <message>
        <source>--lesson must be a page number from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--lesson debe ser un número de página del 1 al %1, no «%2».</translation>
    </message>
    <message>
        <source>--language must be one of: %1.</source>
        <translation>--language debe ser uno de: %1.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Muestra esta ayuda y termina.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Muestra la versión y termina.</translation>
    </message>
    <message>
        <source>Concurrente: a course companion for Cómputo Concurrente — Multiprocessing. Read each lesson and run its example with real operating-system processes.</source>
        <translation>Concurrente: compañero del curso Cómputo Concurrente — Multiprocessing. Lee cada lección y ejecuta su ejemplo con procesos reales del sistema operativo.</translation>
    </message>
    <message>
        <source>--window-size must be a width and a height in pixels, such as 1024x640, not &quot;%1&quot;.</source>
        <translation>--window-size debe ser un ancho y un alto en píxeles, como 1024x640, no «%1».</translation>
    </message>
    <message>
        <source>--window-size %1x%2 is smaller than the window can be: it needs at least %3x%4 pixels.</source>
        <translation>--window-size %1x%2 es más pequeño de lo que puede ser la ventana: necesita al menos %3x%4 píxeles.</translation>
    </message>
    <message>
        <source>With --run: write the run to &lt;OUT&gt;; the format follows the extension (.json run log, .csv one row per event, .trace.json Perfetto trace, .html or .pdf report). May be given more than once.</source>
        <translation>Con --run: escribe la ejecución en &lt;OUT&gt;; el formato sigue a la extensión (.json registro de la ejecución, .csv una fila por evento, .trace.json traza de Perfetto, .html o .pdf informe). Puede darse más de una vez.</translation>
    </message>
    <message>
        <source>With --run: end the run after &lt;SECONDS&gt; (1–%1; default: the scenario&apos;s time_limit_s, else %2).</source>
        <translation>Con --run: termina la ejecución tras &lt;SECONDS&gt; segundos (1–%1; por omisión: el time_limit_s del escenario, si no %2).</translation>
    </message>
    <message>
        <source>Show the lab&apos;s tab &lt;NAME&gt; first: %1.</source>
        <translation>Mostrar primero la pestaña &lt;NAME&gt; del laboratorio: %1.</translation>
    </message>
    <message>
        <source>--time-limit must be a number of seconds from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--time-limit debe ser un número de segundos de 1 a %1, no «%2».</translation>
    </message>
    <message>
        <source>--run does not open a window: --lesson, --window-size, --lab-tab and --quit-when-shown do not apply.</source>
        <translation>--run no abre ninguna ventana: --lesson, --window-size, --lab-tab y --quit-when-shown no se aplican.</translation>
    </message>
    <message>
        <source>--time-limit needs --run.</source>
        <translation>--time-limit necesita --run.</translation>
    </message>
    <message>
        <source>--lab-tab must be one of: %1; not &quot;%2&quot;.</source>
        <translation>--lab-tab debe ser una de: %1; no «%2».</translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>no worker with index %1</source>
        <translation>no hay ningún worker con índice %1</translation>
    </message>
    <message>
        <source>the main program could not be started: %1</source>
        <translation>no se pudo arrancar el programa principal: %1</translation>
    </message>
    <message>
        <source>more than %1 grandchildren in one run: not tracked</source>
        <translation>más de %1 nietos en una ejecución: no se siguen</translation>
    </message>
    <message>
        <source>pid %1 is not a process of this run</source>
        <translation>el pid %1 no es un proceso de esta ejecución</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program reads</source>
        <translation>no hay ninguna tubería con índice %1 de la que lea el programa principal</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program writes</source>
        <translation>no hay ninguna tubería con índice %1 en la que escriba el programa principal</translation>
    </message>
    <message>
        <source>queue &quot;%1&quot; could not be created</source>
        <translation>no se pudo crear la cola «%1»</translation>
    </message>
    <message>
        <source>no queue with index %1</source>
        <translation>no hay ninguna cola con índice %1</translation>
    </message>
    <message>
        <source>cannot create the event pipe: %1</source>
        <translation>no se puede crear la tubería de eventos: %1</translation>
    </message>
    <message>
        <source>cannot send the signal: %1</source>
        <translation>no se puede enviar la señal: %1</translation>
    </message>
    <message>
        <source>cannot start a process twice</source>
        <translation>un proceso no se puede arrancar dos veces</translation>
    </message>
    <message>
        <source>the main program has ended</source>
        <translation>el programa principal ha terminado</translation>
    </message>
    <message>
        <source>can only join a started process</source>
        <translation>solo se puede hacer join de un proceso arrancado</translation>
    </message>
    <message>
        <source>the process was not started</source>
        <translation>el proceso no se ha arrancado</translation>
    </message>
    <message>
        <source>the main program is still doing a call</source>
        <translation>el programa principal aún está en una llamada</translation>
    </message>
    <message>
        <source>the main program ended before finishing it</source>
        <translation>el programa principal terminó antes de acabarla</translation>
    </message>
    <message>
        <source>the main program ended before starting this worker</source>
        <translation>el programa principal terminó antes de arrancar este worker</translation>
    </message>
    <message>
        <source>the main program ended before doing it</source>
        <translation>el programa principal terminó antes de hacerlo</translation>
    </message>
    <message>
        <source>the process has already ended</source>
        <translation>el proceso ya ha terminado</translation>
    </message>
    <message>
        <source>not enough memory for the queues: they take %1 MiB, and %2 MiB are available (the machine&apos;s free memory or the app&apos;s memory cgroup limit)</source>
        <translation>no hay memoria suficiente para las colas: ocupan %1 MiB y hay %2 MiB disponibles (la memoria libre de la máquina o el límite del cgroup de memoria de la aplicación)</translation>
    </message>
    <message>
        <source>not enough memory for the queues: %1</source>
        <translation>no hay memoria suficiente para las colas: %1</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>%1 (pid %2) started</source>
        <translation>%1 (pid %2) iniciado</translation>
    </message>
    <message>
        <source>%1 (pid %2) stopped</source>
        <translation>%1 (pid %2) detenido</translation>
    </message>
    <message>
        <source>%1 (pid %2) continued</source>
        <translation>%1 (pid %2) reanudado</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>No se pudo iniciar %1: %2</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with exitcode %3</source>
        <translation>%1 (pid %2) terminó con exitcode %3</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
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
        <translation>duración</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>wall time %1 s, %2 events, %3 protocol errors</source>
        <translation>tiempo real %1 s, %2 eventos, %3 errores de protocolo</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>escrito %1</translation>
    </message>
    <message>
        <source>concurrente: interrupted: ending the run</source>
        <translation>concurrente: interrumpido: terminando la ejecución</translation>
    </message>
    <message>
        <source>concurrente: %1: unknown export format (use one of: %2)</source>
        <translation>concurrente: %1: formato de exportación desconocido (usa uno de: %2)</translation>
    </message>
    <message>
        <source>not a regular file (an export replaces a file)</source>
        <translation>no es un fichero normal (una exportación reemplaza un fichero)</translation>
    </message>
    <message>
        <source>this is the scenario file being run</source>
        <translation>es el fichero del escenario que se ejecuta</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>la carpeta %1 no existe</translation>
    </message>
    <message>
        <source>concurrente: interrupted</source>
        <translation>concurrente: interrumpido</translation>
    </message>
    <message>
        <source>concurrente: the run reached its time limit of %1 s: ending it</source>
        <translation>concurrente: la ejecución alcanzó su límite de tiempo de %1 s: se termina</translation>
    </message>
</context>
<context>
    <name>LabText</name>
    <message>
        <source>created</source>
        <translation>creado</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>terminó</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>terminado (señal)</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>matado</translation>
    </message>
    <message>
        <source>failed to start</source>
        <translation>no arrancó</translation>
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
        <translation> […cortado]</translation>
    </message>
    <message>
        <source>start() called</source>
        <translation>se llama a start()</translation>
    </message>
    <message>
        <source>started: ppid %1, %2</source>
        <translation>arranca: ppid %1, %2</translation>
    </message>
    <message>
        <source>created by its parent (%1)</source>
        <translation>creado por su padre (%1)</translation>
    </message>
    <message>
        <source>fork server started</source>
        <translation>arranca el servidor de fork</translation>
    </message>
    <message>
        <source>main program ready</source>
        <translation>programa principal listo</translation>
    </message>
    <message>
        <source>print: %1</source>
        <translation>print: %1</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>resultado: %1</translation>
    </message>
    <message>
        <source>exception %1: %2</source>
        <translation>excepción %1: %2</translation>
    </message>
    <message>
        <source>put %1 into %2</source>
        <translation>pone %1 en %2</translation>
    </message>
    <message>
        <source>got %1 from %2</source>
        <translation>saca %1 de %2</translation>
    </message>
    <message>
        <source>%1 failed: %2 %3</source>
        <translation>%1 falló: %2 %3</translation>
    </message>
    <message>
        <source>adopted: ppid %1 → %2</source>
        <translation>adoptado: ppid %1 → %2</translation>
    </message>
    <message>
        <source>exits with code %1</source>
        <translation>sale con código %1</translation>
    </message>
    <message>
        <source>ended: exit code %1</source>
        <translation>terminó: exitcode %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>terminó</translation>
    </message>
    <message>
        <source>joined at the end of the main program</source>
        <translation>join al final del programa principal</translation>
    </message>
    <message>
        <source>join() returned</source>
        <translation>join() vuelve</translation>
    </message>
    <message>
        <source>join(timeout=%1) returned: still alive</source>
        <translation>join(timeout=%1) vuelve: sigue vivo</translation>
    </message>
    <message>
        <source>%1 (a daemon, at the end of the main program)</source>
        <translation>%1 (un demonio, al final del programa principal)</translation>
    </message>
    <message>
        <source>%1 (the run was ended)</source>
        <translation>%1 (se terminó la ejecución)</translation>
    </message>
    <message>
        <source>%1 — it had already ended</source>
        <translation>%1 — ya había terminado</translation>
    </message>
    <message>
        <source>terminate(): SIGTERM sent</source>
        <translation>terminate(): se envía SIGTERM</translation>
    </message>
    <message>
        <source>kill(): SIGKILL sent</source>
        <translation>kill(): se envía SIGKILL</translation>
    </message>
    <message>
        <source>SIGSTOP sent: stopped</source>
        <translation>se envía SIGSTOP: detenido</translation>
    </message>
    <message>
        <source>SIGCONT sent: continues</source>
        <translation>se envía SIGCONT: continúa</translation>
    </message>
    <message>
        <source>random.choice(ps).terminate(): no candidate</source>
        <translation>random.choice(ps).terminate(): ningún candidato</translation>
    </message>
    <message>
        <source>random.choice(ps) chose %1</source>
        <translation>random.choice(ps) eligió %1</translation>
    </message>
    <message>
        <source>the main program reaches its end</source>
        <translation>el programa principal llega a su final</translation>
    </message>
    <message>
        <source>is_alive() = %1, exitcode = %2</source>
        <translation>is_alive() = %1, exitcode = %2</translation>
    </message>
    <message>
        <source>calls %1() itself</source>
        <translation>llama él mismo a %1()</translation>
    </message>
    <message>
        <source>call returned</source>
        <translation>la llamada vuelve</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 rechazado: %2</translation>
    </message>
    <message>
        <source>could not be started: %1</source>
        <translation>no se pudo arrancar: %1</translation>
    </message>
    <message>
        <source>could not be created: %1</source>
        <translation>no se pudo crear: %1</translation>
    </message>
    <message>
        <source>queue %1: %2</source>
        <translation>cola %1: %2</translation>
    </message>
    <message>
        <source>unreadable line: %1</source>
        <translation>línea ilegible: %1</translation>
    </message>
    <message>
        <source>command refused: %1</source>
        <translation>orden rechazada: %1</translation>
    </message>
    <message>
        <source>recv() loop ended</source>
        <translation>termina el bucle de recv()</translation>
    </message>
    <message>
        <source>stderr: %1</source>
        <translation>stderr: %1</translation>
    </message>
    <message>
        <source>the main program ends: waits for it to end</source>
        <translation>el programa principal termina: espera a que termine</translation>
    </message>
    <message>
        <source>join() called: the main program waits</source>
        <translation>se llama a join(): el programa principal espera</translation>
    </message>
</context>
<context>
    <name>LessonCatalog</name>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>The lesson file %1 does not exist.</source>
        <translation>El archivo de lección %1 no existe.</translation>
    </message>
    <message>
        <source>The lesson file %1 is not a regular file.</source>
        <translation>El archivo de lección %1 no es un archivo normal.</translation>
    </message>
    <message>
        <source>The lesson file %1 is too large (%2 bytes; at most %3).</source>
        <translation>El archivo de lección %1 es demasiado grande (%2 bytes; como máximo %3).</translation>
    </message>
    <message>
        <source>The lesson file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo de lección %1: %2</translation>
    </message>
</context>
<context>
    <name>LessonNavigator</name>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>Lesson pages</source>
        <translation>Páginas de la lección</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>Back to the lesson</source>
        <translation>Volver a la lección</translation>
    </message>
    <message>
        <source>Lesson page</source>
        <translation>Página de la lección</translation>
    </message>
</context>
<context>
    <name>LineParser</name>
    <message>
        <source>line longer than %1 bytes</source>
        <translation>línea de más de %1 bytes</translation>
    </message>
    <message>
        <source>not valid UTF-8</source>
        <translation>no es UTF-8 válido</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>no es JSON: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>missing string field &quot;ev&quot;</source>
        <translation>falta el campo de texto &quot;ev&quot;</translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;</source>
        <translation>evento desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing integer field &quot;t_ns&quot;</source>
        <translation>falta el campo entero &quot;t_ns&quot;</translation>
    </message>
    <message>
        <source>missing integer field &quot;pid&quot;</source>
        <translation>falta el campo entero &quot;pid&quot;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>&amp;Lección</translation>
    </message>
    <message>
        <source>L&amp;anguage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Show the &amp;Lab</source>
        <translation>Mostrar el &amp;laboratorio</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>Página &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>Página &amp;siguiente</translation>
    </message>
    <message>
        <source>Go to the Page &amp;List</source>
        <translation>Ir a la &amp;lista de páginas</translation>
    </message>
    <message>
        <source>&amp;About Concurrente</source>
        <translation>&amp;Acerca de Concurrente</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Zoom Lesson &amp;In</source>
        <translation>&amp;Ampliar la lección</translation>
    </message>
    <message>
        <source>Zoom Lesson &amp;Out</source>
        <translation>&amp;Reducir la lección</translation>
    </message>
    <message>
        <source>&amp;Actual Lesson Size</source>
        <translation>Lección a &amp;tamaño normal</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>A&amp;trás</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>La&amp;b</source>
        <translation>La&amp;boratorio</translation>
    </message>
</context>
<context>
    <name>PredictQuestion</name>
    <message>
        <source>question: needs its text in Spanish and English</source>
        <translation>question: necesita su texto en español y en inglés</translation>
    </message>
    <message>
        <source>rule: unknown rule &quot;%1&quot;</source>
        <translation>rule: regla desconocida «%1»</translation>
    </message>
    <message>
        <source>options: each needs a value and its text in Spanish and English</source>
        <translation>options: cada una necesita un valor y su texto en español y en inglés</translation>
    </message>
    <message>
        <source>options: a choice needs at least two</source>
        <translation>options: una elección necesita al menos dos</translation>
    </message>
    <message>
        <source>number: needs min ≤ max, a tolerance ≥ 0 and 0 to 3 decimals</source>
        <translation>number: necesita min ≤ max, una tolerancia ≥ 0 y de 0 a 3 decimales</translation>
    </message>
    <message>
        <source>input: must be &quot;choice&quot; or &quot;number&quot;</source>
        <translation>input: debe ser «choice» o «number»</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
</context>
<context>
    <name>PredictText</name>
    <message>
        <source>Right</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Not quite</source>
        <translation>No exactamente</translation>
    </message>
    <message>
        <source>The run did not show it</source>
        <translation>La ejecución no llegó a mostrarlo</translation>
    </message>
    <message>
        <source>%1 ended with exitcode %2</source>
        <translation>%1 terminó con exitcode %2</translation>
    </message>
    <message>
        <source>a worker was named %1</source>
        <translation>un proceso se llamó %1</translation>
    </message>
    <message>
        <source>%1 reported PPID %2</source>
        <translation>%1 informó PPID %2</translation>
    </message>
    <message>
        <source>%1&apos;s PPID changed to %2</source>
        <translation>el PPID de %1 cambió a %2</translation>
    </message>
    <message>
        <source>%1 has PID %2</source>
        <translation>%1 tiene PID %2</translation>
    </message>
    <message>
        <source>%1 printed &quot;%2&quot;</source>
        <translation>%1 imprimió «%2»</translation>
    </message>
    <message>
        <source>%1 printed no line with &quot;%2&quot;</source>
        <translation>%1 no imprimió ninguna línea con «%2»</translation>
    </message>
    <message>
        <source>%1 was terminated when the main program ended</source>
        <translation>%1 fue terminado al acabar el programa principal</translation>
    </message>
    <message>
        <source>%1 was terminated</source>
        <translation>%1 fue terminado</translation>
    </message>
    <message>
        <source>sequential: %1 ms</source>
        <translation>secuencial: %1 ms</translation>
    </message>
    <message>
        <source>two processes: %1 ms</source>
        <translation>dos procesos: %1 ms</translation>
    </message>
    <message>
        <source>%1 took %2 ms</source>
        <translation>%1 tardó %2 ms</translation>
    </message>
    <message>
        <source>%1 put %2</source>
        <translation>%1 puso %2</translation>
    </message>
    <message>
        <source>%1 got %2</source>
        <translation>%1 sacó %2</translation>
    </message>
    <message>
        <source>never got: %1</source>
        <translation>nunca sacados: %1</translation>
    </message>
    <message>
        <source>got more than once: %1</source>
        <translation>sacados más de una vez: %1</translation>
    </message>
</context>
<context>
    <name>RunExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: no se puede escribir: %2</translation>
    </message>
    <message>
        <source>Run log, to open again (JSON)</source>
        <translation>Registro de la ejecución, para volver a abrirla (JSON)</translation>
    </message>
    <message>
        <source>Events as a table (CSV)</source>
        <translation>Eventos en una tabla (CSV)</translation>
    </message>
    <message>
        <source>Perfetto / Chrome trace</source>
        <translation>Traza para Perfetto / Chrome</translation>
    </message>
    <message>
        <source>%1: unknown export format (use one of: %2)</source>
        <translation>%1: formato de exportación desconocido (usa uno de: %2)</translation>
    </message>
    <message>
        <source>Report, one web page (HTML)</source>
        <translation>Informe en una sola página web (HTML)</translation>
    </message>
    <message>
        <source>Report to print (PDF, A4)</source>
        <translation>Informe para imprimir (PDF, A4)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2 is not a folder</source>
        <translation>%1: no se puede escribir: %2 no es una carpeta</translation>
    </message>
    <message>
        <source>%1: cannot write: the folder %2 does not exist</source>
        <translation>%1: no se puede escribir: la carpeta %2 no existe</translation>
    </message>
    <message>
        <source>%1: cannot write: the disk is full</source>
        <translation>%1: no se puede escribir: el disco está lleno</translation>
    </message>
    <message>
        <source>%1: cannot write: the place is read-only</source>
        <translation>%1: no se puede escribir: el lugar es de solo lectura</translation>
    </message>
    <message>
        <source>%1: cannot write: no permission to write there</source>
        <translation>%1: no se puede escribir: no hay permiso para escribir ahí</translation>
    </message>
</context>
<context>
    <name>RunFacts</name>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>no informado</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>campo desconocido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>processes[%1]: a process needs a name</source>
        <translation>processes[%1]: un proceso necesita un nombre</translation>
    </message>
    <message>
        <source>processes[%1].exitcode: must be an integer or null</source>
        <translation>processes[%1].exitcode: debe ser un entero o null</translation>
    </message>
    <message>
        <source>joins[%1].exitcode: must be an integer or null</source>
        <translation>joins[%1].exitcode: debe ser un entero o null</translation>
    </message>
    <message>
        <source>checks[%1].exitcode: must be an integer or null</source>
        <translation>checks[%1].exitcode: debe ser un entero o null</translation>
    </message>
    <message>
        <source>line %1: not a JSON object: %2</source>
        <translation>línea %1: no es un objeto JSON: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1: se esperaba %2, se obtuvo %3</translation>
    </message>
    <message>
        <source>process %1: expected, but the run has none of that name</source>
        <translation>proceso %1: se esperaba, pero la ejecución no tiene ninguno con ese nombre</translation>
    </message>
    <message>
        <source>%1: kind</source>
        <translation>%1: tipo</translation>
    </message>
    <message>
        <source>%1: exit code</source>
        <translation>%1: código de salida</translation>
    </message>
    <message>
        <source>%1: os.getppid() is the main program</source>
        <translation>%1: os.getppid() es el programa principal</translation>
    </message>
    <message>
        <source>%1: parent_process() is the main program</source>
        <translation>%1: parent_process() es el programa principal</translation>
    </message>
    <message>
        <source>%1: parent_process().name</source>
        <translation>%1: parent_process().name</translation>
    </message>
    <message>
        <source>%1: re-parented (its os.getppid() changed)</source>
        <translation>%1: readoptado (su os.getppid() cambió)</translation>
    </message>
    <message>
        <source>process %1: not expected, but the run has one</source>
        <translation>proceso %1: no se esperaba, pero la ejecución tiene uno</translation>
    </message>
    <message>
        <source>random terminations</source>
        <translation>terminaciones al azar</translation>
    </message>
    <message>
        <source>random termination %1: candidates</source>
        <translation>terminación al azar %1: candidatos</translation>
    </message>
    <message>
        <source>no such process</source>
        <translation>no existe ese proceso</translation>
    </message>
    <message>
        <source>random termination %1: the chosen one&apos;s exit code</source>
        <translation>terminación al azar %1: código de salida del elegido</translation>
    </message>
    <message>
        <source>random termination %1: the others&apos; exit codes</source>
        <translation>terminación al azar %1: códigos de salida de los demás</translation>
    </message>
    <message>
        <source>timed joins</source>
        <translation>joins con tiempo límite</translation>
    </message>
    <message>
        <source>timed join %1: process</source>
        <translation>join con tiempo límite %1: proceso</translation>
    </message>
    <message>
        <source>timed join %1 (%2.join(timeout)): timed out</source>
        <translation>join con tiempo límite %1 (%2.join(timeout)): venció el tiempo</translation>
    </message>
    <message>
        <source>timed join %1 (%2.join(timeout)): is_alive()</source>
        <translation>join con tiempo límite %1 (%2.join(timeout)): is_alive()</translation>
    </message>
    <message>
        <source>timed join %1 (%2.join(timeout)): exitcode</source>
        <translation>join con tiempo límite %1 (%2.join(timeout)): exitcode</translation>
    </message>
    <message>
        <source>is_alive() checks</source>
        <translation>comprobaciones is_alive()</translation>
    </message>
    <message>
        <source>is_alive() check %1: process</source>
        <translation>comprobación is_alive() %1: proceso</translation>
    </message>
    <message>
        <source>is_alive() check %1 (%2): is_alive()</source>
        <translation>comprobación is_alive() %1 (%2): is_alive()</translation>
    </message>
    <message>
        <source>is_alive() check %1 (%2): exitcode</source>
        <translation>comprobación is_alive() %1 (%2): exitcode</translation>
    </message>
    <message>
        <source>queue %1: expected messages, but the run has none</source>
        <translation>cola %1: se esperaban mensajes, pero la ejecución no tiene ninguno</translation>
    </message>
    <message>
        <source>queue %1: messages put</source>
        <translation>cola %1: mensajes puestos</translation>
    </message>
    <message>
        <source>queue %1: messages got</source>
        <translation>cola %1: mensajes leídos</translation>
    </message>
    <message>
        <source>queue %1: each producer&apos;s messages got in order</source>
        <translation>cola %1: los mensajes de cada productor se leyeron en orden</translation>
    </message>
    <message>
        <source>queue %1: not expected, but the run has messages in it</source>
        <translation>cola %1: no se esperaba, pero la ejecución tiene mensajes en ella</translation>
    </message>
</context>
<context>
    <name>RunJournal</name>
    <message>
        <source>cannot create %1</source>
        <translation>no se puede crear %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>larger than %1 MiB</source>
        <translation>mayor de %1 MiB</translation>
    </message>
    <message>
        <source>not a run journal</source>
        <translation>no es un diario de ejecución</translation>
    </message>
</context>
<context>
    <name>RunLog</name>
    <message>
        <source>%1 events past the limit of %2 per run were counted but not stored</source>
        <translation>%1 eventos por encima del límite de %2 por ejecución se contaron pero no se guardaron</translation>
    </message>
    <message>
        <source>not a run log (format is not &quot;%1&quot;)</source>
        <translation>no es un registro de ejecución (el formato no es &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>processes[%1]: must be an object</source>
        <translation>processes[%1]: debe ser un objeto</translation>
    </message>
    <message>
        <source>events[%1]: needs an integer t_ns and a string ev</source>
        <translation>events[%1]: necesita un t_ns entero y un ev de texto</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: no se puede abrir: %2</translation>
    </message>
    <message>
        <source>%1: larger than %2 MiB</source>
        <translation>%1: mayor de %2 MiB</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>homework: must be an object</source>
        <translation>homework: debe ser un objeto</translation>
    </message>
    <message>
        <source>predict: needs a question and a verdict (right, not_quite, undecided)</source>
        <translation>predict: necesita una pregunta y un veredicto (right, not_quite, undecided)</translation>
    </message>
    <message>
        <source>predict: must be an object</source>
        <translation>predict: debe ser un objeto</translation>
    </message>
    <message>
        <source>written by a newer version of Concurrente (format &quot;%1&quot;); this version reads &quot;%2&quot; and older: update Concurrente to open it</source>
        <translation>escrito por una versión más nueva de Concurrente (formato &quot;%1&quot;); esta versión lee &quot;%2&quot; y anteriores: actualiza Concurrente para abrirlo</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1: el archivo está vacío</translation>
    </message>
    <message>
        <source>%1: cut short (it ends at byte %2 in the middle of the JSON)</source>
        <translation>%1: cortado (termina en el byte %2, a mitad del JSON)</translation>
    </message>
    <message>
        <source>%1: damaged: not JSON at byte %2 (%3)</source>
        <translation>%1: dañado: no es JSON en el byte %2 (%3)</translation>
    </message>
    <message>
        <source>%1: not a run log (a JSON array, not an object)</source>
        <translation>%1: no es un registro de ejecución (un arreglo JSON, no un objeto)</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>Run report</source>
        <translation>Informe de la ejecución</translation>
    </message>
    <message>
        <source>Run report: %1</source>
        <translation>Informe de la ejecución: %1</translation>
    </message>
    <message>
        <source>Written by Concurrente %1.</source>
        <translation>Escrito por Concurrente %1.</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Sistema operativo</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Núcleo</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 (%2 usable)</source>
        <translation>%1 (%2 utilizables)</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Tiempo real</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>The run log holds no scenario this version can read.</source>
        <translation>El registro no contiene un escenario que esta versión pueda leer.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Método de inicio</translation>
    </message>
    <message>
        <source>The main program:</source>
        <translation>El programa principal:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Procesos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
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
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Start (ms)</source>
        <translation>Inicio (ms)</translation>
    </message>
    <message>
        <source>End (ms)</source>
        <translation>Fin (ms)</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Código de salida</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>No message was sent.</source>
        <translation>No se envió ningún mensaje.</translation>
    </message>
    <message>
        <source>Queue or pipe</source>
        <translation>Cola o tubería</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Put (ms)</source>
        <translation>Puesto (ms)</translation>
    </message>
    <message>
        <source>Got (ms)</source>
        <translation>Recibido (ms)</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Tiempo (ms)</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>%1 more events are in the run log (JSON).</source>
        <translation>Otros %1 eventos están en el registro de la ejecución (JSON).</translation>
    </message>
    <message>
        <source>Predict → verdict</source>
        <translation>Predicción → veredicto</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>The run showed</source>
        <translation>La ejecución mostró</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>%1; at most %2 processes and threads (%3)</source>
        <translation>%1; como máximo %2 procesos e hilos (%3)</translation>
    </message>
    <message>
        <source>%1; memory at most %2 MiB</source>
        <translation>%1; memoria como máximo %2 MiB</translation>
    </message>
    <message>
        <source>Process containment</source>
        <translation>Confinamiento de procesos</translation>
    </message>
</context>
<context>
    <name>ScenarioLoader</name>
    <message>
        <source>unknown field (expected one of: %1)</source>
        <translation>campo desconocido (se esperaba uno de: %1)</translation>
    </message>
    <message>
        <source>missing (a string is required)</source>
        <translation>falta (se requiere un texto)</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>debe ser un texto, no %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no puede estar vacío</translation>
    </message>
    <message>
        <source>is too long (%1 characters, at most %2)</source>
        <translation>es demasiado largo (%1 caracteres, como máximo %2)</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>debe ser true o false, no %1</translation>
    </message>
    <message>
        <source>must be an integer, not %1</source>
        <translation>debe ser un entero, no %1</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>debe ser un entero</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>debe estar entre %1 y %2</translation>
    </message>
    <message>
        <source>missing (an object with &quot;es&quot; and &quot;en&quot; texts is required)</source>
        <translation>falta (se requiere un objeto con textos &quot;es&quot; y &quot;en&quot;)</translation>
    </message>
    <message>
        <source>must be an object with &quot;es&quot; and &quot;en&quot; texts, not %1</source>
        <translation>debe ser un objeto con textos &quot;es&quot; y &quot;en&quot;, no %1</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>no se puede abrir el archivo: %1</translation>
    </message>
    <message>
        <source>the file is too large (%1 bytes; a scenario is at most %2 bytes)</source>
        <translation>el archivo es demasiado grande (%1 bytes; un escenario tiene como máximo %2 bytes)</translation>
    </message>
    <message>
        <source>the file is too large (a scenario is at most %1 bytes)</source>
        <translation>el archivo es demasiado grande (un escenario tiene como máximo %1 bytes)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>no se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): %4</source>
        <translation>JSON no válido en la línea %1, columna %2 (byte %3): %4</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>el nivel superior debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>unsupported format &quot;%1&quot; (expected &quot;%2&quot;)</source>
        <translation>formato no admitido &quot;%1&quot; (se esperaba &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation>debe ser un array, no %1</translation>
    </message>
    <message>
        <source>too many queues (%1; at most %2)</source>
        <translation>demasiadas colas (%1; como máximo %2)</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>debe ser un objeto, no %1</translation>
    </message>
    <message>
        <source>must start with a letter or _ and contain only letters, digits, _ . -</source>
        <translation>debe empezar por una letra o _ y contener solo letras, dígitos, _ . -</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the name of queues[%2]</source>
        <translation>&quot;%1&quot; ya es el nombre de queues[%2]</translation>
    </message>
    <message>
        <source>too many pipes (%1; at most %2)</source>
        <translation>demasiadas tuberías (%1; como máximo %2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the name of pipes[%2]</source>
        <translation>&quot;%1&quot; ya es el nombre de pipes[%2]</translation>
    </message>
    <message>
        <source>missing (an array of workers is required)</source>
        <translation>falta (se requiere un array de procesos)</translation>
    </message>
    <message>
        <source>must list at least one worker</source>
        <translation>debe incluir al menos un proceso</translation>
    </message>
    <message>
        <source>too many workers (%1; at most %2 per run)</source>
        <translation>demasiados procesos (%1; como máximo %2 por ejecución)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of workers[%2]</source>
        <translation>&quot;%1&quot; ya es el id de workers[%2]</translation>
    </message>
    <message>
        <source>must not contain control characters (tabs, newlines, ...)</source>
        <translation>no puede contener caracteres de control (tabuladores, saltos de línea, ...)</translation>
    </message>
    <message>
        <source>must not start or end with spaces</source>
        <translation>no puede empezar ni terminar con espacios</translation>
    </message>
    <message>
        <source>must be &quot;qprocess&quot; or &quot;fork&quot;, not &quot;%1&quot;</source>
        <translation>debe ser &quot;qprocess&quot; o &quot;fork&quot;, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown task &quot;%1&quot; (known: %2)</source>
        <translation>tarea desconocida &quot;%1&quot; (conocidas: %2)</translation>
    </message>
    <message>
        <source>unknown argument (task &quot;%1&quot; takes none)</source>
        <translation>argumento desconocido (la tarea &quot;%1&quot; no admite ninguno)</translation>
    </message>
    <message>
        <source>unknown argument for task &quot;%1&quot; (expected one of: %2)</source>
        <translation>argumento desconocido para la tarea &quot;%1&quot; (se esperaba uno de: %2)</translation>
    </message>
    <message>
        <source>missing (task &quot;%1&quot; needs it)</source>
        <translation>falta (la tarea &quot;%1&quot; lo necesita)</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>debe ser uno de: %1</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>must be the name of a pipe (a string), not %1</source>
        <translation>debe ser el nombre de una tubería (un texto), no %1</translation>
    </message>
    <message>
        <source>no pipe is named &quot;%1&quot; (declare it in &quot;pipes&quot;)</source>
        <translation>ninguna tubería se llama &quot;%1&quot; (declárala en &quot;pipes&quot;)</translation>
    </message>
    <message>
        <source>must be the name of a queue (a string), not %1</source>
        <translation>debe ser el nombre de una cola (un texto), no %1</translation>
    </message>
    <message>
        <source>no queue is named &quot;%1&quot; (declare it in &quot;queues&quot;)</source>
        <translation>ninguna cola se llama &quot;%1&quot; (declárala en &quot;queues&quot;)</translation>
    </message>
    <message>
        <source>missing (an array of actions is required)</source>
        <translation>falta (se requiere un array de acciones)</translation>
    </message>
    <message>
        <source>too many actions (%1; at most %2)</source>
        <translation>demasiadas acciones (%1; como máximo %2)</translation>
    </message>
    <message>
        <source>no worker has the id &quot;%1&quot;</source>
        <translation>ningún proceso tiene el id &quot;%1&quot;</translation>
    </message>
    <message>
        <source>worker index %1 is out of range (%2 workers)</source>
        <translation>el índice de proceso %1 está fuera de rango (%2 procesos)</translation>
    </message>
    <message>
        <source>missing (a worker id or index is required)</source>
        <translation>falta (se requiere el id o el índice de un proceso)</translation>
    </message>
    <message>
        <source>must be a worker id (a string) or index (an integer), not %1</source>
        <translation>debe ser el id (un texto) o el índice (un entero) de un proceso, no %1</translation>
    </message>
    <message>
        <source>comes after end_main (main[%1]): end_main must be the last action</source>
        <translation>va después de end_main (main[%1]): end_main debe ser la última acción</translation>
    </message>
    <message>
        <source>%1 is already started (a process can be started only once)</source>
        <translation>%1 ya está iniciado (un proceso solo se puede iniciar una vez)</translation>
    </message>
    <message>
        <source>%1 is not started yet (can only %2 a started process)</source>
        <translation>%1 aún no está iniciado (solo se puede hacer %2 sobre un proceso iniciado)</translation>
    </message>
    <message>
        <source>missing (milliseconds to sleep are required)</source>
        <translation>falta (se requieren los milisegundos de espera)</translation>
    </message>
    <message>
        <source>missing (a list of candidate workers is required)</source>
        <translation>falta (se requiere una lista de procesos candidatos)</translation>
    </message>
    <message>
        <source>must be a non-empty array of worker ids or indices</source>
        <translation>debe ser un array no vacío de ids o índices de procesos</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 aparece dos veces</translation>
    </message>
    <message>
        <source>%1 is not started yet (can only terminate a started process)</source>
        <translation>%1 aún no está iniciado (solo se puede terminar un proceso iniciado)</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>end of main</source>
        <translation>fin del programa principal</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>un texto</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>&lt;memory&gt;</source>
        <translation>&lt;memoria&gt;</translation>
    </message>
    <message>
        <source>must be &quot;spawn&quot;, &quot;fork&quot; or &quot;forkserver&quot;, not &quot;%1&quot;</source>
        <translation>debe ser &quot;spawn&quot;, &quot;fork&quot; o &quot;forkserver&quot;, no &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be an exit code (an integer) or a message (a string), not %1</source>
        <translation>debe ser un código de salida (un entero) o un mensaje (un texto), no %1</translation>
    </message>
    <message>
        <source>must be an integer exit code (sys.exit(%1) would exit with 1 and print it) or a string</source>
        <translation>debe ser un código de salida entero (sys.exit(%1) terminaría con 1 y lo imprimiría) o un texto</translation>
    </message>
    <message>
        <source>missing (a number, a string or null is required)</source>
        <translation>falta (se requiere un número, un texto o null)</translation>
    </message>
    <message>
        <source>must be a number, a string or null, not %1</source>
        <translation>debe ser un número, un texto o null, no %1</translation>
    </message>
    <message>
        <source>the main program can only call %1 itself, not &quot;%2&quot;</source>
        <translation>el programa principal solo puede llamar él mismo a %1, no a «%2»</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (known: start, join, terminate, kill, stop, continue, put, get, recv, send, is_alive, call, sleep_ms, terminate_random, end_main)</source>
        <translation>acción desconocida &quot;%1&quot; (conocidas: start, join, terminate, kill, stop, continue, put, get, recv, send, is_alive, call, sleep_ms, terminate_random, end_main)</translation>
    </message>
    <message>
        <source>(%1 characters)</source>
        <translation>(%1 caracteres)</translation>
    </message>
    <message>
        <source>not a regular file (a scenario is a JSON file)</source>
        <translation>no es un fichero normal (un escenario es un fichero JSON)</translation>
    </message>
    <message>
        <source>the key appears more than once in its object (each key may appear once)</source>
        <translation>la clave aparece más de una vez en su objeto (cada clave puede aparecer una sola vez)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… y %n problema más</numerusform>
            <numerusform>… y %n problemas más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message>
        <source>starting</source>
        <translation>arrancando</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <source>stopped (SIGSTOP)</source>
        <translation>detenido (SIGSTOP)</translation>
    </message>
    <message>
        <source>waiting in join()</source>
        <translation>esperando en join()</translation>
    </message>
    <message>
        <source>start()</source>
        <translation>start()</translation>
    </message>
    <message>
        <source>join() returns</source>
        <translation>join() vuelve</translation>
    </message>
    <message>
        <source>join(timeout) times out</source>
        <translation>join(timeout) agota el tiempo</translation>
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
        <translation>stop (detener)</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>continue (reanudar)</translation>
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
        <translation>adoptado (huérfano)</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>%1 sent on pipe %2 by %3</source>
        <translation>%1 enviado por la tubería %2 por %3</translation>
    </message>
    <message>
        <source>%1 put into queue %2 by %3</source>
        <translation>%1 puesto en la cola %2 por %3</translation>
    </message>
    <message>
        <source>received by %1 after %2</source>
        <translation>recibido por %1 tras %2</translation>
    </message>
    <message>
        <source>not received yet</source>
        <translation>aún no recibido</translation>
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
        <translation>Ejecuta el ejemplo para ver sus procesos a lo largo del tiempo.</translation>
    </message>
    <message>
        <source>message (put → get)</source>
        <translation>mensaje (put → get)</translation>
    </message>
</context>
<context>
    <name>concurrente</name>
    <message>
        <source>A saved run (.concurrente-run.json) to open for review.</source>
        <translation>Una ejecución guardada (.concurrente-run.json), para revisarla.</translation>
    </message>
</context>
<context>
    <name>concurrente::AccessibleNamer</name>
    <message>
        <source>Tabs</source>
        <translation>Pestañas</translation>
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
        <translation>Proceso</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Milliseconds since the run started, from the system&apos;s monotonic clock</source>
        <translation>Milisegundos desde el comienzo de la ejecución, según el reloj monotónico del sistema</translation>
    </message>
</context>
<context>
    <name>concurrente::ExportRunDialog</name>
    <message>
        <source>Export Run</source>
        <translation>Exportar ejecución</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Homework header (also in Preferences):</source>
        <translation>Encabezado de la tarea (también en Preferencias):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Elige un archivo donde escribir.</translation>
    </message>
    <message>
        <source>The file name must end in %1 for this format.</source>
        <translation>Para este formato, el nombre del archivo debe terminar en %1.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
</context>
<context>
    <name>concurrente::HelpDialog</name>
    <message>
        <source>The help page %1 cannot be read: %2</source>
        <translation>No se puede leer la página de ayuda %1: %2</translation>
    </message>
    <message>
        <source>Help — The Lab</source>
        <translation>Ayuda — El laboratorio</translation>
    </message>
    <message>
        <source>Help — Reading the Lessons</source>
        <translation>Ayuda — Cómo leer las lecciones</translation>
    </message>
</context>
<context>
    <name>concurrente::HomeworkForm</name>
    <message>
        <source>&amp;Student:</source>
        <translation>E&amp;studiante:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>E&amp;xercise:</source>
        <translation>E&amp;jercicio:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>e.g. 3CM1</source>
        <translation>p. ej. 3CM1</translation>
    </message>
    <message>
        <source>e.g. Homework 4, exercise 2</source>
        <translation>p. ej. Tarea 4, ejercicio 2</translation>
    </message>
</context>
<context>
    <name>concurrente::LabCharts</name>
    <message>
        <source>CPU per process over time</source>
        <translation>CPU de cada proceso a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Messages waiting in each queue or pipe</source>
        <translation>Mensajes en espera en cada cola o tubería</translation>
    </message>
    <message>
        <source>Time since the run started (s)</source>
        <translation>Tiempo desde el inicio de la ejecución (s)</translation>
    </message>
    <message>
        <source>Run the example to chart it.</source>
        <translation>Ejecuta el ejemplo para verlo en gráficos.</translation>
    </message>
    <message>
        <source>No CPU samples: they are read from /proc while a run goes on (a saved run has none).</source>
        <translation>Sin muestras de CPU: se leen de /proc mientras la ejecución está en marcha (una ejecución guardada no las tiene).</translation>
    </message>
    <message>
        <source>CPU: milliseconds of CPU time (user + system) per second; 1000 is one core busy all the time. Read from /proc twice a second.</source>
        <translation>CPU: milisegundos de tiempo de CPU (usuario + sistema) por segundo; 1000 es un núcleo ocupado todo el tiempo. Se lee de /proc dos veces por segundo.</translation>
    </message>
    <message>
        <source>Cancel the sweep</source>
        <translation>Cancelar el barrido</translation>
    </message>
    <message>
        <source>Running the work with %1 of %2 workers…</source>
        <translation>Ejecutando el trabajo con %1 de %2 procesos…</translation>
    </message>
    <message>
        <source>Measure the speed-up (1…%1 workers)</source>
        <translation>Medir la aceleración (1…%1 procesos)</translation>
    </message>
    <message>
        <source>Runs %1 s of CPU work split between 1, 2, … %2 processes, one run after another, and plots how much faster each is than one process.</source>
        <translation>Ejecuta %1 s de trabajo de CPU repartido entre 1, 2, … %2 procesos, una ejecución tras otra, y dibuja cuánto más rápida es cada una que con un solo proceso.</translation>
    </message>
    <message numerus="yes">
        <source>The sweep stopped after %n run(s).</source>
        <translation>
            <numerusform>El barrido se detuvo tras %n ejecución.</numerusform>
            <numerusform>El barrido se detuvo tras %n ejecuciones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: the dashed line is the ideal (n workers, n times faster) on %n CPU(s).</source>
        <translation>
            <numerusform>Hecho: la línea discontinua es lo ideal (n procesos, n veces más rápido) con %n CPU.</numerusform>
            <numerusform>Hecho: la línea discontinua es lo ideal (n procesos, n veces más rápido) con %n CPU.</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs real processes one run after another; press again to cancel</source>
        <translation>Ejecuta procesos reales, una ejecución tras otra; púlsalo otra vez para cancelar</translation>
    </message>
    <message>
        <source>How long messages waited (put → get)</source>
        <translation>Cuánto esperaron los mensajes (put → get)</translation>
    </message>
    <message>
        <source>Speed-up against the number of worker processes</source>
        <translation>Aceleración según el número de procesos</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Duración (s)</translation>
    </message>
    <message>
        <source>@value s</source>
        <translation>@value s</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>Secuencial</translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n proceso</numerusform>
            <numerusform>%n procesos</numerusform>
        </translation>
    </message>
    <message>
        <source>Wall time (s)</source>
        <translation>Tiempo real (s)</translation>
    </message>
    <message>
        <source>Sequential against parallel: speed-up ×%1</source>
        <translation>Secuencial contra paralelo: aceleración ×%1</translation>
    </message>
    <message>
        <source>Sequential against parallel (the parallel part has not ended yet)</source>
        <translation>Secuencial contra paralelo (la parte paralela aún no ha terminado)</translation>
    </message>
    <message>
        <source>CPU time (s)</source>
        <translation>Tiempo de CPU (s)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n thread(s))</source>
        <translation>
            <numerusform>%1 (%n hilo)</numerusform>
            <numerusform>%1 (%n hilos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Same CPU work: threads against processes</source>
        <translation>Mismo trabajo de CPU: hilos contra procesos</translation>
    </message>
    <message>
        <source>one interpreter lock per process, handed over every %1 ms</source>
        <translation>un cerrojo de intérprete por proceso, que cambia de manos cada %1 ms</translation>
    </message>
    <message>
        <source>Same CPU work: wall and CPU time per worker</source>
        <translation>Mismo trabajo de CPU: tiempo real y de CPU de cada proceso</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Waited from (ms), in steps of %1 ms</source>
        <translation>Espera desde (ms), en tramos de %1 ms</translation>
    </message>
    <message>
        <source>How long messages waited (put → get): median %1 ms, longest %2 ms</source>
        <translation>Cuánto esperaron los mensajes (put → get): mediana %1 ms, la más larga %2 ms</translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation>Procesos</translation>
    </message>
    <message>
        <source>Speed-up (×)</source>
        <translation>Aceleración (×)</translation>
    </message>
    <message>
        <source>ideal (n workers, n times faster)</source>
        <translation>ideal (n procesos, n veces más rápido)</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>medida</translation>
    </message>
    <message>
        <source>CPU (ms/s)</source>
        <translation>CPU (ms/s)</translation>
    </message>
    <message>
        <source>Messages / s</source>
        <translation>Mensajes / s</translation>
    </message>
    <message>
        <source>Messages received per second (counted every %1 ms)</source>
        <translation>Mensajes recibidos por segundo (contados cada %1 ms)</translation>
    </message>
</context>
<context>
    <name>concurrente::LabPanel</name>
    <message>
        <source>No page is open.</source>
        <translation>No hay ninguna página abierta.</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Abrir escenario</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Escenarios (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>Guardar escenario</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>Run the main program from its first line (%1)</source>
        <translation>Ejecuta el programa principal desde su primera línea (%1)</translation>
    </message>
    <message>
        <source>Run the next line of the main program, then wait (%1)</source>
        <translation>Ejecuta la siguiente línea del programa principal y espera (%1)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Pa&amp;usa</translation>
    </message>
    <message>
        <source>Stop the main program between two lines; the processes go on (%1)</source>
        <translation>Detiene el programa principal entre dos líneas; los procesos siguen (%1)</translation>
    </message>
    <message>
        <source>&amp;End run</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <source>End the run now: every process of it still alive is killed (%1)</source>
        <translation>Termina la ejecución ya: se matan todos sus procesos aún vivos (%1)</translation>
    </message>
    <message>
        <source>p.start() on the selected workers (%1)</source>
        <translation>p.start() sobre los workers seleccionados (%1)</translation>
    </message>
    <message>
        <source>p.join(): the main program waits until the selected workers end (%1)</source>
        <translation>p.join(): el programa principal espera a que terminen los workers seleccionados (%1)</translation>
    </message>
    <message>
        <source>p.join(timeout): waits at most the seconds beside it (%1)</source>
        <translation>p.join(timeout): espera como mucho los segundos de al lado (%1)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The timeout of join(timeout), in seconds</source>
        <translation>El timeout de join(timeout), en segundos</translation>
    </message>
    <message>
        <source>p.terminate(): sends SIGTERM (%1)</source>
        <translation>p.terminate(): envía SIGTERM (%1)</translation>
    </message>
    <message>
        <source>p.kill(): sends SIGKILL, which cannot be caught (%1)</source>
        <translation>p.kill(): envía SIGKILL, que no se puede capturar (%1)</translation>
    </message>
    <message>
        <source>Sends SIGSTOP: the process freezes until it is continued (%1)</source>
        <translation>Envía SIGSTOP: el proceso se congela hasta que se le deja continuar (%1)</translation>
    </message>
    <message>
        <source>Sends SIGCONT: a stopped process goes on (%1)</source>
        <translation>Envía SIGCONT: un proceso detenido sigue (%1)</translation>
    </message>
    <message>
        <source>Main program:</source>
        <translation>Programa principal:</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Edit the example: its workers, their tasks and arguments, queues and pipes</source>
        <translation>Edita el ejemplo: sus workers, sus tareas y argumentos, colas y tuberías</translation>
    </message>
    <message>
        <source>Forget your changes and use this page&apos;s example again</source>
        <translation>Olvida tus cambios y vuelve a usar el ejemplo de esta página</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Procesos</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Árbol</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Consola</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Every process of the run, live</source>
        <translation>Todos los procesos de la ejecución, en vivo</translation>
    </message>
    <message>
        <source>Who created whom; an orphan moves to the process that adopted it</source>
        <translation>Quién creó a quién; un huérfano pasa al proceso que lo adoptó</translation>
    </message>
    <message>
        <source>What each process printed; exceptions in red</source>
        <translation>Lo que imprimió cada proceso; las excepciones en rojo</translation>
    </message>
    <message>
        <source>Everything that happened, in order</source>
        <translation>Todo lo que pasó, en orden</translation>
    </message>
    <message>
        <source>Each message of a queue or pipe: who put it, who got it, when</source>
        <translation>Cada mensaje de una cola o tubería: quién lo puso, quién lo sacó y cuándo</translation>
    </message>
    <message>
        <source>(end of the main program: daemons are terminated, the other children joined)</source>
        <translation>(fin del programa principal: se terminan los demonios y se hace join de los demás hijos)</translation>
    </message>
    <message>
        <source>This page has no lab example yet: %1 does not exist.</source>
        <translation>Esta página aún no tiene ejemplo de laboratorio: %1 no existe.</translation>
    </message>
    <message>
        <source>The lab example %1 cannot be used:
%2</source>
        <translation>El ejemplo de laboratorio %1 no se puede usar:
%2</translation>
    </message>
    <message>
        <source>A run is going on: the example can be edited once it has ended.</source>
        <translation>Hay una ejecución en marcha: el ejemplo se puede editar cuando termine.</translation>
    </message>
    <message>
        <source>Fix what is marked below to run the example.</source>
        <translation>Corrige lo marcado abajo para poder ejecutar el ejemplo.</translation>
    </message>
    <message>
        <source>Your own version of this page&apos;s example.</source>
        <translation>Tu propia versión del ejemplo de esta página.</translation>
    </message>
    <message>
        <source>This page&apos;s example. Change it as you like: your version is kept.</source>
        <translation>El ejemplo de esta página. Cámbialo a tu gusto: tu versión se guarda.</translation>
    </message>
    <message>
        <source>%1 cannot be used:
%2</source>
        <translation>%1 no se puede usar:
%2</translation>
    </message>
    <message>
        <source>Run ended.</source>
        <translation>Ejecución terminada.</translation>
    </message>
    <message numerus="yes">
        <source>Run ended: %n process(es) still alive were killed.</source>
        <translation>
            <numerusform>Ejecución terminada: se mató %n proceso que seguía vivo.</numerusform>
            <numerusform>Ejecución terminada: se mataron %n procesos que seguían vivos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready. Run (%1) runs the main program; Step (%2) runs it one line at a time; or select a worker in Processes and press Start.</source>
        <translation>Listo. Ejecutar (%1) ejecuta el programa principal; Paso (%2) lo ejecuta línea a línea; o selecciona un worker en Procesos y pulsa Start.</translation>
    </message>
    <message>
        <source>Line %1 is in progress (it waits); paused after it.</source>
        <translation>La línea %1 está en curso (espera); pausa después de ella.</translation>
    </message>
    <message>
        <source>Paused before line %1: Step runs it, Run goes on to the end.</source>
        <translation>En pausa antes de la línea %1: Paso la ejecuta, Ejecutar sigue hasta el final.</translation>
    </message>
    <message>
        <source>Paused before the end of the main program: Step ends it.</source>
        <translation>En pausa antes del final del programa principal: Paso lo termina.</translation>
    </message>
    <message numerus="yes">
        <source>The main program has ended; %n process(es) of the run still alive (orphans go on by themselves). End run kills them.</source>
        <translation>
            <numerusform>El programa principal ha terminado; sigue vivo %n proceso de la ejecución (los huérfanos siguen solos). Terminar lo mata.</numerusform>
            <numerusform>El programa principal ha terminado; siguen vivos %n procesos de la ejecución (los huérfanos siguen solos). Terminar los mata.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The edited example has %n problem(s) (see Workers): it cannot run until they are fixed.</source>
        <translation>
            <numerusform>El ejemplo editado tiene %n problema (ver Workers): no se puede ejecutar hasta corregirlo.</numerusform>
            <numerusform>El ejemplo editado tiene %n problemas (ver Workers): no se puede ejecutar hasta corregirlos.</numerusform>
        </translation>
    </message>
    <message>
        <source>All processes</source>
        <translation>Todos los procesos</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>&amp;Paso</translation>
    </message>
    <message>
        <source>St&amp;art</source>
        <translation>&amp;Start</translation>
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
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Start &amp;method:</source>
        <translation>&amp;Método de arranque:</translation>
    </message>
    <message>
        <source>multiprocessing.set_start_method(): how the main program creates the workers that have no start method of their own</source>
        <translation>multiprocessing.set_start_method(): cómo crea el programa principal los workers que no tienen su propio método de arranque</translation>
    </message>
    <message>
        <source>&amp;Back to the page&apos;s example</source>
        <translation>&amp;Volver al ejemplo de la página</translation>
    </message>
    <message>
        <source>&amp;Open Scenario…</source>
        <translation>&amp;Abrir escenario…</translation>
    </message>
    <message>
        <source>Save Scenario &amp;As…</source>
        <translation>&amp;Guardar escenario como…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronograma</translation>
    </message>
    <message>
        <source>Each process over time, what happened to it, and every message</source>
        <translation>Cada proceso a lo largo del tiempo, lo que le ocurrió y cada mensaje</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>CPU per process and queue depth over time</source>
        <translation>CPU de cada proceso y mensajes en cola a lo largo del tiempo</translation>
    </message>
    <message>
        <source>The scenario of a saved run, as it ran: it cannot be changed here.</source>
        <translation>El escenario de una ejecución guardada, tal como se ejecutó: aquí no se puede cambiar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved run&lt;/b&gt; %1, for review: it cannot be run again from here.</source>
        <translation>&lt;b&gt;Ejecución guardada&lt;/b&gt; %1, para revisarla: no se puede volver a ejecutar desde aquí.</translation>
    </message>
    <message>
        <source>Homework: %1</source>
        <translation>Tarea: %1</translation>
    </message>
    <message>
        <source>Back to the page&apos;s example</source>
        <translation>Volver al ejemplo de la página</translation>
    </message>
    <message>
        <source>Lab views</source>
        <translation>Vistas del laboratorio</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Método de arranque</translation>
    </message>
    <message>
        <source>Join timeout</source>
        <translation>Tiempo máximo de join</translation>
    </message>
    <message>
        <source>Main program</source>
        <translation>Programa principal</translation>
    </message>
    <message>
        <source>The example&apos;s main program; the line that runs next is highlighted</source>
        <translation>El programa principal del ejemplo; la línea que se ejecuta a continuación está resaltada</translation>
    </message>
    <message>
        <source>Select workers here (Shift or Ctrl for several), then Start, Join, Terminate… Times in ms since the run started</source>
        <translation>Selecciona aquí los workers (Mayús o Ctrl para varios) y luego Start, Join, Terminate… Tiempos en ms desde el comienzo de la ejecución</translation>
    </message>
    <message>
        <source>Process tree</source>
        <translation>Árbol de procesos</translation>
    </message>
    <message>
        <source>Console of</source>
        <translation>Consola de</translation>
    </message>
    <message>
        <source>Whose output the console shows</source>
        <translation>De quién es la salida que muestra la consola</translation>
    </message>
    <message>
        <source>Events of process</source>
        <translation>Eventos del proceso</translation>
    </message>
    <message>
        <source>Show the events of one process only</source>
        <translation>Muestra solo los eventos de un proceso</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Tipo de evento</translation>
    </message>
    <message>
        <source>Show one kind of event only</source>
        <translation>Muestra solo un tipo de evento</translation>
    </message>
    <message>
        <source>Progress of the main program</source>
        <translation>Avance del programa principal</translation>
    </message>
    <message numerus="yes">
        <source>A saved run: it took %1, with MainProcess and %n other process(es).</source>
        <translation>
            <numerusform>Una ejecución guardada: duró %1, con MainProcess y %n proceso más.</numerusform>
            <numerusform>Una ejecución guardada: duró %1, con MainProcess y %n procesos más.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running: you give the main program&apos;s orders. Besides it, %n process(es) alive.</source>
        <translation>
            <numerusform>En ejecución: tú das las órdenes del programa principal. Además de él, %n proceso vivo.</numerusform>
            <numerusform>En ejecución: tú das las órdenes del programa principal. Además de él, %n procesos vivos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Running line %1 of %2. Besides MainProcess, %n process(es) alive.</source>
        <translation>
            <numerusform>Ejecutando la línea %1 de %2. Además de MainProcess, %n proceso vivo.</numerusform>
            <numerusform>Ejecutando la línea %1 de %2. Además de MainProcess, %n procesos vivos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The main program is ending: it waits for its children. Besides it, %n process(es) alive.</source>
        <translation>
            <numerusform>El programa principal está terminando: espera a sus hijos. Además de él, %n proceso vivo.</numerusform>
            <numerusform>El programa principal está terminando: espera a sus hijos. Además de él, %n procesos vivos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished in %1: MainProcess and %n other process(es).</source>
        <translation>
            <numerusform>Terminado en %1: MainProcess y %n proceso más.</numerusform>
            <numerusform>Terminado en %1: MainProcess y %n procesos más.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonListModel</name>
    <message>
        <source>%1 — visited</source>
        <translation>%1 — visitada</translation>
    </message>
    <message>
        <source>%1 — not visited yet</source>
        <translation>%1 — aún no visitada</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>visitada</translation>
    </message>
    <message>
        <source>not visited yet</source>
        <translation>aún no visitada</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonNavigator</name>
    <message>
        <source>%1 / %2 visited</source>
        <translation>%1 / %2 visitadas</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonPane</name>
    <message>
        <source>This page cannot be shown</source>
        <translation>Esta página no se puede mostrar</translation>
    </message>
    <message>
        <source>%1

The other pages, the page list and the lab keep working. Restore the file and choose the page again.</source>
        <translation>%1

Las demás páginas, la lista de páginas y el laboratorio siguen funcionando. Restaura el archivo y vuelve a elegir la página.</translation>
    </message>
    <message>
        <source>This document cannot be shown</source>
        <translation>Este documento no se puede mostrar</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>concurrente::LessonView</name>
    <message>
        <source>Image not available: %1</source>
        <translation>Imagen no disponible: %1</translation>
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
        <translation>&lt;h3&gt;Concurrente %1&lt;/h3&gt;&lt;p&gt;Compañero del curso &lt;i&gt;Cómputo Concurrente — Multiprocessing&lt;/i&gt;: lee cada lección y ejecuta su ejemplo con procesos reales del sistema operativo.&lt;/p&gt;&lt;p&gt;Hecho con Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Concurrente</source>
        <translation>Acerca de Concurrente</translation>
    </message>
    <message>
        <source>Open &amp;Run…</source>
        <translation>Abrir &amp;ejecución…</translation>
    </message>
    <message>
        <source>Open a saved run to review it</source>
        <translation>Abrir una ejecución guardada para revisarla</translation>
    </message>
    <message>
        <source>&amp;Export Run…</source>
        <translation>E&amp;xportar ejecución…</translation>
    </message>
    <message>
        <source>Write the lab&apos;s run as a run log, a report (HTML, PDF), a trace or a table</source>
        <translation>Escribir la ejecución del laboratorio como registro, informe (HTML, PDF), traza o tabla</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Recent R&amp;uns</source>
        <translation>Ejecuciones &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Clear the List</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <source>Open Run</source>
        <translation>Abrir ejecución</translation>
    </message>
    <message>
        <source>This run cannot be opened.

%1</source>
        <translation>Esta ejecución no se puede abrir.

%1</translation>
    </message>
    <message>
        <source>Saved runs (*.concurrente-run.json *.json);;All files (*)</source>
        <translation>Ejecuciones guardadas (*.concurrente-run.json *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export Run</source>
        <translation>Exportar ejecución</translation>
    </message>
    <message>
        <source>The run was not exported.

%1</source>
        <translation>La ejecución no se exportó.

%1</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Se escribió %1</translation>
    </message>
    <message>
        <source>Interrupted run</source>
        <translation>Ejecución interrumpida</translation>
    </message>
    <message numerus="yes">
        <source>Concurrente was closed while a run was going on. What it had recorded — %n event(s) of “%1” — can be opened for review.</source>
        <translation>
            <numerusform>Concurrente se cerró mientras había una ejecución en marcha. Lo que había registrado —%n evento de «%1»— se puede abrir para revisarlo.</numerusform>
            <numerusform>Concurrente se cerró mientras había una ejecución en marcha. Lo que había registrado —%n eventos de «%1»— se puede abrir para revisarlo.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Open for Review</source>
        <translation>&amp;Abrir para revisar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Help for This Pane</source>
        <translation>Ayuda de este &amp;panel</translation>
    </message>
    <message>
        <source>Help for the lesson or the lab, whichever has the focus (%1)</source>
        <translation>Ayuda de la lección o del laboratorio, el que tenga el foco (%1)</translation>
    </message>
    <message>
        <source>&amp;Reading the Lessons</source>
        <translation>Cómo &amp;leer las lecciones</translation>
    </message>
    <message>
        <source>&amp;Using the Lab</source>
        <translation>Cómo usar el la&amp;boratorio</translation>
    </message>
    <message>
        <source>Ne&amp;xt Pane</source>
        <translation>Panel &amp;siguiente</translation>
    </message>
    <message>
        <source>Move the focus to the page list, the lesson or the lab, in turn</source>
        <translation>Lleva el foco a la lista de páginas, a la lección o al laboratorio, por turno</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation>Panel a&amp;nterior</translation>
    </message>
    <message>
        <source>Next Lab Tab</source>
        <translation>Pestaña siguiente del laboratorio</translation>
    </message>
    <message>
        <source>Previous Lab Tab</source>
        <translation>Pestaña anterior del laboratorio</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Credits:&lt;/b&gt; the Concurrente authors. Qt is by The Qt Company and its contributors (Help → About Qt).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Licencia:&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Créditos:&lt;/b&gt; los autores de Concurrente. Qt es obra de The Qt Company y sus colaboradores (Ayuda → Acerca de Qt).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>no licence file accompanies this copy.</source>
        <translation>esta copia no incluye ningún archivo de licencia.</translation>
    </message>
</context>
<context>
    <name>concurrente::MessageModel</name>
    <message>
        <source>%1 (pipe)</source>
        <translation>%1 (tubería)</translation>
    </message>
    <message>
        <source>Messages waiting in the queue right after this put</source>
        <translation>Mensajes en la cola justo después de este put</translation>
    </message>
    <message>
        <source>Time from the put to the get</source>
        <translation>Tiempo desde el put hasta el get</translation>
    </message>
    <message>
        <source>Queue / pipe</source>
        <translation>Cola / tubería</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nº</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receptor</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Put (ms)</source>
        <translation>Put (ms)</translation>
    </message>
    <message>
        <source>Got (ms)</source>
        <translation>Get (ms)</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <source>Depth after</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Milliseconds since the run started</source>
        <translation>Milisegundos desde el comienzo de la ejecución</translation>
    </message>
    <message>
        <source>The sender&apos;s sequence number for this message: with the sender, it tells one message from another</source>
        <translation>El número de secuencia del emisor para este mensaje: junto con el emisor, distingue un mensaje de otro</translation>
    </message>
</context>
<context>
    <name>concurrente::PredictPanel</name>
    <message>
        <source>The answer given before this saved run.</source>
        <translation>La respuesta dada antes de esta ejecución guardada.</translation>
    </message>
    <message>
        <source>Answer locked while the run goes on.</source>
        <translation>Respuesta bloqueada mientras dura la ejecución.</translation>
    </message>
    <message>
        <source>Answer, then run: the lab checks it on the run.</source>
        <translation>Responde y luego ejecuta: el laboratorio lo comprueba en la ejecución.</translation>
    </message>
    <message>
        <source>Change the answer and run again to check it again.</source>
        <translation>Cambia la respuesta y ejecuta de nuevo para volver a comprobarla.</translation>
    </message>
    <message>
        <source>No answer was given.</source>
        <translation>No se dio ninguna respuesta.</translation>
    </message>
    <message>
        <source>No answer was given; the run shows %1.</source>
        <translation>No se dio ninguna respuesta; la ejecución muestra %1.</translation>
    </message>
    <message>
        <source>you answered %1</source>
        <translation>respondiste %1</translation>
    </message>
    <message>
        <source>the run shows %1</source>
        <translation>la ejecución muestra %1</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Evidencia:</translation>
    </message>
    <message>
        <source>Click a line to see its process and its moment on the timeline.</source>
        <translation>Haz clic en una línea para ver su proceso y su momento en la línea de tiempo.</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Predice</translation>
    </message>
    <message>
        <source>Show or hide the prediction</source>
        <translation>Muestra u oculta la predicción</translation>
    </message>
    <message>
        <source>Choose an answer…</source>
        <translation>Elige una respuesta…</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Tu respuesta</translation>
    </message>
    <message>
        <source>Your answer to the question, locked when the run starts</source>
        <translation>Tu respuesta a la pregunta; se bloquea al empezar la ejecución</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
</context>
<context>
    <name>concurrente::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>The homework header: written at the top of every run you export.</source>
        <translation>El encabezado de la tarea: se escribe al principio de cada ejecución que exportes.</translation>
    </message>
</context>
<context>
    <name>concurrente::ProcessTableModel</name>
    <message>
        <source>CPU time from /proc/PID/stat (utime, stime), read twice a second while it runs</source>
        <translation>Tiempo de CPU de /proc/PID/stat (utime, stime), leído dos veces por segundo mientras se ejecuta</translation>
    </message>
    <message>
        <source>Adopted: its parent ended before it</source>
        <translation>Adoptado: su padre terminó antes que él</translation>
    </message>
    <message>
        <source>It has ended, but the main program has not joined it yet: p.exitcode is still None</source>
        <translation>Ha terminado, pero el programa principal aún no le ha hecho join: p.exitcode sigue siendo None</translation>
    </message>
    <message>
        <source>? (default name)</source>
        <translation>? (nombre por defecto)</translation>
    </message>
    <message>
        <source>%1 (adopted)</source>
        <translation>%1 (adoptado)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>ended, not joined</source>
        <translation>terminó, sin join</translation>
    </message>
    <message>
        <source>os.getppid(): the process&apos;s parent now (PID 1 or a subreaper once it is orphaned)</source>
        <translation>os.getppid(): el padre actual del proceso (PID 1 o un subreaper si queda huérfano)</translation>
    </message>
    <message>
        <source>p.exitcode: 0 on success, 1 after an exception, −N when ended by signal N</source>
        <translation>p.exitcode: 0 si todo fue bien, 1 tras una excepción, −N si lo terminó la señal N</translation>
    </message>
    <message>
        <source>Milliseconds since the run started</source>
        <translation>Milisegundos desde el inicio de la ejecución</translation>
    </message>
    <message>
        <source>p.is_alive()</source>
        <translation>p.is_alive()</translation>
    </message>
    <message>
        <source>Messages it put into a queue or sent on a pipe</source>
        <translation>Mensajes que puso en una cola o envió por una tubería</translation>
    </message>
    <message>
        <source>Messages it got from a queue or received on a pipe</source>
        <translation>Mensajes que sacó de una cola o recibió por una tubería</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
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
        <translation>Método</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>Demonio</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Vivo</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>exitcode</translation>
    </message>
    <message>
        <source>Start (ms)</source>
        <translation>Inicio (ms)</translation>
    </message>
    <message>
        <source>End (ms)</source>
        <translation>Fin (ms)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>CPU user (ms)</source>
        <translation>CPU usuario (ms)</translation>
    </message>
    <message>
        <source>CPU sys (ms)</source>
        <translation>CPU sistema (ms)</translation>
    </message>
    <message>
        <source>Put</source>
        <translation>Puestos</translation>
    </message>
    <message>
        <source>Got</source>
        <translation>Sacados</translation>
    </message>
    <message>
        <source>p.name: the name given to Process(), or Process-N by default</source>
        <translation>p.name: el nombre dado a Process(), o Process-N por omisión</translation>
    </message>
    <message>
        <source>p.pid: the process ID the operating system gave it</source>
        <translation>p.pid: el identificador de proceso que le dio el sistema operativo</translation>
    </message>
    <message>
        <source>How it was created: fork, spawn or forkserver</source>
        <translation>Cómo se creó: fork, spawn o forkserver</translation>
    </message>
    <message>
        <source>p.daemon: a daemon is terminated when the main program ends</source>
        <translation>p.daemon: un daemon se termina cuando acaba el programa principal</translation>
    </message>
    <message>
        <source>What it is doing now, from the events it reported and the signals it got</source>
        <translation>Qué está haciendo ahora, según los eventos que informó y las señales que recibió</translation>
    </message>
    <message>
        <source>End − Start: how long it lived, from the system&apos;s monotonic clock</source>
        <translation>Fin − Inicio: cuánto vivió, según el reloj monotónico del sistema</translation>
    </message>
    <message>
        <source>CPU time spent running its own code (utime in /proc/PID/stat), read twice a second while it runs</source>
        <translation>Tiempo de CPU ejecutando su propio código (utime en /proc/PID/stat), leído dos veces por segundo mientras se ejecuta</translation>
    </message>
    <message>
        <source>CPU time the kernel spent working for it (stime in /proc/PID/stat), read twice a second while it runs</source>
        <translation>Tiempo de CPU que el núcleo trabajó para él (stime en /proc/PID/stat), leído dos veces por segundo mientras se ejecuta</translation>
    </message>
</context>
<context>
    <name>concurrente::ProcessTreeModel</name>
    <message>
        <source>An orphan: %1 ended before it, and PID %2 adopted it</source>
        <translation>Un huérfano: %1 terminó antes que él y lo adoptó el PID %2</translation>
    </message>
    <message>
        <source>? (default name)</source>
        <translation>? (nombre por defecto)</translation>
    </message>
    <message>
        <source>%1 — adopted by PID %2</source>
        <translation>%1 — adoptado por el PID %2</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proceso</translation>
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
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>concurrente::ScenarioChannelModel</name>
    <message>
        <source>both ways</source>
        <translation>en ambos sentidos</translation>
    </message>
    <message>
        <source>one way</source>
        <translation>en un sentido</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Pipe</source>
        <translation>Tubería</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Duplex</source>
        <translation>Dúplex</translation>
    </message>
</context>
<context>
    <name>concurrente::ScenarioEditor</name>
    <message>
        <source>(no name: Python gives it one)</source>
        <translation>(sin nombre: Python le da uno)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Procesos</translation>
    </message>
    <message>
        <source>Queues and pipes</source>
        <translation>Colas y tuberías</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Selected worker</source>
        <translation>Proceso seleccionado</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Tarea:</translation>
    </message>
    <message>
        <source>Daemon (ends with the main program)</source>
        <translation>Demonio (termina con el programa principal)</translation>
    </message>
    <message>
        <source>Start method:</source>
        <translation>Método de inicio:</translation>
    </message>
    <message>
        <source>the run&apos;s (%1)</source>
        <translation>el de la ejecución (%1)</translation>
    </message>
    <message>
        <source>Task arguments</source>
        <translation>Argumentos de la tarea</translation>
    </message>
    <message>
        <source>Queues (multiprocessing.Queue)</source>
        <translation>Colas (multiprocessing.Queue)</translation>
    </message>
    <message>
        <source>Pipes (multiprocessing.Pipe)</source>
        <translation>Tuberías (multiprocessing.Pipe)</translation>
    </message>
    <message>
        <source>Add queue</source>
        <translation>Añadir cola</translation>
    </message>
    <message>
        <source>Remove queue</source>
        <translation>Quitar cola</translation>
    </message>
    <message>
        <source>Add pipe</source>
        <translation>Añadir tubería</translation>
    </message>
    <message>
        <source>Remove pipe</source>
        <translation>Quitar tubería</translation>
    </message>
    <message>
        <source>prints a greeting</source>
        <translation>imprime un saludo</translation>
    </message>
    <message>
        <source>prints its name, its parent&apos;s pid and its pid</source>
        <translation>imprime su nombre, el pid de su padre y su pid</translation>
    </message>
    <message>
        <source>prints the squares of 0 … n−1</source>
        <translation>imprime los cuadrados de 0 … n−1</translation>
    </message>
    <message>
        <source>prints the cubes of 0 … n−1</source>
        <translation>imprime los cubos de 0 … n−1</translation>
    </message>
    <message>
        <source>one arithmetic operation on a, b and c</source>
        <translation>una operación aritmética con a, b y c</translation>
    </message>
    <message>
        <source>sleeps, saying when it starts and ends</source>
        <translation>duerme, avisando cuando empieza y cuando termina</translation>
    </message>
    <message>
        <source>keeps one CPU busy</source>
        <translation>mantiene ocupada una CPU</translation>
    </message>
    <message>
        <source>threads that share one interpreter lock</source>
        <translation>hilos que comparten un cerrojo del intérprete</translation>
    </message>
    <message>
        <source>starts a child process of its own</source>
        <translation>inicia un proceso hijo propio</translation>
    </message>
    <message>
        <source>dies by a signal</source>
        <translation>muere por una señal</translation>
    </message>
    <message>
        <source>sends numbers through a pipe</source>
        <translation>envía números por una tubería</translation>
    </message>
    <message>
        <source>receives messages from a pipe</source>
        <translation>recibe mensajes de una tubería</translation>
    </message>
    <message>
        <source>answers each message on a duplex pipe</source>
        <translation>responde a cada mensaje en una tubería dúplex</translation>
    </message>
    <message>
        <source>puts numbers in a queue</source>
        <translation>pone números en una cola</translation>
    </message>
    <message>
        <source>gets values from a queue</source>
        <translation>saca valores de una cola</translation>
    </message>
    <message>
        <source>puts num² in a queue</source>
        <translation>pone num² en una cola</translation>
    </message>
    <message>
        <source>sends or receives an object through a queue</source>
        <translation>envía o recibe un objeto por una cola</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>exit code</source>
        <translation>código de salida</translation>
    </message>
    <message>
        <source>message</source>
        <translation>mensaje</translation>
    </message>
    <message>
        <source>default: the task&apos;s own exit code</source>
        <translation>por defecto: el código de salida de la propia tarea</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>por defecto: %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <source>worker %1 (%2)</source>
        <translation>proceso %1 (%2)</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>cola %1</translation>
    </message>
    <message>
        <source>pipe %1</source>
        <translation>tubería %1</translation>
    </message>
    <message>
        <source>main program, action %1 (%2)</source>
        <translation>programa principal, acción %1 (%2)</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>task</source>
        <translation>tarea</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>capacidad</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>argumento %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>This scenario cannot run yet:</source>
        <translation>Este escenario aún no puede ejecutarse:</translation>
    </message>
    <message>
        <source>Not while a run is going on.</source>
        <translation>No mientras hay una ejecución en curso.</translation>
    </message>
    <message>
        <source>A run has at most %1 workers.</source>
        <translation>Una ejecución tiene como máximo %1 procesos trabajadores.</translation>
    </message>
    <message>
        <source>Add a worker; the main program starts it and waits for it (join) before it ends.</source>
        <translation>Añade un proceso; el programa principal lo inicia y lo espera (join) antes de terminar.</translation>
    </message>
    <message>
        <source>Select a worker first.</source>
        <translation>Selecciona primero un proceso.</translation>
    </message>
    <message>
        <source>Add a copy of the selected worker, which the main program treats as the original.</source>
        <translation>Añade una copia del proceso seleccionado, que el programa principal trata como al original.</translation>
    </message>
    <message>
        <source>A run needs at least one worker.</source>
        <translation>Una ejecución necesita al menos un proceso trabajador.</translation>
    </message>
    <message>
        <source>Remove the selected worker and the main program&apos;s actions on it.</source>
        <translation>Quita el proceso seleccionado y las acciones del programa principal sobre él.</translation>
    </message>
    <message>
        <source>A run has at most %1 queues.</source>
        <translation>Una ejecución tiene como máximo %1 colas.</translation>
    </message>
    <message>
        <source>Add a queue.</source>
        <translation>Añade una cola.</translation>
    </message>
    <message>
        <source>Select a queue first.</source>
        <translation>Selecciona primero una cola.</translation>
    </message>
    <message>
        <source>Remove the selected queue.</source>
        <translation>Quita la cola seleccionada.</translation>
    </message>
    <message>
        <source>A run has at most %1 pipes.</source>
        <translation>Una ejecución tiene como máximo %1 tuberías.</translation>
    </message>
    <message>
        <source>Add a pipe.</source>
        <translation>Añade una tubería.</translation>
    </message>
    <message>
        <source>Select a pipe first.</source>
        <translation>Selecciona primero una tubería.</translation>
    </message>
    <message>
        <source>Remove the selected pipe.</source>
        <translation>Quita la tubería seleccionada.</translation>
    </message>
    <message>
        <source>Added %1: the main program starts it and waits for it (join) before it ends.</source>
        <translation>Añadido %1: el programa principal lo inicia y lo espera (join) antes de terminar.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Quitado %1.</translation>
    </message>
    <message>
        <source>Removed %1 and the main program&apos;s actions on it: %2</source>
        <translation>Quitado %1 y las acciones del programa principal sobre él: %2</translation>
    </message>
    <message>
        <source>Duplicated %1 as %2: the main program does with the copy what it does with the original.</source>
        <translation>%1 duplicado como %2: el programa principal hace con la copia lo mismo que con el original.</translation>
    </message>
    <message>
        <source>Queue %1 is in use (%2): change those first.</source>
        <translation>La cola %1 está en uso (%2): cambia eso primero.</translation>
    </message>
    <message>
        <source>Pipe %1 is in use (%2): change those first.</source>
        <translation>La tubería %1 está en uso (%2): cambia eso primero.</translation>
    </message>
    <message>
        <source>Added queue %1.</source>
        <translation>Añadida la cola %1.</translation>
    </message>
    <message>
        <source>Removed queue %1.</source>
        <translation>Quitada la cola %1.</translation>
    </message>
    <message>
        <source>Added pipe %1.</source>
        <translation>Añadida la tubería %1.</translation>
    </message>
    <message>
        <source>Removed pipe %1.</source>
        <translation>Quitada la tubería %1.</translation>
    </message>
    <message>
        <source>prints numbered lines at a steady rate</source>
        <translation>imprime líneas numeradas a un ritmo fijo</translation>
    </message>
    <message>
        <source>Process(name=…): the name the process reports and the tables show</source>
        <translation>Process(name=…): el nombre que informa el proceso y que muestran las tablas</translation>
    </message>
    <message>
        <source>Process(target=…): the function the worker runs</source>
        <translation>Process(target=…): la función que ejecuta el worker</translation>
    </message>
    <message>
        <source>Process(daemon=True): terminated when the main program ends</source>
        <translation>Process(daemon=True): se termina cuando acaba el programa principal</translation>
    </message>
    <message>
        <source>This worker&apos;s start method; by default the one the run uses (Start method above)</source>
        <translation>El método de arranque de este worker; por omisión, el de la ejecución (Método de arranque, arriba)</translation>
    </message>
    <message>
        <source>The task&apos;s argument %1</source>
        <translation>El argumento %1 de la tarea</translation>
    </message>
    <message>
        <source>Checked: %1 is passed to the task; unchecked: the task&apos;s default</source>
        <translation>Marcado: %1 se pasa a la tarea; sin marcar: el valor por omisión de la tarea</translation>
    </message>
    <message>
        <source>sys.exit(code) or sys.exit(&quot;message&quot;)</source>
        <translation>sys.exit(código) o sys.exit(&quot;mensaje&quot;)</translation>
    </message>
    <message>
        <source>%1: how the task exits</source>
        <translation>%1: cómo termina la tarea</translation>
    </message>
    <message>
        <source>The exit code: 0 is success</source>
        <translation>El código de salida: 0 es éxito</translation>
    </message>
    <message>
        <source>%1: exit code</source>
        <translation>%1: código de salida</translation>
    </message>
    <message>
        <source>The message sys.exit() prints; the exit code is then 1</source>
        <translation>El mensaje que imprime sys.exit(); el código de salida es entonces 1</translation>
    </message>
    <message>
        <source>%1: message</source>
        <translation>%1: mensaje</translation>
    </message>
</context>
<context>
    <name>concurrente::ScenarioWorkerModel</name>
    <message>
        <source>(no name given)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>%1 (the run&apos;s)</source>
        <translation>%1 (el de la ejecución)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>Demonio</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Método de inicio</translation>
    </message>
</context>
<context>
    <name>concurrente::TimelinePane</name>
    <message>
        <source>Click or drag to move the time cursor; Ctrl+wheel zooms, wheel or Shift+drag pans.</source>
        <translation>Haz clic o arrastra para mover el cursor de tiempo; Ctrl+rueda acerca o aleja, la rueda o Mayús+arrastrar desplaza.</translation>
    </message>
</context>
<context>
    <name>concurrente::TimelineView</name>
    <message>
        <source>Freeze</source>
        <translation>Congelar</translation>
    </message>
    <message>
        <source>Stop following the run: the view stays where it is while the run goes on</source>
        <translation>Dejar de seguir la ejecución: la vista se queda donde está mientras la ejecución continúa</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>Toda la ejecución</translation>
    </message>
    <message>
        <source>Show the whole run and follow it again (Home)</source>
        <translation>Mostrar toda la ejecución y volver a seguirla (Inicio)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Acercar (+, Ctrl+rueda)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>Alejar (−, Ctrl+rueda)</translation>
    </message>
    <message>
        <source>%1 ms — %2 ended: %3</source>
        <translation>%1 ms — %2 terminó: %3</translation>
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
        <translation>esperando en join() a %1</translation>
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
        <translation>&lt;b&gt;Bienvenido a Concurrente.&lt;/b&gt; En el centro lees la lección (la lista de páginas está a su izquierda); a la derecha, el laboratorio ejecuta el ejemplo de la página con procesos reales. Pulsa &lt;b&gt;Ejecutar&lt;/b&gt; (Ctrl+R) para ejecutar el ejemplo completo, o &lt;b&gt;Paso&lt;/b&gt; (F10) para ejecutarlo línea a línea; o selecciona un worker en la pestaña &lt;b&gt;Procesos&lt;/b&gt; y pulsa &lt;b&gt;Start&lt;/b&gt;. F1 muestra la ayuda del panel en el que estás.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>Hide this welcome; it will not be shown again</source>
        <translation>Oculta esta bienvenida; no volverá a aparecer</translation>
    </message>
    <message>
        <source>Lab help</source>
        <translation>Ayuda del laboratorio</translation>
    </message>
    <message>
        <source>What each control and tab of the lab does</source>
        <translation>Qué hace cada control y cada pestaña del laboratorio</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
</context>
</TS>
