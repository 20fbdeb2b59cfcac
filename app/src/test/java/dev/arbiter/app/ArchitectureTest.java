package dev.arbiter.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module direction app -> persistence -> model, and what each layer may not touch. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.arbiter");
  }

  @Test
  void appNeverUsesHibernateJpaOrJdbc() {
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.hibernate..", "jakarta.persistence..", "java.sql..")
        .check(classes);
  }

  @Test
  void persistenceNeverUsesJavaFxOrTheApp() {
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "dev.arbiter.app..")
        .check(classes);
  }

  @Test
  void modelHasNoJavaFxJdbcHibernateOrOuterLayers() {
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..",
            "java.sql..",
            "org.hibernate..",
            "dev.arbiter.persistence..",
            "dev.arbiter.app..")
        .check(classes);
  }

  @Test
  void viewModelsNeverTouchControlsOrScenes() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.fxml..", "javafx.stage..")
        .check(classes);
  }

  @Test
  void onlyTheShellComposesFeaturesAndCommonDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.arbiter.app.login..", "dev.arbiter.app.dashboard..", "dev.arbiter.app.common..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.arbiter.app.shell..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.app.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.arbiter.app.login..", "dev.arbiter.app.dashboard..")
        .check(classes);
  }
}
