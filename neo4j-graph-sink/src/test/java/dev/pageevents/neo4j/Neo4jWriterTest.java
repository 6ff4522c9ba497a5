package dev.pageevents.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pageevents.core.sink.ErrorKind;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;

class Neo4jWriterTest {
  private final Neo4jWriter writer = new Neo4jWriter(null, "neo4j", false);

  @Test
  void shouldRetryATransactionTheServerEndedFromOutside() {
    TransactionTerminatedException stopped =
        new TransactionTerminatedException(
            "The transaction has been terminated. Retry your operation in a new transaction, and"
                + " you should see a successful result. Explicitly terminated by the user.");

    assertThat(writer.classify(stopped)).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(writer.classify(new ServiceUnavailableException("connection lost")))
        .isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void shouldTellBadDataFromAFatalRefusal() {
    assertThat(writer.classify(new ClientException("Neo.ClientError.Statement.TypeError", "x")))
        .isEqualTo(ErrorKind.DATA);
    assertThat(writer.classify(new AuthenticationException("Neo.ClientError.Security.x", "no")))
        .isEqualTo(ErrorKind.FATAL);
  }
}
