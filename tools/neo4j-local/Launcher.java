// A local Neo4j Community server for machines without Docker: the embedded DBMS with its Bolt connector on 127.0.0.1.
// Run as a single source file (no build step): java -cp "lib/*" Launcher.java --port 7687 --home DIR [--pagecache 256m]

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;

public class Launcher {
  // Exit codes the Node side maps to messages: the port or the data directory is taken, or the arguments are wrong.
  static final int EXIT_FAILED = 1;
  static final int EXIT_PORT_BUSY = 2;
  static final int EXIT_USAGE = 64;

  public static void main(String[] args) throws Exception {
    int port = 7687;
    Path home = null;
    long pageCache = ByteUnit.mebiBytes(256);
    boolean watchStdin = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String next = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--port" -> { port = Integer.parseInt(require(a, next)); i++; }
        case "--home" -> { home = Path.of(require(a, next)).toAbsolutePath(); i++; }
        case "--pagecache" -> { pageCache = ByteUnit.parse(require(a, next)); i++; }
        // When the parent holds our stdin, its death (even a SIGKILL) closes the pipe and we shut down with it.
        case "--watch-stdin" -> watchStdin = true;
        default -> usage("unknown argument " + a);
      }
    }
    if (home == null) usage("--home DIR is required");
    if (port < 1 || port > 65535) usage("port out of range: " + port);

    // Fail fast and clearly instead of letting Neo4j half-start and log a bind error deep in its own log.
    if (!portFree(port)) {
      System.err.println("geokg-neo4j: port 127.0.0.1:" + port + " is already in use");
      System.exit(EXIT_PORT_BUSY);
    }
    Files.createDirectories(home);

    Map<Setting<?>, Object> config = new HashMap<>();
    config.put(BoltConnector.enabled, true);
    config.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port));
    config.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port));
    config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
    config.put(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"));
    // Loopback only, so auth is off: whoever can reach the port is already on this machine as a local user.
    config.put(GraphDatabaseSettings.auth_enabled, false);
    config.put(GraphDatabaseSettings.pagecache_memory, pageCache);
    // No usage reports: this server must never talk to anything but loopback.
    config.put(GraphDatabaseSettings.udc_enabled, false);
    config.put(GraphDatabaseInternalSettings.udc_network_enabled, false);
    // Preallocated 256 MiB transaction logs per database made every fresh (test) data dir weigh 0.5 GB.
    config.put(GraphDatabaseSettings.preallocate_logical_logs, false);
    config.put(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5));
    // LOAD CSV must never read this machine's files (/etc/passwd, /proc/<pid>/environ of the geokg server): file
    // URLs are off, and the import root is an empty directory only this user may enter.
    config.put(GraphDatabaseSettings.allow_file_urls, false);
    config.put(GraphDatabaseSettings.load_csv_file_url_root, privateDir(home.resolve("import")));
    // Netty's default quiet period (5 s per event loop group) made every stop take 10 s with no clients left.
    config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
    config.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));

    long t0 = System.nanoTime();
    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home).setConfig(config).build();
    } catch (Throwable e) {
      System.err.println("geokg-neo4j: start failed: " + rootMessage(e));
      e.printStackTrace();
      System.exit(EXIT_FAILED);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and SIGINT run shutdown hooks: checkpoint and close the store so the next start needs no recovery.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("geokg-neo4j: shutting down");
      try {
        dbms.shutdown();
      } finally {
        System.out.println("geokg-neo4j: stopped");
        System.out.flush();
        stopped.countDown();
      }
    }, "geokg-neo4j-shutdown"));

    long ms = (System.nanoTime() - t0) / 1_000_000;
    // The Node side waits for this exact line (then checks Bolt itself) before it reports the server as up.
    System.out.println("geokg-neo4j: ready bolt://127.0.0.1:" + port + " in " + ms + " ms (home " + home + ")");
    System.out.flush();

    if (watchStdin) {
      Thread watcher = new Thread(() -> {
        try (InputStream in = System.in) {
          byte[] buf = new byte[256];
          while (in.read(buf) >= 0) {
            // Parent still alive; any input is ignored.
          }
        } catch (IOException ignored) {
          // A broken pipe means the same as EOF: the parent is gone.
        }
        System.exit(0);
      }, "geokg-neo4j-stdin");
      watcher.setDaemon(true);
      watcher.start();
    }
    stopped.await();
  }

  static Path privateDir(Path dir) throws IOException {
    Files.createDirectories(dir);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the directory still stays empty and file URLs stay off.
    }
    return dir;
  }

  static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static String require(String flag, String value) {
    if (value == null) usage(flag + " needs a value");
    return value;
  }

  static void usage(String problem) {
    System.err.println("geokg-neo4j: " + problem);
    System.err.println("usage: java -cp \"lib/*\" Launcher.java --port N --home DIR [--pagecache 256m] [--watch-stdin]");
    System.exit(EXIT_USAGE);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      sb.append(" <- ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return sb.toString();
  }
}
