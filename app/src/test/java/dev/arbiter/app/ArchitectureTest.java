package dev.arbiter.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.AreaView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module direction app -> tools -> persistence -> model (the app also uses persistence), what
 * each layer may not touch, no package cycle in any module, and the one shape every feature of the
 * app has.
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
  void viewModelsAndTheAppClassesTheyUseNeverTouchControlsOrScenes() {
    classes()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should(reachOnlyAppClassesFreeOf("javafx.scene.", "javafx.fxml.", "javafx.stage."))
        .check(classes);
  }

  @Test
  void everyAreaViewIsBuiltByItsAreaFactory() {
    constructors()
        .that()
        .areDeclaredInClassesThat()
        .implement(AreaView.class)
        .should()
        .onlyBeCalled()
        .byClassesThat()
        .haveSimpleNameEndingWith("Area")
        .check(classes);
  }

  @Test
  void modulesFormNoCycle() {
    slices().matching("dev.arbiter.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void appPackagesFormNoCycle() {
    slices().matching("dev.arbiter.app.(*)..").should().beFreeOfCycles().check(classes);
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

  @Test
  void everyAreaFactoryIsOneStaticCreateFromTheAreaContext() {
    classes()
        .that()
        .resideInAPackage("dev.arbiter.app..")
        .and()
        .haveSimpleNameEndingWith("Area")
        .and()
        .areNotEnums()
        .should(haveOnlyAFactoryMethodCreatingAnAreaView())
        .check(classes);
  }

  @Test
  void persistenceServicesAreMadeOnlyByAreaFactoriesTheShellAndTheCommandLine() {
    noClasses()
        .that()
        .resideInAPackage("dev.arbiter.app..")
        .and()
        .haveSimpleNameNotEndingWith("Area")
        .and()
        .resideOutsideOfPackages("dev.arbiter.app.shell..", "dev.arbiter.app.cli..")
        .should()
        .callConstructorWhere(targetOwnerIsAPersistenceService())
        .check(classes);
  }

  @Test
  void viewModelsReachPersistenceOnlyThroughTheirPorts() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .callMethodWhere(targetOwnerIsAPersistenceService())
        .orShould()
        .callConstructorWhere(targetOwnerIsAPersistenceService())
        .check(classes);
  }

  /**
   * A dialog or form lays itself out in FXML beside its class, loaded by {@code ViewLoader} with
   * the class as controller. What a form's fields bind to is its view model ({@code
   * QueueFilterViewModel}, {@code DecisionFormViewModel}) or the input of one ({@code
   * CheckpointInput}), named so; no class named as a form is exempt.
   */
  @Test
  void everyDialogAndFormHasItsFxmlBeside() {
    classes()
        .that()
        .resideInAPackage("dev.arbiter.app..")
        .and()
        .areTopLevelClasses()
        .and(
            DescribedPredicate.describe(
                "are named *Dialog or *Form",
                c -> c.getSimpleName().endsWith("Dialog") || c.getSimpleName().endsWith("Form")))
        .should(haveTheirFxmlBeside())
        .check(classes);
  }

  /** A filter bar is a form too, and lays out in FXML as the dialogs do. */
  @Test
  void everyFilterBarHasItsFxmlBeside() {
    classes()
        .that()
        .resideInAPackage("dev.arbiter.app..")
        .and()
        .areTopLevelClasses()
        .and(
            DescribedPredicate.describe(
                "are named *FilterBar", c -> c.getSimpleName().endsWith("FilterBar")))
        .should(haveTheirFxmlBeside())
        .check(classes);
  }

  @Test
  void noClassInTheAppIsOver500Lines() throws IOException {
    Path sources = Path.of("src/main/java");
    try (Stream<Path> files = Files.walk(sources)) {
      var tooLong =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> lines(f) > 500)
              .map(f -> sources.relativize(f) + " (" + lines(f) + " lines)")
              .toList();
      org.assertj.core.api.Assertions.assertThat(tooLong).as("classes over 500 lines").isEmpty();
    }
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Static helpers of a service (a constant, a limit) are not a call into the database.
  private static DescribedPredicate<JavaAccess<?>> targetOwnerIsAPersistenceService() {
    return DescribedPredicate.describe(
        "target is a persistence service",
        access -> {
          JavaClass owner = access.getTargetOwner();
          boolean service =
              owner.getPackageName().startsWith("dev.arbiter.persistence")
                  && owner.getSimpleName().matches(".*(Service|Verifier|Outcomes)");
          boolean isStatic =
              access.getTarget().resolveMember().stream()
                  .anyMatch(m -> m.getModifiers().contains(JavaModifier.STATIC));
          return service && !isStatic;
        });
  }

  // Follows what a ViewModel uses inside the app (a paged list, a form, a window over the rows);
  // JavaFX's own classes are not followed, since its timers and properties reach Node internally.
  private static ArchCondition<JavaClass> reachOnlyAppClassesFreeOf(String... forbidden) {
    return new ArchCondition<>("use, within the app, only classes free of controls and scenes") {
      @Override
      public void check(JavaClass viewModel, ConditionEvents events) {
        Set<JavaClass> seen = new HashSet<>();
        Deque<JavaClass> next = new ArrayDeque<>(List.of(viewModel));
        while (!next.isEmpty()) {
          JavaClass used = next.pop();
          if (!seen.add(used)) {
            continue;
          }
          for (Dependency dependency : used.getDirectDependenciesFromSelf()) {
            JavaClass target = dependency.getTargetClass();
            String name = target.getName();
            if (Stream.of(forbidden).anyMatch(name::startsWith)) {
              events.add(
                  SimpleConditionEvent.violated(
                      viewModel, viewModel.getName() + " reaches " + dependency.getDescription()));
            } else if (name.startsWith("dev.arbiter.app.")) {
              next.push(target);
            }
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> haveOnlyAFactoryMethodCreatingAnAreaView() {
    return new ArchCondition<>("have a public static create(AreaContext) returning an AreaView") {
      @Override
      public void check(JavaClass area, ConditionEvents events) {
        boolean factory =
            area.getMethods().stream()
                .anyMatch(
                    m ->
                        m.getName().equals("create")
                            && m.getModifiers().contains(JavaModifier.STATIC)
                            && m.getModifiers().contains(JavaModifier.PUBLIC)
                            && m.getRawParameterTypes().size() == 1
                            && m.getRawParameterTypes().get(0).isEquivalentTo(AreaContext.class)
                            && m.getRawReturnType().isAssignableTo(AreaView.class));
        boolean instantiable =
            area.getConstructors().stream()
                .anyMatch(c -> !c.getModifiers().contains(JavaModifier.PRIVATE));
        boolean ok = factory && !instantiable && !area.isAssignableTo(AreaView.class);
        events.add(
            new SimpleConditionEvent(
                area,
                ok,
                area.getName()
                    + (ok
                        ? " is an area factory"
                        : " should only hold a public static create(AreaContext) returning its"
                            + " AreaView, with a private constructor")));
      }
    };
  }

  private static ArchCondition<JavaClass> haveTheirFxmlBeside() {
    return new ArchCondition<>("have their FXML beside them") {
      @Override
      public void check(JavaClass form, ConditionEvents events) {
        String fxml =
            "/" + form.getPackageName().replace('.', '/') + "/" + form.getSimpleName() + ".fxml";
        boolean found = ArchitectureTest.class.getResource(fxml) != null;
        events.add(
            new SimpleConditionEvent(
                form, found, form.getName() + (found ? " has " : " lacks ") + fxml));
      }
    };
  }
}
