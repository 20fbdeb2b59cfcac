package dev.arbiter.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.arbiter.app.common.ExecutorTaskRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module direction app -> tools -> persistence -> model (the app also uses persistence), what
 * each layer may not touch, and no package cycle in any module.
 */
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

  @Test
  void modulesFormNoCycle() {
    slices().matching("dev.arbiter.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * One known edge is let through until the live services get their executors injected (issue 18,
   * item 8): {@code live} takes its daemon threads from {@code common}, whose {@code AreaView} is
   * told of {@code live}'s change sets. Every other cycle fails.
   */
  @Test
  void appPackagesFormNoCycle() {
    slices()
        .matching("dev.arbiter.app.(*)..")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(
            resideInAPackage("dev.arbiter.app.live.."), equivalentTo(ExecutorTaskRunner.class))
        .check(classes);
  }

  @Test
  void modelPackagesFormNoCycle() {
    slices().matching("dev.arbiter.model.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void toolPackagesFormNoCycle() {
    slices().matching("dev.arbiter.tools.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theProductNeverUsesTheToolsAndTheToolsNeverUseTheApp() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.arbiter.persistence..", "dev.arbiter.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.arbiter.tools..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.tools..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.arbiter.app..", "javafx..")
        .check(classes);
  }
}
