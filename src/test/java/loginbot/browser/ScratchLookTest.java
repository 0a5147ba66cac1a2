package loginbot.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import loginbot.channel.widget.WidgetChannel;
import loginbot.channel.widget.WidgetServer;
import loginbot.web.AllowedOrigins;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

class ScratchLookTest {
  @Test
  void look() throws Exception {
    try (WidgetServer server = new WidgetServer(AllowedOrigins.sameOriginOnly());
         Chromium.Browser b = Chromium.start(400, 860)) {
      WidgetChannel.Created c = server.createConversation();
      server.seedHandedOff(c.id(), "No, it still doesn't work <img src=x onerror=alert(1)>");
      server.conversations.agentReply(c.id(), "Alice", "Hi, I'm Alice from support. Which e-mail do you use to log in? See https://example.com/help");
      var d = b.driver();
      d.get(server.uri("/").toString());
      ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
          "localStorage.setItem(arguments[0], JSON.stringify({id: arguments[1], token: arguments[2]}));",
          "loginbot.conversation:" + server.uri("/"), c.id(), c.token());
      d.navigate().refresh();
      Thread.sleep(1000);
      var shadow = d.findElement(By.id("loginbot-widget")).getShadowRoot();
      shadow.findElement(By.cssSelector(".launcher")).click();
      Thread.sleep(800);
      Files.createDirectories(Path.of("target/scratch"));
      Files.write(Path.of("target/scratch/widget.png"), d.getScreenshotAs(OutputType.BYTES));
      d.get(server.uri("/agent").toString());
      d.findElement(By.id("token")).sendKeys(WidgetServer.AGENT_TOKEN);
      d.findElement(By.cssSelector("#sign-in button")).click();
      Thread.sleep(1000);
      d.findElement(By.cssSelector(".conv")).click();
      Thread.sleep(1000);
      Files.write(Path.of("target/scratch/console.png"), d.getScreenshotAs(OutputType.BYTES));
      System.out.println("LOGS " + d.manage().logs().get("browser").getAll());
    }
  }
}
