package dev.pageevents.elasticsearch;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.pageevents.core.config.Truststores;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds the HTTP transport of the sink from its config: URLs, basic auth or API key, truststore
 * and timeouts. The sync and async clients of a task share one transport (one connection pool).
 */
final class ElasticsearchClients {
  private ElasticsearchClients() {}

  static RestClientTransport transport(ElasticsearchSinkConfig config) {
    HttpHost[] hosts =
        config.urls().stream().map(String::trim).map(HttpHost::create).toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts);
    if (!config.apiKey().isEmpty()) {
      builder.setDefaultHeaders(
          new Header[] {new BasicHeader("Authorization", "ApiKey " + config.apiKey())});
    }
    SSLContext ssl = sslContext(config);
    builder.setHttpClientConfigCallback(
        http -> {
          if (!config.username().isEmpty()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                AuthScope.ANY,
                new UsernamePasswordCredentials(config.username(), config.password()));
            http.setDefaultCredentialsProvider(credentials);
          }
          if (ssl != null) {
            http.setSSLContext(ssl);
          }
          int connections = Math.max(4, config.bulkPlan().maxInFlight() * 2);
          return http.setMaxConnTotal(connections).setMaxConnPerRoute(connections);
        });
    builder.setRequestConfigCallback(
        request ->
            request
                .setConnectTimeout(config.connectTimeoutMs())
                .setSocketTimeout(config.readTimeoutMs()));
    return new RestClientTransport(builder.build(), new JacksonJsonpMapper());
  }

  private static SSLContext sslContext(ElasticsearchSinkConfig config) {
    if (config.truststoreLocation().isEmpty()) {
      return null;
    }
    return Truststores.sslContext(
        config.truststoreLocation(),
        config.truststorePassword(),
        ElasticsearchSinkConfig.TRUSTSTORE_LOCATION_CONFIG,
        ElasticsearchSinkConfig.TRUSTSTORE_PASSWORD_CONFIG);
  }
}
