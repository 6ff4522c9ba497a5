package dev.pageevents.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pageevents.configs.ConnectRestClient;
import dev.pageevents.pipeline.compare.Store;
import dev.pageevents.pipeline.live.LiveServer;
import dev.pageevents.pipeline.live.LiveTarget;
import dev.pageevents.stack.process.Ports;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The live view in a real headless Chromium (Debian's, driven through /usr/bin/chromedriver;
 * nothing is downloaded) while the demo's stack runs: the chart's series grow while the source
 * writes, and a mismatch injected into Redis behind its sink's back is highlighted. Skipped when
 * chromedriver is absent, unless REQUIRE_BROWSER=1 (CI), then it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveViewIT {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long EVENTS = 3_000;

  private DemoStack stack;
  private Demo demo;
  private Map<String, Map<String, String>> configs;
  private List<String> sinks;
  private String topic;
  private ConnectRestClient rest;
  private LiveServer live;
  private WebDriver browser;

  @BeforeAll
  void startStackLiveViewAndBrowser() throws Exception {
    boolean browserThere = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (!browserThere) {
      String why =
          "No browser: install Debian's chromium and chromium-driver (/usr/bin/chromium,"
              + " /usr/bin/chromedriver) to run LiveViewIT";
      if ("1".equals(System.getenv("REQUIRE_BROWSER"))) {
        fail(why + " (REQUIRE_BROWSER=1)");
      }
      assumeTrue(false, why);
    }
    int port = Ports.free();
    Path plugins = Path.of(System.getProperty("plugins.dir"));
    stack = DemoStack.start(port, plugins, System.out);
    demo =
        new Demo(
            new Demo.Options(
                EVENTS,
                false,
                port,
                plugins,
                null,
                List.of(
                    "page-event-source.events.per.second=150",
                    "redis-cache-sink.redis.bucket.seconds=10")),
            System.out);
    configs = demo.configs(stack);
    topic = configs.get(Demo.SOURCE).get(Demo.TOPIC_KEY);
    Topics.create(stack.bootstrapServers(), topic, configs.get(Demo.SOURCE));
    rest = new ConnectRestClient(stack.connectUrl());
    sinks = configs.keySet().stream().filter(n -> Store.of(configs.get(n)).isPresent()).toList();
    sinks.forEach(name -> rest.put(name, configs.get(name)));
    rest.awaitRunning(sinks, Duration.ofMinutes(3));
    live =
        LiveServer.start(
            new LiveTarget(
                stack.bootstrapServers(),
                topic,
                stack.connectUrl(),
                configs,
                Map.of(),
                Duration.ofSeconds(3)),
            0,
            stack.nodeEndpoints());
    browser = chromium();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (live != null) {
      live.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void shouldDrawTheChartsSeriesGrowingWhileTheSourceWrites() {
    browser.get(live.url());
    await(
        "every sink RUNNING in the Connect table",
        Duration.ofSeconds(60),
        () ->
            browser
                    .findElements(By.cssSelector("#connect tr[data-connector] .state.RUNNING"))
                    .size()
                >= sinks.size());
    assertThat(total()).isZero();

    rest.put(Demo.SOURCE, configs.get(Demo.SOURCE));

    await("visits on the chart", Duration.ofSeconds(120), () -> total() > 0);
    long first = total();
    await(
        "the chart's series growing past " + first, Duration.ofSeconds(60), () -> total() > first);
    assertThat(browser.findElements(By.cssSelector("#chart polyline"))).hasSize(5);
    assertThat(browser.findElements(By.cssSelector("#sinks .card"))).hasSize(sinks.size());
  }

  @Test
  @Order(2)
  void shouldHighlightAMismatchInjectedIntoRedis() throws Exception {
    demo.awaitCatchUp(stack, topic, sinks, configs);
    await(
        "a comparison with every store equal",
        Duration.ofSeconds(120),
        () ->
            "0".equals(browser.findElement(By.id("compare")).getAttribute("data-mismatches"))
                && browser.findElement(By.id("compare-note")).getText().contains("3,000 events"));
    String page = script("return document.querySelector('#compare tbody tr').dataset.page");
    assertThat(script("return document.querySelectorAll('td.mismatch').length")).isEqualTo("0");

    Injections.damage(Store.REDIS, storeConfig(Store.REDIS), page);

    By highlighted = By.cssSelector("td.mismatch[data-store='Redis'][data-page='" + page + "']");
    await(
        "Redis " + page + " highlighted",
        Duration.ofSeconds(60),
        () -> !browser.findElements(highlighted).isEmpty());
    assertThat(
            script(
                "return [...document.querySelectorAll('td.mismatch')]"
                    + ".map(td => td.dataset.store + ' ' + td.dataset.page).join(',')"))
        .isEqualTo("Redis " + page);
    assertThat(script("return document.getElementById('mismatches').textContent"))
        .contains("Redis " + page + ": VISITS");
    Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, Path.of("target", "live-view.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  @Order(3)
  void shouldAnswerGetWithJsonAndRefuseEveryWrite() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/api/series", "/api/sinks", "/api/compare", "/api/connect")) {
      URI uri = URI.create(live.url()).resolve(path);
      HttpResponse<String> get =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).as(path).isEqualTo(200);
      assertThat(get.headers().firstValue("Content-Type")).hasValue("application/json");
      for (String method : List.of("POST", "PUT", "DELETE")) {
        HttpResponse<String> write =
            http.send(
                HttpRequest.newBuilder(uri)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).as(method + " " + path).isEqualTo(405);
      }
    }
    String series =
        http.send(
                HttpRequest.newBuilder(URI.create(live.url()).resolve("/api/series?top=2")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(series).contains("\"bucketSeconds\":10").contains("\"topPages\"");
  }

  @Test
  @Order(4)
  void shouldShowAKilledNodeDownInTheNodesTable() {
    browser.get(live.url());
    int nodes = stack.nodeEndpoints().values().stream().mapToInt(List::size).sum();
    await(
        "every node UP in the Nodes table",
        Duration.ofSeconds(30),
        () -> browser.findElements(By.cssSelector("#nodes tr[data-state='UP']")).size() == nodes);
    String redis = stack.nodeEndpoints().get(Store.REDIS.title()).get(0);

    stack.store(Store.REDIS).kill();

    await(
        "Redis " + redis + " DOWN in the Nodes table",
        Duration.ofSeconds(30),
        () ->
            browser.findElements(By.cssSelector("#nodes tr[data-state='DOWN']")).stream()
                .map(row -> row.getAttribute("data-node"))
                .toList()
                .equals(List.of(redis)));
    assertThat(browser.findElement(By.id("nodes-note")).getText()).contains("1 down");
  }

  private long total() {
    return Long.parseLong(script("return document.getElementById('chart').dataset.total"));
  }

  /** Reads the page in one step (the page redraws every second: no stale elements). */
  private String script(String code) {
    return String.valueOf(((JavascriptExecutor) browser).executeScript(code));
  }

  private Map<String, String> storeConfig(Store store) {
    return configs.values().stream()
        .filter(c -> Store.of(c).orElse(null) == store)
        .findFirst()
        .orElseThrow();
  }

  /** Debian's chromium through its chromedriver, headless, with the flags this machine needs. */
  private static WebDriver chromium() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    Path profile = Files.createTempDirectory("live-view-chromium");
    profile.toFile().deleteOnExit();
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1500",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static boolean holds(Supplier<Boolean> condition) {
    try {
      return condition.get();
    } catch (WebDriverException e) {
      return false; // the element was redrawn between finding and reading it: look again
    }
  }

  private static void await(String what, Duration timeout, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!holds(condition)) {
      if (System.nanoTime() > deadline) {
        fail("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("Interrupted waiting for " + what);
      }
    }
  }
}
