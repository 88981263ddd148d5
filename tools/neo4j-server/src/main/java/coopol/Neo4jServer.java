package coopol;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;

/**
 * Neo4j 5 Community as an embedded DBMS with its Bolt connector on 127.0.0.1,
 * for Coopol's tests and development.
 *
 * <pre>
 *   COOPOL_NEO4J_PASSWORD=... java -Xmx1g -cp ... coopol.Neo4jServer --port 7687 --data DIR [--pagecache 512m]
 * </pre>
 *
 * Authentication is on: the user {@code neo4j} gets the password of the
 * environment variable COOPOL_NEO4J_PASSWORD. Community refuses to "change"
 * a password to the one it already has, so the password is set only when it
 * differs from the one recorded (salted hash) in {@code DIR/coopol-password}:
 * on the first start of a data folder, or after the variable changed.
 * SIGTERM stops the DBMS cleanly (shutdown hook); after a kill -9 the next
 * start recovers every committed transaction from the transaction log.
 */
public final class Neo4jServer {
    private static final String USER = "neo4j";
    private static final String MARKER = "coopol-password";
    /** The process's own stdout and stderr (Neo4j's logging takes over System.out). */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private Neo4jServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "7687"));
        if (port < 1 || port > 65535) {
            fail("--port must be between 1 and 65535");
        }
        String data = options.get("data");
        if (data == null) {
            fail("--data DIR is required");
        }
        String pagecache = options.getOrDefault("pagecache", "512m");
        String password = System.getenv("COOPOL_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("COOPOL_NEO4J_PASSWORD must hold a password of at least 8 characters");
        }
        Path home = Path.of(data).toAbsolutePath();
        Files.createDirectories(home);

        Map<Setting<?>, Object> config = new HashMap<>();
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port));
        config.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port));
        config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        config.put(GraphDatabaseSettings.auth_enabled, true);
        config.put(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(pagecache));
        // A development server: keep one day of transaction logs, not the default two.
        config.put(GraphDatabaseSettings.keep_logical_logs, "1 days 512M");
        // Not 2 x 256 MB of preallocated transaction logs in every (test) data folder.
        config.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        config.put(GraphDatabaseSettings.preallocate_store_files, false);
        // Bolt waits 5 s twice for idle threads and connections at shutdown: 1 s is plenty here.
        config.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1));
        config.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
        // Sends nothing to neo4j.com (the machines running the tests may be offline).
        config.put(GraphDatabaseSettings.udc_enabled, false);

        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home).setConfig(config).build();
        } catch (RuntimeException e) {
            fail("Neo4j did not start: " + rootMessage(e));
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            dbms.shutdown();
            log("stopped");
            stopped.countDown();
        }, "coopol-neo4j-shutdown"));

        try {
            setPassword(dbms, home.resolve(MARKER), password);
        } catch (RuntimeException | IOException e) {
            log("cannot set the password: " + rootMessage(e));
            System.exit(1);
        }
        log(String.format("ready bolt://127.0.0.1:%d (user %s, started in %.1f s)",
                port, USER, (System.nanoTime() - started) / 1e9));
        stopped.await();
    }

    /** Sets the password of `neo4j` unless the marker says it already is this one. */
    private static void setPassword(DatabaseManagementService dbms, Path marker, String password)
            throws IOException {
        if (Files.exists(marker)) {
            String[] saved = Files.readString(marker, StandardCharsets.UTF_8).trim().split(":");
            if (saved.length == 2 && saved[1].equals(digest(saved[0], password))) {
                return;
            }
        }
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // The marker was lost but the password is already this one.
            if (!rootMessage(e).contains("cannot be the same")) {
                throw e;
            }
        }
        byte[] saltBytes = new byte[16];
        new SecureRandom().nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        Path tmp = marker.resolveSibling(MARKER + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, salt + ":" + digest(salt, password) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, marker, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log("password of user " + USER + " set");
    }

    private static String digest(String salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                fail("usage: Neo4jServer --port PORT --data DIR [--pagecache SIZE]");
            }
            String key = arg.substring(2);
            if (!key.equals("port") && !key.equals("data") && !key.equals("pagecache")) {
                fail("unknown option " + arg);
            }
            options.put(key, args[++i]);
        }
        return options;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            out.append(" | ").append(cause.getMessage());
        }
        return out.toString();
    }

    private static void log(String message) {
        OUT.println("coopol-neo4j: " + message);
    }

    private static void fail(String message) {
        ERR.println("coopol-neo4j: " + message);
        System.exit(2);
    }
}
