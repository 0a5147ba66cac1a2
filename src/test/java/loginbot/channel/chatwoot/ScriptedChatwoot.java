package loginbot.channel.chatwoot;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Stands in for Chatwoot's API: answers the scripted responses first, then 200 like Chatwoot does;
 * serves the files it was given to GET requests.
 */
final class ScriptedChatwoot extends Dispatcher {
  private final Deque<MockResponse> script = new ArrayDeque<>();
  private final Map<String, MockResponse> files = new HashMap<>();

  /** Serves {@code response} to every GET of {@code path}, as Chatwoot serves a message's file. */
  synchronized ScriptedChatwoot file(String path, MockResponse response) {
    files.put(path, response);
    return this;
  }

  ScriptedChatwoot then(int code) {
    return then(
        new MockResponse.Builder()
            .code(code)
            .body("{\"error\":\"scripted " + code + "\"}")
            .build());
  }

  synchronized ScriptedChatwoot then(MockResponse response) {
    script.add(response);
    return this;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    if ("GET".equals(request.getMethod())) {
      MockResponse file = files.get(request.getUrl().encodedPath());
      return file != null ? file : new MockResponse.Builder().code(404).build();
    }
    MockResponse next = script.poll();
    return next != null ? next : new MockResponse.Builder().code(200).body("{}").build();
  }
}
