package dev.pageevents.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisSchemaTest {

  @Test
  void shouldEscapeGlobCharactersSoAPrefixMatchesOnlyItselfWhenClearing() {
    assertThat(RedisSchema.globEscaped("pe*?[x]\\:{3}:")).isEqualTo("pe\\*\\?\\[x\\]\\\\:{3}:");
  }

  @Test
  void shouldLeaveAPlainPrefixAsItIs() {
    assertThat(RedisSchema.globEscaped("pe:{0}:")).isEqualTo("pe:{0}:");
  }
}
