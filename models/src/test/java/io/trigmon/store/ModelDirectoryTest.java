package io.trigmon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

  @TempDir Path dir;

  private ModelDirectory saveExample() {
    return ModelDirectory.create(dir, "nplm-kernel", "1.0")
        .write("alpha.bin", new byte[] {1, 2, 3})
        .parameter("sigma", 3.0)
        .parameter("centres", 300)
        .reference("sha256", "abc")
        .reference("events", 100000)
        .seal();
  }

  @Test
  void savedModelOpensWithItsParametersAndFiles() {
    saveExample();
    ModelDirectory opened = ModelDirectory.open(dir, "nplm-kernel");
    assertThat(opened.number("sigma")).isEqualTo(3.0);
    assertThat(opened.number("centres")).isEqualTo(300.0);
    assertThat(opened.manifest().referenceSha256()).isEqualTo("abc");
    assertThat(opened.file("alpha.bin")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(opened.manifest().files().get("alpha.bin"))
        .isEqualTo(Sha256.of(new byte[] {1, 2, 3}));
  }

  @Test
  void tamperedFileIsRefused() throws Exception {
    saveExample();
    Files.write(dir.resolve("alpha.bin"), new byte[] {1, 2, 4});
    assertThatThrownBy(() -> ModelDirectory.open(dir, "nplm-kernel"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("alpha.bin")
        .hasMessageContaining("changed after the model was saved");
  }

  @Test
  void missingFileIsRefused() throws Exception {
    saveExample();
    Files.delete(dir.resolve("alpha.bin"));
    assertThatThrownBy(() -> ModelDirectory.open(dir, "nplm-kernel"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void wrongKindIsRefused() {
    saveExample();
    assertThatThrownBy(() -> ModelDirectory.open(dir, "autoencoder"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("'nplm-kernel' model, not a 'autoencoder'");
  }

  @Test
  void modelOfAnotherReferenceIsRefused() {
    ModelDirectory model = saveExample();
    assertThat(model.requireReference("abc")).isSameAs(model);
    assertThatThrownBy(() -> model.requireReference("def"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("belongs to reference abc");
  }

  @Test
  void unknownManifestVersionIsRefused() throws Exception {
    saveExample();
    Path manifest = dir.resolve(ModelDirectory.MANIFEST);
    String text =
        Files.readString(manifest).replace("\"format_version\" : 1", "\"format_version\" : 99");
    Files.writeString(manifest, text, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ModelDirectory.open(dir, "nplm-kernel"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("format version 99");
  }

  @Test
  void fileNamedOutsideTheDirectoryIsRefused() throws Exception {
    saveExample();
    Path manifest = dir.resolve(ModelDirectory.MANIFEST);
    Files.writeString(
        manifest, Files.readString(manifest).replace("\"alpha.bin\"", "\"../x.bin\""));
    assertThatThrownBy(() -> ModelDirectory.open(dir, "nplm-kernel"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("outside");
  }

  @Test
  void noManifestIsRefused() {
    assertThatThrownBy(() -> ModelDirectory.open(dir, "nplm-kernel"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("not a trigmon model directory");
  }
}
