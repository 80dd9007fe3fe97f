package kg.neo4jlocal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs a Neo4j 5 Community server in-process, for tests and local development without Docker.
 *
 * <p>stdout carries exactly one line, {@code Neo4j ready at bolt://127.0.0.1:<port>}, printed once
 * Bolt accepts TCP connections. Everything else goes to stderr. By default (neo4j-harness) data
 * lives in a temporary folder that is deleted on shutdown (SIGTERM / SIGINT -> exit code 0). With
 * {@code --data DIR} the DBMS (DatabaseManagementServiceBuilder) uses DIR itself as its home
 * ({@code DIR/data}, {@code DIR/logs}), which survives restarts and crashes and is never deleted.
 *
 * <p>Options (argument wins over environment variable):
 * <pre>
 *   --port N            | NEO4J_LOCAL_PORT        Bolt port on 127.0.0.1 (default 7687, 0 = any free port)
 *   --data DIR          | NEO4J_LOCAL_DATA        durable Neo4j home folder (created if missing, never deleted)
 *   --http-port N       | NEO4J_LOCAL_HTTP_PORT   enable the HTTP API on 127.0.0.1:N (default: disabled, 0 = any free port;
 *                                                 throw-away mode only)
 *   --plugins DIR       | NEO4J_LOCAL_PLUGINS_DIR plugin folder (e.g. with the APOC core jar); allows apoc.*
 *   --pagecache SIZE    | NEO4J_LOCAL_PAGECACHE   page cache size (default 256m)
 *   --tx-memory SIZE    | NEO4J_LOCAL_TX_MEMORY   total memory for all running transactions (default 512m)
 *   --exit-with-parent  | NEO4J_LOCAL_EXIT_WITH_PARENT=1  shut down when the launching process dies
 *                         (for test runners: no orphaned servers if the runner is killed)
 *   a bare number as the first argument is taken as the Bolt port.
 * </pre>
 */
public final class Neo4jLocal {
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final PrintStream out;
    private final PrintStream err;
    private final AtomicBoolean stopped = new AtomicBoolean(false);
    private volatile Neo4j neo4j;
    private volatile DatabaseManagementService dbms; // --data mode
    private volatile Path workDir; // throw-away mode only: deleted on stop

    private Neo4jLocal(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Keep stdout for the single ready line; anything else that writes to System.out
        // (Neo4j, libraries) ends up on stderr.
        PrintStream realOut = System.out;
        System.setOut(System.err);
        Neo4jLocal app = new Neo4jLocal(realOut, System.err);
        int code;
        try {
            code = app.run(args);
        } catch (Throwable t) {
            System.err.println("[neo4j-local] fatal: " + t);
            t.printStackTrace(System.err);
            app.stop();
            code = 1;
        }
        System.exit(code);
    }

    private int run(String[] args) throws Exception {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("[neo4j-local] " + e.getMessage());
            return 2;
        }

        if (opts.boltPort != 0 && !portFree(opts.boltPort)) {
            err.println("[neo4j-local] port " + HOST + ":" + opts.boltPort
                    + " is already in use (set NEO4J_LOCAL_PORT or --port; 0 picks a free port)");
            return 1;
        }

        // Captured now: if the launcher dies while Neo4j starts, we are re-parented to init.
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        CountDownLatch stopSignal = new CountDownLatch(1);
        installSignalHandlers(stopSignal);
        // Fallback for other exit paths (System.exit elsewhere, SIGHUP, ...): still clean up.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "neo4j-local-shutdown"));

        long t0 = System.nanoTime();
        Map<Setting<?>, Object> config = new LinkedHashMap<>();
        config.put(GraphDatabaseSettings.auth_enabled, false);
        config.put(GraphDatabaseSettings.udc_enabled, false); // dbms.usage_report.enabled
        config.put(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST));
        config.put(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST));
        config.put(GraphDatabaseSettings.pagecache_memory, opts.pagecache);
        config.put(GraphDatabaseSettings.memory_transaction_global_max_size, opts.txMemory);
        config.put(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2));
        // Don't preallocate 256 MiB transaction log files per database (nor store files).
        config.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        config.put(GraphDatabaseSettings.preallocate_store_files, false);
        // Bolt's netty groups otherwise wait a 5 s quiet period each on shutdown (~10 s total).
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3));
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress(HOST, opts.boltPort));
        config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        config.put(HttpsConnector.enabled, false);
        if (opts.httpPort >= 0) {
            config.put(HttpConnector.enabled, true);
            config.put(HttpConnector.listen_address, new SocketAddress(HOST, opts.httpPort));
        } else {
            config.put(HttpConnector.enabled, false);
        }
        if (opts.pluginsDir != null) {
            config.put(GraphDatabaseSettings.plugin_dir, opts.pluginsDir);
            config.put(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }

        int port;
        if (opts.dataDir != null) {
            Files.createDirectories(opts.dataDir);
            err.println("[neo4j-local] starting Neo4j in " + opts.dataDir + " (durable: kept on stop)");
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(opts.dataDir);
            builder.setConfig(config);
            dbms = builder.build(); // starts the DBMS (recovering it after a crash); throws if it cannot start
            port = boltPort(dbms);
        } else {
            workDir = Files.createTempDirectory("neo4j-local-");
            err.println("[neo4j-local] starting Neo4j in " + workDir);
            Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir);
            for (Map.Entry<Setting<?>, Object> e : config.entrySet()) {
                builder = withConfig(builder, e.getKey(), e.getValue());
            }
            neo4j = builder.build(); // starts the DBMS; throws if it cannot start
            port = neo4j.boltURI().getPort();
        }
        if (stopSignal.getCount() == 0) { // signalled while starting
            stop();
            return 0;
        }

        waitForBolt(port);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (opts.httpPort >= 0 && neo4j != null) {
            err.println("[neo4j-local] HTTP API at " + neo4j.httpURI());
        }
        if (opts.pluginsDir != null) {
            err.println("[neo4j-local] plugins from " + opts.pluginsDir);
        }
        err.printf(Locale.ROOT, "[neo4j-local] started in %.1fs (page cache %s, tx memory %s)%n",
                secs, ByteUnit.bytesToString(opts.pagecache), ByteUnit.bytesToString(opts.txMemory));
        out.println("Neo4j ready at bolt://" + HOST + ":" + port);
        out.flush();
        if (opts.exitWithParent) {
            watchParent(parent, stopSignal);
        }

        stopSignal.await();
        stop();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Neo4jBuilder withConfig(Neo4jBuilder builder, Setting<?> setting, Object value) {
        return builder.withConfig((Setting<Object>) setting, value);
    }

    /** The Bolt port the DBMS actually bound (the configured one, or the free one picked for 0). */
    private static int boltPort(DatabaseManagementService service) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        HostnamePort address = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (address == null) {
            throw new IllegalStateException("Bolt connector did not start");
        }
        return address.getPort();
    }

    private void installSignalHandlers(CountDownLatch stopSignal) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    if (stopSignal.getCount() == 0) {
                        // Second signal while shutting down: give up waiting.
                        err.println("[neo4j-local] forced exit");
                        Runtime.getRuntime().halt(130);
                    }
                    err.println("[neo4j-local] SIG" + name + " received, shutting down");
                    stopSignal.countDown();
                });
            } catch (Throwable t) {
                err.println("[neo4j-local] cannot handle SIG" + name + " (" + t + "); relying on shutdown hook");
            }
        }
    }

    /** Counts down {@code stopSignal} once the process that started us has exited. */
    private void watchParent(ProcessHandle parent, CountDownLatch stopSignal) {
        if (parent == null) {
            err.println("[neo4j-local] --exit-with-parent: parent process unknown, ignoring");
            return;
        }
        Thread t = new Thread(() -> {
            while (stopSignal.getCount() > 0) {
                if (!parent.isAlive()) {
                    err.println("[neo4j-local] parent process " + parent.pid() + " exited, shutting down");
                    stopSignal.countDown();
                    return;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "neo4j-local-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    /** Idempotent: closes the DBMS and removes the temporary folder (never a --data folder). */
    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        Neo4j n = neo4j;
        if (n != null) {
            try {
                n.close();
            } catch (Throwable t) {
                err.println("[neo4j-local] error while stopping Neo4j: " + t);
            }
        }
        DatabaseManagementService d = dbms;
        if (d != null) {
            try {
                d.shutdown();
            } catch (Throwable t) {
                err.println("[neo4j-local] error while stopping Neo4j: " + t);
            }
        }
        Path dir = workDir;
        if (dir != null) {
            try {
                deleteRecursively(dir);
            } catch (IOException e) {
                err.println("[neo4j-local] could not delete " + dir + ": " + e);
            }
        }
        if (n != null || d != null) {
            err.printf(Locale.ROOT, "[neo4j-local] stopped in %.1fs%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt did not accept connections on port " + port, e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        // No anonymous classes here: this runs at shutdown, possibly after target/ was rebuilt.
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /** Command-line arguments and environment variables. */
    private static final class Options {
        int boltPort = 7687;
        int httpPort = -1; // -1 = HTTP disabled
        Path pluginsDir;
        Path dataDir; // null = throw-away temp folder
        long pagecache = ByteUnit.mebiBytes(256);
        long txMemory = ByteUnit.mebiBytes(512);
        boolean exitWithParent;

        static Options parse(String[] args) {
            Options o = new Options();
            String port = env("NEO4J_LOCAL_PORT");
            String httpPort = env("NEO4J_LOCAL_HTTP_PORT");
            String plugins = env("NEO4J_LOCAL_PLUGINS_DIR");
            String data = env("NEO4J_LOCAL_DATA");
            String pagecache = env("NEO4J_LOCAL_PAGECACHE");
            String txMemory = env("NEO4J_LOCAL_TX_MEMORY");
            String exitWithParent = env("NEO4J_LOCAL_EXIT_WITH_PARENT");
            o.exitWithParent = exitWithParent != null && !exitWithParent.equals("0")
                    && !exitWithParent.equalsIgnoreCase("false");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                String key = a;
                if (a.startsWith("--") && eq > 0) {
                    key = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (key) {
                    case "--port": port = value != null ? value : next(args, ++i, key); break;
                    case "--http-port": httpPort = value != null ? value : next(args, ++i, key); break;
                    case "--data": data = value != null ? value : next(args, ++i, key); break;
                    case "--plugins": plugins = value != null ? value : next(args, ++i, key); break;
                    case "--pagecache": pagecache = value != null ? value : next(args, ++i, key); break;
                    case "--tx-memory": txMemory = value != null ? value : next(args, ++i, key); break;
                    case "--exit-with-parent": o.exitWithParent = true; break;
                    case "-h":
                    case "--help":
                        throw new IllegalArgumentException("usage: run.sh [--port N] [--data DIR] [--http-port N] [--plugins DIR]"
                                + " [--pagecache SIZE] [--tx-memory SIZE] [--exit-with-parent]   (see tools/neo4j-local/README.md)");
                    default:
                        if (i == 0 && a.matches("\\d+")) {
                            port = a;
                        } else {
                            throw new IllegalArgumentException("unknown argument: " + a);
                        }
                }
            }
            if (port != null) {
                o.boltPort = parsePort(port, "Bolt port");
            }
            if (httpPort != null) {
                o.httpPort = parsePort(httpPort, "HTTP port");
            }
            if (data != null) {
                Path d = Paths.get(data).toAbsolutePath().normalize();
                if (Files.exists(d) && !Files.isDirectory(d)) {
                    throw new IllegalArgumentException("--data is not a directory: " + d);
                }
                if (o.httpPort >= 0) {
                    throw new IllegalArgumentException("--http-port is only available without --data (the durable mode serves Bolt only)");
                }
                o.dataDir = d;
            }
            if (plugins != null) {
                Path p = Paths.get(plugins).toAbsolutePath().normalize();
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException("plugins directory does not exist: " + p);
                }
                o.pluginsDir = p;
            }
            if (pagecache != null) {
                o.pagecache = parseSize(pagecache, "page cache size");
            }
            if (txMemory != null) {
                o.txMemory = parseSize(txMemory, "transaction memory");
            }
            return o;
        }

        private static String env(String name) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? null : v.trim();
        }

        private static String next(String[] args, int i, String key) {
            if (i >= args.length) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String s, String what) {
            try {
                int p = Integer.parseInt(s.trim());
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid " + what + ": " + s);
            }
        }

        private static long parseSize(String s, String what) {
            try {
                return ByteUnit.parse(s.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid " + what + ": " + s + " (use e.g. 256m, 1g)");
            }
        }
    }
}
