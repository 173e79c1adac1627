package org.servicecharter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The browser tests' Chromium: Debian's chromium and chromedriver (apt), headless, never a downloaded browser. */
public final class Chromium {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static WebDriver start(int width, int height) {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium at %s (apt-get install -y chromium chromium-driver)", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver at %s (apt-get install -y chromium-driver)", CHROMEDRIVER).isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height);
        // the console, so that tests can see what a page's content security policy blocked
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** What the browser's console reported as blocked by a content security policy since the last call. */
    public static java.util.List<String> policyViolations(WebDriver browser) {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Types as a person does, one key at a time (form renderers must not lose a key at this pace). */
    public static void typeSlowly(org.openqa.selenium.WebElement field, String text, long millisPerKey)
            throws InterruptedException {
        for (char c : text.toCharArray()) {
            field.sendKeys(String.valueOf(c));
            Thread.sleep(millisPerKey);
        }
    }

    /** Polls the condition for up to 30 s, failing with what was awaited. */
    public static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Logs in on the web apps' login form the browser shows now (demo users: password = user id) and waits until
     * the form is gone.
     */
    public static void logInOnTheForm(WebDriver browser, String user) {
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                org.openqa.selenium.By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(org.openqa.selenium.By.cssSelector("input[ng-model=password]")).sendKeys(user);
        browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                org.openqa.selenium.By.cssSelector("input[ng-model=password]")));
    }

    public static void screenshot(WebDriver browser, Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The last page as the browser showed it, kept as a test artifact (also when the test failed); then quits. */
    public static void keepLastPageAndQuit(WebDriver browser, Path directory) throws IOException {
        if (browser == null) {
            return;
        }
        try {
            screenshot(browser, directory, "last-page");
            Files.writeString(directory.resolve("last-page.html"), browser.getPageSource());
        } finally {
            browser.quit();
        }
    }
}
