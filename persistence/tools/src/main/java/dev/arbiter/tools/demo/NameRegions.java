package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/** Where demo users come from: regions weighted like a global marketplace, with their names. */
final class NameRegions {

  /** A region: its countries (ISO 3166 alpha-2), names and the currency its clients pay in. */
  record Region(int weight, String[] countries, String[] first, String[] last, String currency) {}

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

  private NameRegions() {}

  static Region pick(SplittableRandom r) {
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
