package dev.arbiter.tools.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small but real evidence files (a PNG screenshot, delivery notes, a time log, a chat export),
 * stored with their true SHA-256 so that integrity checks and previews work on demo data.
 */
final class EvidenceFiles {

  record EvidenceFile(String fileName, String mimeType, byte[] content, byte[] sha256) {}

  private EvidenceFiles() {}

  static EvidenceFile generate(SplittableRandom r, int index, long createdAt) {
    return switch (r.nextInt(4)) {
      case 0 -> file("screenshot-" + (index + 1) + ".png", "image/png", png(r));
      case 1 -> file("delivery-notes-" + (index + 1) + ".txt", "text/plain", notes(r, createdAt));
      case 2 -> file("time-log-" + (index + 1) + ".csv", "text/csv", timeLog(r, createdAt));
      default -> file("chat-export-" + (index + 1) + ".json", "application/json", chat(r));
    };
  }

  static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static EvidenceFile file(String name, String mime, byte[] content) {
    return new EvidenceFile(name, mime, content, sha256(content));
  }

  private static byte[] notes(SplittableRandom r, long createdAt) {
    String text =
        "Delivery notes\n"
            + "Date: "
            + day(createdAt)
            + "\nFiles delivered: "
            + (2 + r.nextInt(9))
            + "\nLink shared in the contract chat; client confirmed receipt of the first batch.\n"
            + "Open items: "
            + DemoNames.pick(r, new String[] {"none", "final export", "copy review", "QA pass"})
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] timeLog(SplittableRandom r, long createdAt) {
    StringBuilder csv = new StringBuilder("date,hours,task\n");
    int days = 3 + r.nextInt(6);
    for (int d = days; d > 0; d--) {
      csv.append(day(createdAt - d * 86_400L))
          .append(',')
          .append(1 + r.nextInt(8))
          .append('.')
          .append(r.nextInt(2) * 5)
          .append(',')
          .append(DemoNames.pick(r, new String[] {"build", "review", "meeting", "fixes", "docs"}))
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] chat(SplittableRandom r) {
    String json =
        "{\"messages\":[{\"from\":\"client\",\"text\":\"Any update on the delivery?\"},"
            + "{\"from\":\"freelancer\",\"text\":\"Uploading the files tonight.\"},"
            + "{\"from\":\"client\",\"text\":\"Still nothing after "
            + (2 + r.nextInt(6))
            + " days.\"}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String day(long epochSecond) {
    return LocalDate.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC)
        .toString();
  }

  /** A 24x16 RGB image of coloured bars: small, valid, and different per file. */
  private static byte[] png(SplittableRandom r) {
    int width = 24;
    int height = 16;
    int bars = 2 + r.nextInt(4);
    int[] colours = new int[bars];
    for (int i = 0; i < bars; i++) {
      colours[i] = r.nextInt(0x1000000);
    }
    byte[] raw = new byte[height * (1 + width * 3)];
    int p = 0;
    for (int y = 0; y < height; y++) {
      raw[p++] = 0; // filter: none
      int colour = colours[y * bars / height];
      for (int x = 0; x < width; x++) {
        raw[p++] = (byte) (colour >> 16);
        raw[p++] = (byte) (colour >> 8);
        raw[p++] = (byte) colour;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
    header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", header.array());
    chunk(out, "IDAT", deflate(raw));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[512];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
