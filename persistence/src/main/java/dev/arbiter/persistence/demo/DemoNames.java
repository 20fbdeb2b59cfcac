package dev.arbiter.persistence.demo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/** Plausible people, places and company names, drawn from small regional pools. */
final class DemoNames {

  /** A region: its countries (ISO 3166 alpha-2), names and the currency its clients pay in. */
  private record Region(
      int weight, String[] countries, String[] first, String[] last, String currency) {}

  private static final Region[] REGIONS = {
    new Region(
        30,
        new String[] {"US", "US", "US", "CA", "GB", "GB", "AU", "IE"},
        new String[] {
          "James",
          "Mary",
          "Olivia",
          "Liam",
          "Emma",
          "Noah",
          "Ava",
          "Ethan",
          "Sophia",
          "Mason",
          "Isabella",
          "Lucas",
          "Mia",
          "Amelia",
          "Harper",
          "Benjamin",
          "Charlotte",
          "Henry",
          "Grace",
          "Jack"
        },
        new String[] {
          "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
          "Anderson", "Thomas", "Moore", "Clark", "Lewis", "Walker", "Hall", "Young", "King",
          "Wright", "O'Neill"
        },
        "USD"),
    new Region(
        18,
        new String[] {"DE", "DE", "AT", "NL", "FR", "FR", "BE", "ES", "IT"},
        new String[] {
          "Lukas", "Anna", "Leon", "Lena", "Finn", "Hugo", "Chloé", "Louis", "Léa", "Sofía",
          "Mateo", "Lucía", "Giulia", "Matteo", "Daan", "Sanne", "Jonas", "Camille", "Inès", "Paul"
        },
        new String[] {
          "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Dubois", "Moreau", "Lefèvre",
          "García", "Fernández", "Rossi", "Bianchi", "de Vries", "Jansen", "Peeters", "Hoffmann",
          "Martin", "Romano", "López", "Wagner"
        },
        "EUR"),
    new Region(
        14,
        new String[] {"IN", "IN", "PK", "BD", "LK"},
        new String[] {
          "Aarav",
          "Priya",
          "Vivaan",
          "Ananya",
          "Aditya",
          "Diya",
          "Arjun",
          "Kavya",
          "Rohan",
          "Isha",
          "Ayesha",
          "Bilal",
          "Farhan",
          "Nusrat",
          "Tharindu",
          "Meera",
          "Karthik",
          "Sneha",
          "Imran",
          "Zara"
        },
        new String[] {
          "Sharma",
          "Patel",
          "Singh",
          "Kumar",
          "Gupta",
          "Reddy",
          "Iyer",
          "Nair",
          "Mehta",
          "Rao",
          "Khan",
          "Malik",
          "Hussain",
          "Rahman",
          "Perera",
          "Fernando",
          "Das",
          "Chowdhury",
          "Joshi",
          "Verma"
        },
        "USD"),
    new Region(
        10,
        new String[] {"BR", "MX", "AR", "CO", "CL"},
        new String[] {
          "João",
          "Ana",
          "Pedro",
          "Beatriz",
          "Gabriel",
          "Mariana",
          "Rafael",
          "Juliana",
          "Diego",
          "Valentina",
          "Santiago",
          "Camila",
          "Larissa",
          "Thiago",
          "Fernanda",
          "Andrés",
          "Martina",
          "Felipe",
          "Renata",
          "Joaquín"
        },
        new String[] {
          "Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Hernández", "González",
          "Rodríguez", "Martínez", "Ramírez", "Torres", "Flores", "Ribeiro", "Carvalho", "Gómez",
          "Díaz", "Moreno", "Rojas", "Vargas"
        },
        "USD"),
    new Region(
        10,
        new String[] {"NG", "NG", "KE", "GH", "ZA", "EG"},
        new String[] {
          "Chinedu", "Ngozi", "Emeka", "Amaka", "Tunde", "Funke", "Kwame", "Wanjiru", "Otieno",
          "Achieng", "Thabo", "Naledi", "Kofi", "Abena", "Ahmed", "Fatma", "Omar", "Nadia",
          "Sipho", "Yaw"
        },
        new String[] {
          "Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Mwangi", "Kamau", "Ochieng", "Njoroge",
          "Mensah", "Boateng", "Nkosi", "Dlamini", "Mahmoud", "Ibrahim", "Hassan", "Owusu",
          "Adebayo", "Mokoena", "Nwosu"
        },
        "USD"),
    new Region(
        10,
        new String[] {"PL", "UA", "UA", "RO", "CZ", "RS"},
        new String[] {
          "Jakub", "Zuzanna", "Kacper", "Julia", "Oleksandr", "Olena", "Andriy", "Iryna", "Andrei",
          "Ioana", "Tomáš", "Tereza", "Marko", "Jelena", "Piotr", "Katarzyna", "Dmytro", "Sofiia",
          "Mihai", "Elena"
        },
        new String[] {
          "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Shevchenko", "Kovalenko", "Bondarenko",
          "Tkachenko", "Popescu", "Ionescu", "Novák", "Svoboda", "Petrović", "Jovanović",
          "Kamiński", "Lewandowska", "Melnyk", "Dvořák", "Stan", "Marković"
        },
        "EUR"),
    new Region(
        8,
        new String[] {"PH", "VN", "ID", "MY", "SG"},
        new String[] {
          "Jose", "Maria", "Mark", "Angel", "Kristine", "Paolo", "Minh", "Linh", "Huy", "Trang",
          "Budi", "Siti", "Putri", "Arif", "Wei Ling", "Jun", "Aiman", "Nurul", "Andrea", "Rizal"
        },
        new String[] {
          "Santos",
          "Reyes",
          "Cruz",
          "Bautista",
          "Mendoza",
          "Nguyen",
          "Tran",
          "Le",
          "Pham",
          "Hoang",
          "Wijaya",
          "Santoso",
          "Pratama",
          "Lim",
          "Tan",
          "Ng",
          "Abdullah",
          "Rahman",
          "Ocampo",
          "Villanueva"
        },
        "USD"),
  };

  private static final int TOTAL_WEIGHT;

  static {
    int sum = 0;
    for (Region r : REGIONS) {
      sum += r.weight();
    }
    TOTAL_WEIGHT = sum;
  }

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
    Region region = region(r);
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

  private static Region region(SplittableRandom r) {
    int x = r.nextInt(TOTAL_WEIGHT);
    for (Region region : REGIONS) {
      x -= region.weight();
      if (x < 0) {
        return region;
      }
    }
    return REGIONS[0];
  }
}
