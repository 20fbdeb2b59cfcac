package dev.arbiter.tools.demo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Plausible people, places and company names, drawn from small regional pools. */
final class DemoNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9 .-]");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("(^-|-$)");

  private static final String[] MAIL_DOMAINS = {
    "example.com", "example.org", "example.net", "mail.example", "inbox.example", "post.example"
  };

  private static final String[] COMPANY_WORDS = {
    "Northwind",
    "Bluefern",
    "Copperleaf",
    "Brightline",
    "Silverpine",
    "Oakridge",
    "Lumen",
    "Harbor",
    "Atlas",
    "Kestrel",
    "Meridian",
    "Juniper",
    "Tidewater",
    "Redwood",
    "Ember",
    "Granite",
    "Willow",
    "Summit",
    "Polaris",
    "Coral",
    "Saffron",
    "Indigo",
    "Birchwood",
    "Cobalt",
    "Fjord",
    "Marigold",
    "Quarry",
    "Sable",
    "Thistle",
    "Vantage"
  };

  private DemoNames() {}

  /** A person: display name, an ASCII e-mail local part and a country. */
  record Person(String displayName, String mailName, String country, String currency) {}

  static Person person(SplittableRandom r) {
    NameRegions.Region region = NameRegions.pick(r);
    String first = pick(r, region.first());
    String last = pick(r, region.last());
    String country = pick(r, region.countries());
    String currency = "GB".equals(country) || "IE".equals(country) ? gbpOrEur(country) : null;
    return new Person(
        first + " " + last,
        ascii(first) + "." + ascii(last),
        country,
        currency != null ? currency : region.currency());
  }

  static String email(SplittableRandom r, String mailName, long uniqueSuffix) {
    return mailName + uniqueSuffix + "@" + pick(r, MAIL_DOMAINS);
  }

  /** A company-ish name such as "Copperleaf Studio". */
  static String company(SplittableRandom r, String suffix) {
    return pick(r, COMPANY_WORDS) + " " + suffix;
  }

  /** "Copperleaf Studio" becomes "copperleaf-studio". */
  static String slug(String name) {
    String dashed = NOT_ALPHANUMERIC.matcher(ascii(name)).replaceAll("-");
    return EDGE_DASHES.matcher(dashed).replaceAll("");
  }

  static String timezone(String country) {
    return switch (country) {
      case "US" -> "America/New_York";
      case "CA" -> "America/Toronto";
      case "GB", "IE" -> "Europe/London";
      case "AU" -> "Australia/Sydney";
      case "DE", "AT", "NL", "FR", "BE", "ES", "IT", "PL", "CZ", "RS" -> "Europe/Berlin";
      case "UA", "RO" -> "Europe/Kyiv";
      case "IN", "LK" -> "Asia/Kolkata";
      case "PK" -> "Asia/Karachi";
      case "BD" -> "Asia/Dhaka";
      case "BR" -> "America/Sao_Paulo";
      case "MX" -> "America/Mexico_City";
      case "AR", "CL" -> "America/Argentina/Buenos_Aires";
      case "CO" -> "America/Bogota";
      case "NG", "GH" -> "Africa/Lagos";
      case "KE" -> "Africa/Nairobi";
      case "ZA" -> "Africa/Johannesburg";
      case "EG" -> "Africa/Cairo";
      default -> "Asia/Singapore";
    };
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  /** Lower-case ASCII: accents dropped, anything else outside a-z removed. */
  static String ascii(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String plain =
        MARKS.matcher(decomposed).replaceAll("").replace("ł", "l").toLowerCase(Locale.ROOT);
    return NOT_NAME.matcher(plain).replaceAll("").replace(' ', '.');
  }

  private static String gbpOrEur(String country) {
    return "GB".equals(country) ? "GBP" : "EUR";
  }
}
