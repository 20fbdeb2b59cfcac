package dev.arbiter.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

  @Test
  void escapesTheCharactersCopyTextFormatReserves() {
    CopyRows rows = new CopyRows();
    rows.add("tab\there").add("new\nline").add("back\\slash").add("plain").end();
    assertThat(rows.toString()).isEqualTo("tab\\there\tnew\\nline\tback\\\\slash\tplain\n");
  }

  @Test
  void writesNullsForMissingValues() {
    CopyRows rows = new CopyRows();
    rows.add((String) null).ref(0).time(0).hundredths(-1).bytes(null).end();
    assertThat(rows.toString()).isEqualTo("\\N\t\\N\t\\N\t\\N\t\\N\n");
  }

  @Test
  void formatsTimestampsAsUtcAndScoresAsDecimals() {
    long at = Instant.parse("2024-03-05T07:08:09Z").getEpochSecond();
    CopyRows rows = new CopyRows();
    rows.time(at).time(at + 86_400).hundredths(405).hundredths(500).end();
    assertThat(rows.toString())
        .isEqualTo("2024-03-05 07:08:09+00\t2024-03-06 07:08:09+00\t4.05\t5.00\n");
  }

  @Test
  void writesByteaInEscapedHexForm() {
    CopyRows rows = new CopyRows();
    rows.bytes(new byte[] {0x00, (byte) 0xAB, 0x7F}).end();
    assertThat(rows.toString()).isEqualTo("\\\\x00ab7f\n");
  }

  @Test
  void readerStreamsTheWholeBufferAndCountsRows() throws IOException {
    CopyRows rows = new CopyRows();
    for (int i = 0; i < 1000; i++) {
      rows.add(i).add("row " + i).end();
    }
    StringBuilder read = new StringBuilder();
    char[] buffer = new char[100];
    try (Reader reader = rows.reader()) {
      for (int n; (n = reader.read(buffer, 0, buffer.length)) > 0; ) {
        read.append(buffer, 0, n);
      }
    }
    assertThat(read.toString()).isEqualTo(rows.toString());
    assertThat(rows.rows()).isEqualTo(1000);
  }
}
