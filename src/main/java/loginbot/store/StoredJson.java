package loginbot.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of what the store keeps (states, packets, replies): ISO dates, Optional support,
 * tolerant of fields added later. The web layer's API JSON has the same settings today, but the
 * stored format belongs to the store: the store depends on no web code, and a change to the API
 * cannot silently change the rows already written.
 */
final class StoredJson {
  private StoredJson() {}

  static ObjectMapper newMapper() {
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
