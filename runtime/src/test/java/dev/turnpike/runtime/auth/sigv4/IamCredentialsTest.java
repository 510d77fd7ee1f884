package dev.turnpike.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamCredentialsTest {

    @Test
    void aKeyWithOnlyItsSecretGetsTheAccountAndAUserArn() {
        IamCredentials credentials = IamCredentials.fromConfig(Map.of(
                "turnpike.iam.AKIDALICE.secretKey", "s3cr3t",
                "turnpike.accountId", "111122223333"));

        IamPrincipal alice = credentials.find("AKIDALICE").orElseThrow();

        assertThat(alice.secretKey()).isEqualTo("s3cr3t");
        assertThat(alice.accountId()).isEqualTo("111122223333");
        assertThat(alice.userArn()).isEqualTo("arn:aws:iam::111122223333:user/AKIDALICE");
        assertThat(alice.accessKey()).isEqualTo("AKIDALICE");
        assertThat(alice.sessionToken()).isNull();
        assertThat(alice.caller()).isEqualTo(alice.user()).matches("AIDA[A-Z2-7]{17}");
        assertThat(credentials.find("AKIDBOB")).isEmpty();
        assertThat(credentials.find(null)).isEmpty();
    }

    @Test
    void everyFieldCanBeGiven() {
        IamPrincipal bob = IamCredentials.fromConfig(Map.of(
                "turnpike.iam.AKIDBOB.secretKey", "s",
                "turnpike.iam.AKIDBOB.accountId", "444455556666",
                "turnpike.iam.AKIDBOB.arn", "arn:aws:iam::444455556666:user/bob",
                "turnpike.iam.AKIDBOB.sessionToken", "tok",
                "turnpike.iam.AKIDBOB.userId", "AIDABOBBOBBOBBOBBOB12")).find("AKIDBOB").orElseThrow();

        assertThat(bob).isEqualTo(new IamPrincipal("AKIDBOB", "s", "tok", "444455556666",
                "arn:aws:iam::444455556666:user/bob", "AIDABOBBOBBOBBOBBOB12"));
    }

    @Test
    void withoutAnAccountIdTheExampleAccountIsUsed() {
        IamPrincipal carol = IamCredentials.fromConfig(Map.of("turnpike.iam.AKIDCAROL.secretKey", "s"))
                .find("AKIDCAROL").orElseThrow();

        assertThat(carol.arn()).isEqualTo("arn:aws:iam::123456789012:user/AKIDCAROL");
    }

    @Test
    void everyBadKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> IamCredentials.fromConfig(Map.of(
                "turnpike.iam.AKIDA.accountId", "1",
                "turnpike.iam.AKIDB.secretKey", " ")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "turnpike.iam.AKIDA.secretKey: required for IAM access key AKIDA",
                        "turnpike.iam.AKIDB.secretKey: must not be empty"));
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(new IamPrincipal("AKID", "very-secret", "T0K3N", "1", "arn", "AIDA").toString())
                .doesNotContain("very-secret").doesNotContain("T0K3N");
    }
}
