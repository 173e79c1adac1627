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
                org.openqa.selenium.By.cssSelector("input[ng-model=username]")));
        // the login form may be drawn again while it loads, and keys then land in the wrong field: type until both hold
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            org.openqa.selenium.WebElement name = driver.findElement(org.openqa.selenium.By.cssSelector("input[ng-model=username]"));
            org.openqa.selenium.WebElement password = driver.findElement(org.openqa.selenium.By.cssSelector("input[ng-model=password]"));
            name.clear();
            name.sendKeys(user);
            password.clear();
            password.sendKeys(user);
            return user.equals(name.getAttribute("value")) && user.equals(password.getAttribute("value"));
        });
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

    // ---- Tasklist and the app's pages as a person uses them (the journey walks) ----

    /** Signs out whoever is signed in and signs {@code user} in to Tasklist (demo users: password = user id). */
    public static void tasklistAs(WebDriver browser, int port, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        logInOnTheForm(browser, user);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                        org.openqa.selenium.By.cssSelector(".task-filter")));
    }

    /** Shows a Tasklist filter (e.g. "Offered to me") and waits until its list shows a task named {@code taskName}. */
    public static void showFilter(WebDriver browser, String filter, String taskName) {
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(org.openqa.selenium.By.xpath(
                "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),\"" + filter + "\")]"))).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                org.openqa.selenium.By.cssSelector(".tasks-list"), taskName));
    }

    /**
     * Opens the task in Tasklist as the signed-in user, claims it when it is only offered, and waits until its form
     * shows the field {@code fieldId} (the form's own id, e.g. Field_Resolution).
     */
    public static void openTask(WebDriver browser, int port, String taskId, String fieldId) throws InterruptedException {
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                org.openqa.selenium.By.cssSelector(".task-details")));
        // a task only offered shows "Claim" and its form disabled: claim it, then wait until the form can be used
        waitUntil(() -> {
          try {
            for (org.openqa.selenium.WebElement claim : browser.findElements(
                    org.openqa.selenium.By.cssSelector(".task-details button.claim"))) {
                if (claim.isDisplayed()) {
                    claim.click();
                    // a claimed task leaves the list of "Offered to me": Tasklist lets go of it, so open it again
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
                    return false;
                }
            }
            return !browser.findElements(field(fieldId)).isEmpty()
                    && browser.findElements(org.openqa.selenium.By.cssSelector(".task-details .disabled-form")).isEmpty();
          } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return false;
          }
        }, "the task's form can be filled in");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(field(fieldId)));
        Thread.sleep(400);
    }

    /** A form-js field of the task or start form shown now, by the form's field id (e.g. Field_Resolution). */
    public static org.openqa.selenium.By field(String fieldId) {
        return org.openqa.selenium.By.cssSelector("[id$='-" + fieldId + "']");
    }

    /**
     * Types the whole text into the field at once, then clicks outside it and waits, so that the form has taken the
     * value before the next field (a form renderer must not depend on a person's typing pace; this walk does not).
     */
    public static void fillIn(WebDriver browser, String fieldId, String text) throws InterruptedException {
        org.openqa.selenium.WebElement input = browser.findElement(field(fieldId));
        centre(browser, input);
        input.clear();
        input.sendKeys(text);
        blur(browser);
    }

    /** Ticks a form-js checkbox (by field id) if it is not ticked. */
    public static void tick(WebDriver browser, String fieldId) throws InterruptedException {
        org.openqa.selenium.WebElement box = browser.findElement(field(fieldId));
        centre(browser, box);
        if (!box.isSelected()) {
            box.click();
        }
        blur(browser);
    }

    /** Chooses option {@code index} (0 = the first) of a form-js radio group (by field id). */
    public static void choose(WebDriver browser, String fieldId, int index) throws InterruptedException {
        org.openqa.selenium.WebElement radio = browser.findElement(field(fieldId + "-" + index));
        centre(browser, radio);
        radio.click();
        blur(browser);
        assertThat(radio.isSelected()).as("option %d of %s chosen", index, fieldId).isTrue();
    }

    /** Picks the option with this label in a form-js select (by field id): opens its list and clicks the label. */
    public static void select(WebDriver browser, String fieldId, String label) throws InterruptedException {
        // form-js draws its own list: the shown value is a div beside a hidden input
        org.openqa.selenium.WebElement select = browser.findElement(field(fieldId + "-display"));
        centre(browser, select);
        select.click();
        Thread.sleep(300);
        org.openqa.selenium.WebElement group = select.findElement(org.openqa.selenium.By.xpath(
                "./ancestor::div[contains(@class,'fjs-form-field')][1]"));
        org.openqa.selenium.WebElement item = group.findElement(org.openqa.selenium.By.xpath(
                ".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']"));
        centre(browser, item);
        // near the bottom of the form the list lies under Tasklist's footer: choose it as the list itself does (mousedown)
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));", item);
        blur(browser);
        assertThat(group.getText()).as("%s shows the chosen label", fieldId).contains(label);
    }

    /** Presses the task form's "Complete" and waits until Tasklist has taken the task off the screen. */
    public static void complete(WebDriver browser) {
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
        org.openqa.selenium.WebElement button = wait.until(org.openqa.selenium.support.ui.ExpectedConditions
                .presenceOfElementLocated(org.openqa.selenium.By.cssSelector(".task-details .form-actions button.btn-primary")));
        centre(browser, button);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(button)).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                org.openqa.selenium.By.cssSelector(".task-details .form-actions button.btn-primary")));
    }

    /**
     * What a person reads on the page (or in the element matched by {@code css}): its text and the values shown in its
     * text fields and text areas.
     */
    public static String visibleText(WebDriver browser, String css) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const root = document.querySelector(arguments[0]) || document.body;
                const parts = [root.innerText];
                root.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea').forEach(e => {
                  if (e.offsetParent !== null && e.value) parts.push(e.value);
                });
                return parts.join('\\n');""", css);
    }

    /**
     * Words of the machine in text meant for people: printed maps ({billing=1}), engine ids (UUIDs), element and field
     * ids, Java class names, unfilled templates, ISO date-times, "null"/"undefined"/"NaN", camelCase variable names.
     */
    public static java.util.List<String> technicalWords(String text) {
        java.util.List<String> found = new java.util.ArrayList<>();
        java.util.regex.Matcher m = TECHNICAL.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static final java.util.regex.Pattern TECHNICAL = java.util.regex.Pattern.compile(
            "\\{[^{}\\n]*=[^{}\\n]*\\}"                                  // a printed Java map
            + "|\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b" // an engine id
            + "|\\b(?:Task|Field|StartEvent|EndEvent|Gateway|ServiceTask|CallActivity|BoundaryEvent)_[A-Za-z]+" // model ids
            + "|\\b(?:org|java|javax)\\.[a-z]+\\.[A-Za-z.]+"                  // class names
            + "|\\{\\{[^}]*\\}\\}|\\$\\{[^}]*\\}"                            // unfilled templates
            + "|\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"                          // a machine's date-time
            + "|\\b(?:null|undefined|NaN)\\b"
            + "|\\b[a-z]+[A-Z][a-z]+[A-Za-z]*\\b");                          // camelCase: a variable name

    /** Camunda's "migrate to Camunda 8" banner must not show (the web apps' face hides it). */
    public static void assertNoVendorBanner(WebDriver browser) {
        for (org.openqa.selenium.WebElement banner : browser.findElements(org.openqa.selenium.By.cssSelector(".ce-eol-banner"))) {
            assertThat(banner.isDisplayed()).as("the vendor's end-of-life banner").isFalse();
        }
        assertThat(browser.findElement(org.openqa.selenium.By.tagName("body")).getText()).doesNotContain("Camunda 8");
    }

    private static void centre(WebDriver browser, org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Clicks on an empty spot of the page (the field loses focus, as when a person moves on) and waits 400 ms. */
    private static void blur(WebDriver browser) throws InterruptedException {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "if (document.activeElement) { document.activeElement.blur(); }");
        Thread.sleep(400);
    }
}
