package loginbot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlToJsonTest {
  @Test
  void mappings_lists_and_scalars_become_compact_json_in_the_same_order() {
    // given
    String yaml = "b: text\na:\n  - one\n  - \"two: quoted\"\nc: ~\nd: true\n";

    // when / then
    assertThat(YamlToJson.convert(yaml))
        .contains("{\"b\":\"text\",\"a\":[\"one\",\"two: quoted\"],\"c\":null,\"d\":true}");
  }

  @Test
  void a_number_keeps_its_text_so_a_string_field_reads_it_as_written() {
    assertThat(YamlToJson.convert("version: 1.10\ncount: 3\n"))
        .contains("{\"version\":1.10,\"count\":3}");
  }

  @Test
  void a_multi_line_text_keeps_its_line_breaks() {
    assertThat(YamlToJson.convert("text: |\n  first\n  second\n"))
        .contains("{\"text\":\"first\\nsecond\\n\"}");
  }

  @Test
  void yaml_that_json_cannot_say_the_same_way_is_left_to_the_yaml_reader() {
    // an anchor and its alias, a number JSON writes otherwise, two documents, none, a syntax error
    assertThat(YamlToJson.convert("a: &x one\nb: *x\n")).isEmpty();
    assertThat(YamlToJson.convert("mode: 010\n")).isEmpty();
    assertThat(YamlToJson.convert("a: 1\n---\nb: 2\n")).isEmpty();
    assertThat(YamlToJson.convert("")).isEmpty();
    assertThat(YamlToJson.convert("a: [unclosed\n")).isEmpty();
  }
}
