package dev.arbiter.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tools stand beside the product: demo data, simulator and benchmarks form no cycle, depend on
 * nothing of the console, and read rows by name through persistence's one mapper.
 */
class ToolsArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.arbiter.tools");
  }

  @Test
  void toolPackagesFormNoCycle() {
    slices().matching("dev.arbiter.tools.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void toolsNeverUseTheConsoleOrJavaFx() {
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.tools..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.arbiter.app..", "javafx..")
        .check(classes);
  }

  @Test
  void toolsReadRowsThroughTheOneMapper() {
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.tools..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(ResultSet.class)
        .check(classes);
  }
}
