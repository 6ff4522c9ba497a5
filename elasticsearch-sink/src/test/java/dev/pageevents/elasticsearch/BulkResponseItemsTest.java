package dev.pageevents.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pageevents.elasticsearch.BulkResponseItems.Failure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkResponseItemsTest {

  private static List<Failure> failures(String json) throws IOException {
    return BulkResponseItems.failures(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldReportNoFailureWhenTheErrorsFlagIsFalse() throws IOException {
    assertThat(failures("{\"took\":3,\"errors\":false,\"items\":[{\"index\":{\"status\":201}}]}"))
        .isEmpty();
  }

  @Test
  void shouldNameEachFailedItemByItsPositionWithStatusAndNestedCauses() throws IOException {
    String json =
        """
        {"took":3,"errors":true,"items":[
          {"index":{"_index":"i","_id":"a","status":201,"result":"created","_shards":{"total":1}}},
          {"delete":{"_index":"i","_id":"b","status":429,
            "error":{"type":"es_rejected_execution_exception","reason":"queue full"}}},
          {"index":{"_index":"i","_id":"c","status":400,
            "error":{"type":"document_parsing_exception","reason":"bad","root_cause":[{"x":1}],
              "caused_by":{"type":"illegal_argument_exception","reason":"field",
                "caused_by":{"type":"number_format_exception","reason":"x"}}}}}
        ]}
        """;

    assertThat(failures(json))
        .containsExactly(
            new Failure(1, 429, "es_rejected_execution_exception: queue full"),
            new Failure(
                2,
                400,
                "document_parsing_exception: bad (caused by illegal_argument_exception: field"
                    + " (caused by number_format_exception: x))"));
  }

  @Test
  void shouldRefuseABodyThatIsNotABulkResponse() {
    assertThatThrownBy(() -> failures("[1,2]")).isInstanceOf(IOException.class);
  }
}
