package dev.arbiter.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the persistence module: its feature packages form no cycle, it never reaches the
 * tools built on it (demo data, simulator, benchmarks), and only the one name-based mapper sees a
 * result set.
 */
class PersistenceArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arbiter.persistence");
  }

  @Test
  void featurePackagesFormNoCycle() {
    slices().matching("dev.arbiter.persistence.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void persistenceNeverUsesTheTools() {
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.arbiter.tools..")
        .check(classes);
  }

  @Test
  void onlyTheAccessPackageSeesAResultSet() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.arbiter.persistence.access..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(java.sql.ResultSet.class)
        .check(classes);
  }
}
