package dev.arbiter.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class EvidenceFilesTest {

  @Test
  void everyFileCarriesTheSha256OfItsContent() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 40; i++) {
      EvidenceFiles.EvidenceFile file = EvidenceFiles.generate(r, i, 1_700_000_000L);
      assertThat(file.sha256())
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(file.content()));
      assertThat(file.mimeType()).matches("^[a-z]+/[a-z0-9.+-]+$");
      assertThat(file.content()).isNotEmpty();
    }
  }

  @Test
  void screenshotsAreImagesThatDecode() throws IOException {
    SplittableRandom r = new SplittableRandom(11);
    Set<String> kinds = new HashSet<>();
    int images = 0;
    for (int i = 0; i < 60; i++) {
      EvidenceFiles.EvidenceFile file = EvidenceFiles.generate(r, i, 1_700_000_000L);
      kinds.add(file.mimeType());
      if (file.mimeType().equals("image/png")) {
        var image = ImageIO.read(new ByteArrayInputStream(file.content()));
        assertThat(image.getWidth()).isEqualTo(24);
        assertThat(image.getHeight()).isEqualTo(16);
        images++;
      }
    }
    assertThat(images).isPositive();
    assertThat(kinds).contains("image/png", "text/plain", "text/csv", "application/json");
  }
}
