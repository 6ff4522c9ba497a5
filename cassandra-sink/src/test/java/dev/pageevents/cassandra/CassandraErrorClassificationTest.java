package dev.pageevents.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import dev.pageevents.core.sink.ErrorKind;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CassandraErrorClassificationTest {
  private final Node node = mock(Node.class);

  @Test
  void shouldRetryTimeoutsUnavailableAndOverloaded() {
    assertThat(CassandraWriter.classifyError(new DriverTimeoutException("slow")))
        .isEqualTo(ErrorKind.TRANSIENT);
    assertThat(
            CassandraWriter.classifyError(
                new WriteTimeoutException(
                    node, DefaultConsistencyLevel.ONE, 0, 1, DefaultWriteType.SIMPLE)))
        .isEqualTo(ErrorKind.TRANSIENT);
    assertThat(
            CassandraWriter.classifyError(
                new UnavailableException(node, DefaultConsistencyLevel.QUORUM, 2, 1)))
        .isEqualTo(ErrorKind.TRANSIENT);
    assertThat(CassandraWriter.classifyError(new OverloadedException(node)))
        .isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void shouldRetryWhenNoNodeCanBeReached() {
    assertThat(CassandraWriter.classifyError(new NoNodeAvailableException()))
        .isEqualTo(ErrorKind.TRANSIENT);
    assertThat(
            CassandraWriter.classifyError(
                AllNodesFailedException.fromErrors(
                    Map.of(node, new ClosedConnectionException("killed")))))
        .isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void shouldTreatAnInvalidRowAsADataError() {
    assertThat(
            CassandraWriter.classifyError(
                new CompletionException(
                    new InvalidQueryException(
                        node, "Key length of 70000 is longer than maximum of 65535"))))
        .isEqualTo(ErrorKind.DATA);
  }

  @Test
  void shouldFailFastOnAuthAndMissingSchema() {
    EndPoint endPoint = mock(EndPoint.class);
    assertThat(
            CassandraWriter.classifyError(
                AllNodesFailedException.fromErrors(
                    Map.of(node, new AuthenticationException(endPoint, "bad credentials")))))
        .isEqualTo(ErrorKind.FATAL);
    assertThat(CassandraWriter.classifyError(new UnauthorizedException(node, "no MODIFY")))
        .isEqualTo(ErrorKind.FATAL);
    assertThat(
            CassandraWriter.classifyError(
                new InvalidQueryException(node, "Keyspace pageevents does not exist")))
        .isEqualTo(ErrorKind.FATAL);
    assertThat(
            CassandraWriter.classifyError(
                new InvalidQueryException(node, "unconfigured table visits_by_page_day")))
        .isEqualTo(ErrorKind.FATAL);
    assertThat(CassandraWriter.classifyError(new SyntaxError(node, "line 1:0")))
        .isEqualTo(ErrorKind.FATAL);
  }
}
