package dev.arbiter.tools.simulate;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/** The words of simulated traffic: who acts, what parties write, what reporters say. */
final class MarketplaceText {

  private static final String[] CHANNELS = {"web", "web", "web", "ios", "android", "email"};

  private static final String[] CLIENT_OPENINGS = {
    "The delivered work does not match the agreed brief. I am asking for a refund of this milestone.",
    "Nothing has been delivered since the deadline passed and the freelancer stopped replying.",
    "The files I received are incomplete: half of the pages in the scope are missing.",
    "Quality is far below the samples shown before we started. Please review.",
    "The freelancer asks for more money for work that was part of the original scope.",
  };

  private static final String[] FREELANCER_OPENINGS = {
    "I delivered everything in the scope two weeks ago and the client will not approve the release.",
    "The client keeps adding requirements that were never part of the contract.",
    "The client has not responded to the delivery for ten days. Requesting release of this milestone.",
    "Payment for this milestone is overdue although the client confirmed the delivery in chat.",
  };

  private static final String[] CLIENT_MESSAGES = {
    "I have attached screenshots of the pages that do not work.",
    "Can you share the source files as agreed?",
    "I am still waiting for the revised version.",
    "We can settle if the remaining pages are delivered by Friday.",
    "The deadline in the contract was the 15th; nothing arrived.",
    "I would accept a partial refund for the missing part.",
    "Please see the original brief, section 3: it lists all of this.",
  };

  private static final String[] FREELANCER_MESSAGES = {
    "I uploaded the final files to the shared folder yesterday.",
    "The extra changes were not in the scope, but I can do them as a new milestone.",
    "Here is the changelog of everything delivered so far.",
    "I am happy to fix the two issues you listed within 48 hours.",
    "I replied to every message within a day; see the thread above.",
    "A split would be fair given what was delivered.",
    "Revised version attached, covering all the points in the review.",
  };

  private static final String[] FLAG_DETAILS = {
    "Asked me to pay outside the platform to avoid fees.",
    "Abusive language in the last message.",
    "Same message posted on several of my disputes.",
    "Profile photo and portfolio copied from another freelancer.",
    "Contract looks like a phishing attempt: links to a fake login page.",
    "Threatened to leave fake reviews unless I pay more.",
  };

  private static final String[] NAME_WORDS = {
    "Northwind",
    "Bluefern",
    "Copperleaf",
    "Brightline",
    "Silverpine",
    "Lumen",
    "Harbor",
    "Kestrel",
    "Meridian",
    "Juniper",
    "Tidewater",
    "Ember",
    "Granite",
    "Willow",
    "Polaris",
    "Saffron",
    "Cobalt"
  };

  private static final String[] NAME_SUFFIXES = {
    "Studio", "Labs", "Collective", "Digital", "Works", "Partners", "Creative", "Group"
  };

  private static final String[] FIRST_NAMES = {
    "Maria", "Jonas", "Aiko", "Tomas", "Leila", "Kwame", "Sofia", "Ravi", "Ines", "Mateo", "Hana",
    "Lukas", "Amara", "Noah", "Priya", "Oskar"
  };

  private static final String[] LAST_NAMES = {
    "Lopez", "Berg", "Tanaka", "Novak", "Haddad", "Mensah", "Rossi", "Iyer", "Costa", "Silva",
    "Kim", "Weber", "Okafor", "Martin", "Shah", "Lund"
  };

  private MarketplaceText() {}

  /** The app a user acts through: mostly the web, then the mobile apps and e-mail. */
  static String channel(SplittableRandom r) {
    return pick(r, CHANNELS);
  }

  /** A marketplace user acting through one of the apps, e.g. {@code user:4821@ios}. */
  static String user(long userId, String channel) {
    return "user:" + userId + "@" + channel;
  }

  /** An internal marketplace service, e.g. {@code svc:billing}. */
  static String service(String name) {
    return "svc:" + name;
  }

  static String opening(boolean byClient, SplittableRandom r) {
    return pick(r, byClient ? CLIENT_OPENINGS : FREELANCER_OPENINGS);
  }

  static String message(boolean byClient, SplittableRandom r) {
    return pick(r, byClient ? CLIENT_MESSAGES : FREELANCER_MESSAGES);
  }

  static String flagDetails(SplittableRandom r) {
    return pick(r, FLAG_DETAILS);
  }

  static String workspaceName(SplittableRandom r) {
    return pick(r, NAME_WORDS) + " " + pick(r, NAME_SUFFIXES);
  }

  /**
   * A new person's e-mail address. The number is not from the seeded stream, so that a rerun with
   * the same seed invites new people rather than the same addresses again.
   */
  static String email(SplittableRandom r) {
    return (pick(r, FIRST_NAMES) + "." + pick(r, LAST_NAMES)).toLowerCase(Locale.ROOT)
        + "."
        + ThreadLocalRandom.current().nextInt(1_000, 100_000_000)
        + "@mail.example";
  }

  /** "maria.lopez.1234@…" becomes "Maria Lopez". */
  static String displayNameOf(String email) {
    String[] parts = email.substring(0, email.indexOf('@')).split("[._-]");
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (part.isEmpty() || Character.isDigit(part.charAt(0))) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.length() == 0 ? email : out.toString();
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
