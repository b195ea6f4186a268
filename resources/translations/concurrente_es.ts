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
        <source>With --run: write the run to &lt;OUT&gt;; the format follows the extension (.json run log, .csv one row per event). May be given more than once.</source>
        <translation>Con --run: guarda la ejecución en &lt;OUT&gt;; el formato sigue la extensión (.json registro completo, .csv una fila por evento). Puede darse más de una vez.</translation>
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
        <source>--run does not open a window: --lesson, --window-size and --quit-when-shown do not apply.</source>
        <translation>--run no abre ninguna ventana: --lesson, --window-size y --quit-when-shown no se aplican.</translation>
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
        <source>--window-size must look like 1024x640, not &quot;%1&quot;.</source>
        <translation>--window-size debe tener la forma 1024x640, no «%1».</translation>
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
        <source>concurrente: %1: unknown export format (use .json or .csv)</source>
        <translation>concurrente: %1: formato de exportación desconocido (usa .json o .csv)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>escrito %1</translation>
    </message>
    <message>
        <source>concurrente: interrupted: ending the run</source>
        <translation>concurrente: interrumpido: terminando la ejecución</translation>
    </message>
</context>
<context>
    <name>LabSummaryPanel</name>
    <message>
        <source>Lab: this page&apos;s example</source>
        <translation>Laboratorio: ejemplo de la página</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Procesos</translation>
    </message>
    <message>
        <source>Workers of the example</source>
        <translation>Procesos del ejemplo</translation>
    </message>
    <message>
        <source>Main program, step by step</source>
        <translation>Programa principal, paso a paso</translation>
    </message>
    <message>
        <source>Actions of the main program</source>
        <translation>Acciones del programa principal</translation>
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
        <source>Zoom &amp;In</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño normal</translation>
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
</context>
<context>
    <name>RunExporter</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: no se puede escribir: %2</translation>
    </message>
    <message>
        <source>%1: unknown export format (use .json or .csv)</source>
        <translation>%1: formato de exportación desconocido (usa .json o .csv)</translation>
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
        <source>%1: not JSON: %2</source>
        <translation>%1: no es JSON: %2</translation>
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
</context>
<context>
    <name>concurrente::LabSummaryPanel</name>
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
        <source>%1. %2</source>
        <translation>%1. %2</translation>
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
</context>
<context>
    <name>concurrente::Run</name>
    <message>
        <source>no worker with index %1</source>
        <translation>no hay ningún proceso con índice %1</translation>
    </message>
    <message>
        <source>cannot start a process twice</source>
        <translation>no se puede iniciar un proceso dos veces</translation>
    </message>
    <message>
        <source>the main program has ended</source>
        <translation>el programa principal ha terminado</translation>
    </message>
    <message>
        <source>can only join a started process</source>
        <translation>solo se puede hacer join sobre un proceso iniciado</translation>
    </message>
    <message>
        <source>the process was not started</source>
        <translation>el proceso no se inició</translation>
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
        <source>queue &quot;%1&quot; could not be created</source>
        <translation>no se pudo crear la cola &quot;%1&quot;</translation>
    </message>
    <message>
        <source>no queue with index %1</source>
        <translation>no hay ninguna cola con índice %1</translation>
    </message>
    <message>
        <source>the main program could not be started: %1</source>
        <translation>no se pudo iniciar el programa principal: %1</translation>
    </message>
    <message>
        <source>the main program ended before starting this worker</source>
        <translation>el programa principal terminó antes de iniciar este proceso</translation>
    </message>
    <message>
        <source>the main program is still doing a call</source>
        <translation>el programa principal aún está haciendo una llamada</translation>
    </message>
    <message>
        <source>the main program ended before finishing it</source>
        <translation>el programa principal terminó antes de acabarla</translation>
    </message>
    <message>
        <source>the main program ended before doing it</source>
        <translation>el programa principal terminó antes de hacerla</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program reads</source>
        <translation>ninguna tubería con índice %1 que lea el programa principal</translation>
    </message>
    <message>
        <source>no pipe with index %1 that the main program writes</source>
        <translation>ninguna tubería con índice %1 en la que escriba el programa principal</translation>
    </message>
</context>
<context>
    <name>concurrente::WorkerProcess</name>
    <message>
        <source>cannot create the event pipe: %1</source>
        <translation>no se puede crear la tubería de eventos: %1</translation>
    </message>
    <message>
        <source>the process was not started</source>
        <translation>el proceso no se inició</translation>
    </message>
    <message>
        <source>the process has already ended</source>
        <translation>el proceso ya ha terminado</translation>
    </message>
    <message>
        <source>cannot send the signal: %1</source>
        <translation>no se puede enviar la señal: %1</translation>
    </message>
</context>
<context>
    <name>concurrente::WorkerSummaryModel</name>
    <message>
        <source>%1 (default name)</source>
        <translation>%1 (nombre por omisión)</translation>
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
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumentos</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>Demonio</translation>
    </message>
    <message>
        <source>fork: the main program copies itself with fork()</source>
        <translation>fork: el programa principal se copia a sí mismo con fork()</translation>
    </message>
    <message>
        <source>forkserver: a server process, forked by the main program, forks it</source>
        <translation>forkserver: lo crea con fork() un proceso servidor que el programa principal arrancó con fork()</translation>
    </message>
    <message>
        <source>spawn: the main program starts a fresh program</source>
        <translation>spawn: el programa principal arranca un programa nuevo</translation>
    </message>
    <message>
        <source>Start method</source>
        <translation>Método de arranque</translation>
    </message>
</context>
</TS>
