package io.setkeeper.appliance.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.setkeeper.protocol.messages.FixApproved;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate's structure: an {@link ApprovedFix} is made only inside the review package (from a decision), and the
 * FixApproved message that goes to post is built only by ApprovedFix, so nothing else can enqueue a fix.
 */
class ReviewArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.setkeeper.appliance");
    }

    private static DescribedPredicate<JavaAccess<?>> creates(Class<?> type) {
        return new DescribedPredicate<>("creates " + type.getSimpleName()) {
            @Override
            public boolean test(JavaAccess<?> access) {
                return access.getTargetOwner().isEquivalentTo(type)
                        && (access.getName().equals("<init>") || access.getName().equals("of"));
            }
        };
    }

    @Test
    void nothingOutsideReviewConstructsAnApprovedFix() {
        noClasses().that().resideOutsideOfPackage("io.setkeeper.appliance.review")
                .should().callCodeUnitWhere(creates(ApprovedFix.class)).check(classes);
    }

    @Test
    void onlyReviewServiceMakesApprovedFixes() {
        noClasses().that().resideInAPackage("io.setkeeper.appliance.review")
                .and().doNotHaveSimpleName("ReviewService").and().doNotHaveSimpleName("ApprovedFix")
                .should().callCodeUnitWhere(creates(ApprovedFix.class)).check(classes);
    }

    @Test
    void onlyApprovedFixBuildsTheFixApprovedMessage() {
        noClasses().that().doNotHaveSimpleName("ApprovedFix")
                .should().callCodeUnitWhere(creates(FixApproved.class)).check(classes);
    }
}
