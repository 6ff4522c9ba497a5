package dev.pageevents.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectRestClientTest {

  @Test
  void shouldParseAStatusWithAFailedTaskAndItsTrace() {
    ConnectorStatus status =
        ConnectRestClient.parseStatus(
            """
            {"name":"redis-cache-sink",
             "connector":{"state":"RUNNING","worker_id":"10.0.0.1:8083"},
             "tasks":[
               {"id":1,"state":"FAILED","worker_id":"10.0.0.1:8083",
                "trace":"org.apache.kafka.connect.errors.ConnectException: boom\\n\\tat X"},
               {"id":0,"state":"RUNNING","worker_id":"10.0.0.1:8083"}],
             "type":"sink"}
            """);

    assertThat(status.name()).isEqualTo("redis-cache-sink");
    assertThat(status.state()).isEqualTo("RUNNING");
    assertThat(status.trace()).isNull();
    assertThat(status.tasks())
        .containsExactly(
            new TaskStatus(0, "RUNNING", "10.0.0.1:8083", null),
            new TaskStatus(
                1,
                "FAILED",
                "10.0.0.1:8083",
                "org.apache.kafka.connect.errors.ConnectException: boom\n\tat X"));
    assertThat(status.running()).isFalse();
    assertThat(status.failed()).isTrue();
    assertThat(status.describe())
        .contains("task 1 FAILED on 10.0.0.1:8083")
        .contains("    org.apache.kafka.connect.errors.ConnectException: boom");
  }

  @Test
  void shouldCountAConnectorWithoutTasksAsNotRunning() {
    ConnectorStatus status =
        ConnectRestClient.parseStatus(
            "{\"name\":\"a\",\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[]}");

    assertThat(status.running()).isFalse();
    assertThat(status.failed()).isFalse();
  }

  @Test
  void shouldCountAFailedConnectorAsFailedWithItsTrace() {
    ConnectorStatus status =
        ConnectRestClient.parseStatus(
            "{\"name\":\"a\",\"connector\":{\"state\":\"FAILED\",\"trace\":\"T\"},\"tasks\":[]}");

    assertThat(status.failed()).isTrue();
    assertThat(status.trace()).isEqualTo("T");
  }

  @Test
  void shouldKeepOnlyTheFieldsWithErrorsOfAValidation() {
    ValidationResult result =
        ConnectRestClient.parseValidation(
            """
            {"name":"dev.pageevents.redis.RedisSinkConnector","error_count":2,"groups":[],
             "configs":[
               {"definition":{"name":"redis.hosts"},
                "value":{"name":"redis.hosts","value":"x","errors":["Cannot reach","again"]}},
               {"definition":{"name":"topics"},
                "value":{"name":"topics","value":"page-events","errors":[]}}]}
            """);

    assertThat(result.connectorClass()).isEqualTo("dev.pageevents.redis.RedisSinkConnector");
    assertThat(result.errorCount()).isEqualTo(2);
    assertThat(result.valid()).isFalse();
    assertThat(result.errors()).containsOnlyKeys("redis.hosts");
    assertThat(result.errors().get("redis.hosts")).isEqualTo(List.of("Cannot reach", "again"));
  }
}
