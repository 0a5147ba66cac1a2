package loginbot;

/** Command-line entry point. */
public final class Main {
  public static void main(String[] args) {
  }
}
