package loginbot.channel.chatwoot;

import java.util.ArrayDeque;
import java.util.Deque;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Stands in for Chatwoot's API: answers the scripted responses first, then 200 like Chatwoot does.
 */
final class ScriptedChatwoot extends Dispatcher {
  private final Deque<MockResponse> script = new ArrayDeque<>();

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
    MockResponse next = script.poll();
    return next != null ? next : new MockResponse.Builder().code(200).body("{}").build();
  }
}
