package dev.shifter.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A headless Chromium driven over the DevTools protocol (a WebSocket to its first page): send commands,
 * wait for events, and collect the events that report errors. Closing it kills the browser and its
 * helper processes and deletes its profile directory.
 */
final class HeadlessChromium implements AutoCloseable {
  /** Where Debian's {@code chromium} package puts the browser. */
  static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration START = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final List<String> output = new ArrayList<>();
  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private @Nullable WebSocket socket;

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /**
   * Finds the browser: Debian's path, else {@code chromium} or {@code chromium-browser} on the PATH.
   *
   * @return the executable, or empty
   */
  static Optional<Path> find() {
    if (Files.isExecutable(DEBIAN_CHROMIUM)) {
      return Optional.of(DEBIAN_CHROMIUM);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts the browser on a blank page and connects to that page.
   *
   * @param executable the browser
   * @return the session; close it
   * @throws IOException if the browser cannot start or never prints its DevTools address
   */
  static HeadlessChromium start(Path executable) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("shifter-chromium-");
    Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    HeadlessChromium chromium = new HeadlessChromium(process, profile);
    try {
      chromium.connect();
      return chromium;
    } catch (IOException | InterruptedException | RuntimeException e) {
      chromium.close();
      throw e;
    }
  }

  private void connect() throws IOException, InterruptedException {
    CompletableFuture<String> address = new CompletableFuture<>();
    Thread reader = new Thread(() -> readStderr(address), "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    String browser;
    try {
      browser = address.get(START.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("Chromium did not print its DevTools address within " + START.toSeconds() + " s. Its "
          + "output:\n" + String.join("\n", output()), e);
    }
    URI uri = URI.create(browser);
    HttpClient http = HttpClient.newHttpClient();
    String listing = http.send(HttpRequest.newBuilder(URI.create("http://" + uri.getHost() + ":" + uri.getPort()
        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String page = null;
    for (JsonNode target : JSON.readTree(listing)) {
      if ("page".equals(target.path("type").asText())) {
        page = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (page == null) {
      throw new IOException("Chromium lists no page target: " + listing);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
  }

  private void readStderr(CompletableFuture<String> address) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          address.complete(matcher.group(1));
        }
      }
    } catch (IOException e) {
      address.completeExceptionally(e);
    }
    address.completeExceptionally(new IOException("Chromium closed its standard error"));
  }

  /**
   * Returns what the browser printed on standard error so far.
   *
   * @return the lines
   */
  List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /**
   * Sends a command and waits for its result; events that arrive meanwhile are kept.
   *
   * @param method e.g. {@code "Page.navigate"}
   * @param params the parameters
   * @param timeout how long to wait
   * @return the result object
   * @throws IOException if the command fails or times out
   */
  JsonNode call(String method, ObjectNode params, Duration timeout) throws IOException, InterruptedException {
    int id = ids.incrementAndGet();
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params);
    WebSocket open = socket;
    if (open == null) {
      throw new IOException("not connected");
    }
    open.sendText(JSON.writeValueAsString(command), true).join();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode message = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new IOException(method + " got no answer within " + timeout.toSeconds() + " s");
      }
      if (message.path("id").asInt(-1) == id) {
        if (message.has("error")) {
          throw new IOException(method + " failed: " + message.get("error"));
        }
        return message.path("result");
      }
      events.add(message);
    }
  }

  /**
   * Sends a command without parameters.
   *
   * @param method the command
   * @return the result object
   */
  JsonNode call(String method) throws IOException, InterruptedException {
    return call(method, JSON.createObjectNode(), Duration.ofSeconds(30));
  }

  /**
   * Waits for an event (one already received counts).
   *
   * @param method e.g. {@code "Page.loadEventFired"}
   * @param timeout how long to wait
   * @throws IOException if it does not come in time
   */
  void await(String method, Duration timeout) throws IOException, InterruptedException {
    if (events.stream().anyMatch(e -> method.equals(e.path("method").asText()))) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode message = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new IOException("No " + method + " within " + timeout.toSeconds() + " s");
      }
      events.add(message);
      if (method.equals(message.path("method").asText())) {
        return;
      }
    }
  }

  /**
   * Returns the events received so far that report a problem: uncaught exceptions, console errors, log
   * entries of level error and failed loads.
   *
   * @return the events, as JSON text
   */
  List<String> problems() {
    messages.drainTo(events);
    List<String> problems = new ArrayList<>();
    for (JsonNode event : events) {
      String method = event.path("method").asText();
      JsonNode params = event.path("params");
      boolean problem = switch (method) {
        case "Runtime.exceptionThrown", "Network.loadingFailed" -> true;
        case "Runtime.consoleAPICalled" -> "error".equals(params.path("type").asText())
            || "assert".equals(params.path("type").asText());
        case "Log.entryAdded" -> "error".equals(params.path("entry").path("level").asText());
        default -> false;
      };
      if (problem) {
        problems.add(event.toString());
      }
    }
    return problems;
  }

  /**
   * Returns a new parameter object.
   *
   * @return an empty JSON object
   */
  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** Kills the browser and every process it started, and deletes its profile. */
  @Override
  public void close() {
    WebSocket open = socket;
    if (open != null) {
      open.abort();
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory: what is left is removed with the system's temporary files.
    }
  }

  /** Collects the WebSocket's text messages, which may come in parts. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          throw new UncheckedIOException("Chromium sent a message that is not JSON", e);
        } finally {
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
