package loginbot.attachment;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Phone login screens drawn with Java2D, as a customer would screenshot them: a title, the username
 * and password fields, an error message, the button. Real pixels for the real text reader.
 */
public final class LoginScreens {
  private LoginScreens() {}

  /**
   * How a screen looks.
   *
   * @param font a font family ("DejaVu Sans", "Liberation Serif", ...)
   * @param size the error message's size in pixels
   * @param french the screen's own labels in French
   * @param dark dark mode: light text on a dark background
   * @param password what the password field shows (dots, or the password in clear)
   */
  public record Look(String font, int size, boolean french, boolean dark, String password) {
    public static Look plain(String font, int size, boolean french) {
      return new Look(font, size, french, false, "••••••••");
    }
  }

  /** A 750×1334 screen showing {@code error} under the fields. */
  public static BufferedImage draw(String error, Look look) {
    int w = 750;
    int h = 1334;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color background = look.dark() ? new Color(0x12, 0x16, 0x1f) : Color.WHITE;
    Color ink = look.dark() ? new Color(0xe5, 0xe7, 0xeb) : new Color(0x11, 0x18, 0x27);
    Color muted = look.dark() ? new Color(0x9c, 0xa3, 0xaf) : new Color(0x6b, 0x72, 0x80);
    g.setColor(background);
    g.fillRect(0, 0, w, h);
    g.setColor(muted);
    g.setFont(new Font(look.font(), Font.PLAIN, 22));
    g.drawString("9:41", 40, 44);
    g.setColor(ink);
    g.setFont(new Font(look.font(), Font.BOLD, 44));
    g.drawString(look.french() ? "Connexion" : "Sign in", 60, 220);
    field(
        g, look, look.french() ? "Nom d'utilisateur" : "Username", "alain_sirois", 320, ink, muted);
    field(g, look, look.french() ? "Mot de passe" : "Password", look.password(), 470, ink, muted);
    g.setColor(look.dark() ? new Color(0x3b, 0x12, 0x12) : new Color(0xfe, 0xe2, 0xe2));
    g.fillRoundRect(60, 610, w - 120, look.size() * 2 + 40, 16, 16);
    g.setColor(look.dark() ? new Color(0xfc, 0xa5, 0xa5) : new Color(0xb9, 0x1c, 0x1c));
    g.setFont(new Font(look.font(), Font.BOLD, look.size()));
    g.drawString(error, 84, 630 + look.size() + 10);
    g.setColor(new Color(0x25, 0x63, 0xeb));
    g.fillRoundRect(60, 800, w - 120, 96, 20, 20);
    g.setColor(Color.WHITE);
    g.setFont(new Font(look.font(), Font.BOLD, 32));
    g.drawString(look.french() ? "Se connecter" : "Log in", 300, 860);
    g.setColor(new Color(0x25, 0x63, 0xeb));
    g.setFont(new Font(look.font(), Font.PLAIN, 28));
    g.drawString(look.french() ? "Mot de passe oublié?" : "Forgot password?", 60, 960);
    g.dispose();
    return image;
  }

  private static void field(
      Graphics2D g, Look look, String label, String value, int y, Color ink, Color muted) {
    g.setColor(muted);
    g.setFont(new Font(look.font(), Font.PLAIN, 26));
    g.drawString(label, 60, y);
    g.drawRoundRect(60, y + 16, 630, 88, 14, 14);
    g.setColor(ink);
    g.setFont(new Font(look.font(), Font.PLAIN, 32));
    g.drawString(value, 84, y + 72);
  }

  /** The screen as PNG bytes, as a phone would save a screenshot. */
  public static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
