package io.atlas4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas4j.error.DiagnosticException;
import io.atlas4j.schema.change.SchemaChange;
import io.atlas4j.schema.change.TableChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An env's {@code schemas}, {@code exclude} and {@code diff { skip, concurrent_index }} (engine.md §3.14, E110, E111). */
class EnvSchemaPolicyTest {

    @TempDir
    Path dir;

    private EnvConfig env(String hcl, Map<String, List<String>> vars) throws Exception {
        Files.writeString(dir.resolve("atlas.hcl"), hcl);
        return ProjectFile.load((String) null, "local", vars, dir).flatMap(ProjectFile::env).orElseThrow();
    }

    @Test
    void schemasExcludeAndSkipComeFromTheEnv() throws Exception {
        EnvConfig env = env("""
                variable "destructive" {
                  type    = bool
                  default = false
                }
                env "local" {
                  schemas = ["public", "auth"]
                  exclude = ["posts", "public.audit_*"]
                  diff {
                    skip {
                      drop_schema = !var.destructive
                      drop_table  = !var.destructive
                      add_column  = false
                    }
                    concurrent_index {
                      add  = true
                      drop = true
                    }
                  }
                }
                """, Map.of());
        assertThat(env.schemas()).containsExactly("public", "auth");
        assertThat(env.exclude()).containsExactly("posts", "public.audit_*");
        assertThat(env.diff().skip()).containsExactlyInAnyOrder("drop_schema", "drop_table");
        assertThat(env.diff().toOptions().skip())
                .containsExactlyInAnyOrder(SchemaChange.DropSchema.class, SchemaChange.DropTable.class);
        assertThat(env.diff().toOptions().concurrentIndexCreate()).isTrue();
        assertThat(env.diff().toOptions().concurrentIndexDrop()).isTrue();
    }

    @Test
    void aVariableTurnsTheSkipOff() throws Exception {
        EnvConfig env = env("""
                variable "destructive" {
                  type    = bool
                  default = false
                }
                env "local" {
                  diff {
                    skip {
                      drop_table   = !var.destructive
                      modify_index = true
                    }
                  }
                }
                """, Map.of("destructive", List.of("true")));
        assertThat(env.diff().toOptions().skip()).containsExactly(TableChange.ModifyIndex.class);
    }

    @Test
    void withoutADiffBlockNothingIsSkipped() throws Exception {
        EnvConfig env = env("env \"local\" {\n}\n", Map.of());
        assertThat(env.diff()).isEqualTo(DiffPolicy.NONE);
        assertThat(env.schemas()).isEmpty();
        assertThat(env.exclude()).isEmpty();
    }

    @Test
    void anUnknownSkipOptionIsAnErrorWithItsPosition() {
        assertThatThrownBy(() -> env("""
                env "local" {
                  diff {
                    skip {
                      drop_everything = true
                    }
                  }
                }
                """, Map.of()))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("atlas.hcl:4:7")
                .hasMessageContaining("unknown diff skip option \"drop_everything\"");
    }
}
