package org.paperlens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.ViolationHandler;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries of the main code (README, Architecture), checked on the compiled classes.
 * ArchUnit reads bytecode, so a reference by full name with no import line counts like any other.
 * Flyway's Java migrations live in package {@code db.migration} (Flyway's convention), so it is
 * checked beside {@code org.paperlens}. A failure lists every offending class, and the run writes
 * the same list to target/boundary-violations.txt.
 */
class BoundariesTest {

  static final Path SUMMARY = Path.of("target/boundary-violations.txt");
  private static final String ROOT = "org.paperlens.";
  private static final String MIGRATIONS = "db.migration";

  private static JavaClasses main;
  private static final Map<String, List<String>> FOUND = new TreeMap<>();

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("org.paperlens", MIGRATIONS);
  }

  @AfterAll
  static void writeSummary() throws IOException {
    List<String> lines = new ArrayList<>();
    FOUND.forEach((rule, found) -> {
      lines.add(rule + ": " + (found.isEmpty() ? "none" : found.size() + " violation(s)"));
      found.forEach(f -> lines.add("  " + f));
    });
    Files.createDirectories(SUMMARY.getParent());
    Files.write(SUMMARY, lines);
  }

  @Test
  void no_two_packages_depend_on_each_other_in_a_cycle() {
    // One slice per package: index, index.lucene, web.page, db.migration, ...
    checkCycles("package cycles", packageOf(c -> c.substring(ROOT.length())),
        "a cycle makes its packages one: none of them can be understood, tested or changed alone");
  }

  @Test
  void no_two_features_depend_on_each_other_in_a_cycle() {
    // One slice per top-level package with everything below it: index with index.lucene and index.solr, ...
    checkCycles("feature cycles", packageOf(c -> c.substring(ROOT.length()).split("\\.")[0]),
        "the data flows one way between features: source record, paper, catalogue, index, pages");
  }

  @Test
  void only_the_store_layer_speaks_sql() {
    checkOnlyIn("org.paperlens.store", "java.sql/javax.sql", "every feature's SQL lives in its store, under org.paperlens.store",
        "java.sql..", "javax.sql..");
  }

  @Test
  void only_the_lucene_engine_imports_lucene() {
    checkOnlyIn("org.paperlens.index.lucene", "Lucene", "the rest of the code sees the engine-neutral API of org.paperlens.index",
        "org.apache.lucene..");
  }

  @Test
  void only_the_solr_engine_imports_solrj() {
    checkOnlyIn("org.paperlens.index.solr", "SolrJ", "the rest of the code sees the engine-neutral API of org.paperlens.index",
        "org.apache.solr..");
  }

  @Test
  void only_the_web_layer_imports_javalin() {
    checkOnlyIn("org.paperlens.web", "Javalin", "HTTP is the web layer's business; features and the application root do not need it",
        "io.javalin..");
  }

  @Test
  void only_the_agent_interface_and_its_http_mounting_import_the_mcp_sdk() {
    checkOnlyIn(List.of("org.paperlens.mcp", "org.paperlens.web"), "the MCP SDK",
        "the tools are one feature (org.paperlens.mcp); the web layer only mounts its HTTP transport", "io.modelcontextprotocol..");
  }

  @Test
  void a_reference_by_full_name_with_no_import_line_is_seen() {
    // ArchUnit reads bytecode: a class naming java.sql types by full name, as AccountStore once named
    // CommunityStore, depends on them like any other.
    JavaClasses fixture = new ClassFileImporter().importClasses(FullNameReference.class);
    ArchRule noSql = noClasses().should().dependOnClassesThat().resideInAPackage("java.sql..");
    assertThat(noSql.evaluate(fixture).hasViolation()).isTrue();
    assertThat(main.size()).as("main classes imported").isGreaterThan(100);
  }

  /** Uses java.sql by full name only. */
  static final class FullNameReference {
    int columns(java.sql.ResultSetMetaData meta) throws java.sql.SQLException {
      return meta.getColumnCount();
    }
  }

  /** Slices: the package below org.paperlens named by {@code name}, and db.migration as one slice of its own. */
  private static SliceAssignment packageOf(Function<String, String> name) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        String p = c.getPackageName();
        if (p.startsWith(ROOT)) {
          return SliceIdentifier.of(name.apply(p));
        }
        return p.equals(MIGRATIONS) || p.startsWith(MIGRATIONS + ".") ? SliceIdentifier.of(MIGRATIONS) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "packages of org.paperlens and db.migration";
      }
    };
  }

  private static void checkCycles(String title, SliceAssignment slicing, String because) {
    ArchRule rule = slices().assignedFrom(slicing).should().beFreeOfCycles().because(because);
    EvaluationResult result = rule.evaluate(main);
    List<String> cycles = new ArrayList<>();
    Matcher m = Pattern.compile("Cycle detected: ((?:[^\\n]+ -> \\n\\s*)+[^\\n]+)").matcher(String.join("\n", result.getFailureReport().getDetails()));
    while (m.find()) {
      cycles.add(m.group(1).replaceAll(" -> \\n\\s*", " -> "));
    }
    record(title, cycles, result);
  }

  private static void checkOnlyIn(String allowed, String what, String because, String... forbidden) {
    checkOnlyIn(List.of(allowed), what, because, forbidden);
  }

  private static void checkOnlyIn(List<String> allowedPackages, String what, String because, String... forbidden) {
    String allowed = String.join(" and ", allowedPackages);
    ArchRule rule = noClasses().that().resideOutsideOfPackages(allowedPackages.stream().map(p -> p + "..").toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage(forbidden).because(because);
    EvaluationResult result = rule.evaluate(main);
    Map<String, TreeSet<String>> users = new TreeMap<>(); // class → the forbidden packages it uses
    result.handleViolations(new ViolationHandler<Dependency>() {
      @Override
      public void handle(Collection<Dependency> dependencies, String message) {
        for (Dependency d : dependencies) {
          users.computeIfAbsent(d.getOriginClass().getBaseComponentType().getName().replaceFirst("\\$.*", ""), k -> new TreeSet<>())
              .add(d.getTargetClass().getPackageName());
        }
      }
    });
    List<String> found = new ArrayList<>();
    users.forEach((user, packages) -> found.add(user + " uses " + String.join(", ", packages)));
    record(what + " outside " + allowed, found, result);
  }

  private static void record(String title, List<String> found, EvaluationResult result) {
    synchronized (FOUND) {
      FOUND.put(title, found);
    }
    assertThat(result.hasViolation() ? found : List.of())
        .as("%s (%d); ArchUnit's report:%n%s", title, found.size(), result.getFailureReport())
        .isEmpty();
    assertThat(result.hasViolation()).as("violations of %s that the summary missed:%n%s", title, result.getFailureReport()).isFalse();
  }
}
