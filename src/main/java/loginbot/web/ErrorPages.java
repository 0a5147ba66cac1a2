package loginbot.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line it cannot parse, headers too large, a URI too long):
 * they never reach the application's handlers, so they get the strictest security headers here.
 */
final class ErrorPages extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    HttpFields.Mutable headers = response.getHeaders();
    headers.put("Content-Security-Policy", SecurityHeaders.ERROR_PAGE_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Cache-Control", "no-store");
    return super.handle(request, response, callback);
  }

  /** No stack traces or server versions in error pages. */
  ErrorPages() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }
}
