package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicecharter.SqlCounting.statementsOf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.servicecharter.ServiceCharterTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A step reads a complaint once: within one transaction the register answers repeated questions about a complaint
 * from the entry it registered or read, reads it again after changing it, and never hands one transaction's copy to
 * another.
 */
@ServiceCharterTest
class ComplaintRegisterReadsTests {

    @Autowired
    ComplaintRegister register;

    @Autowired
    PlatformTransactionManager transactions;

    private static ComplaintIntake intake(String about) {
        return new ComplaintIntake("Reads Customer", "reads@example.com", "email", "delivery", "Reading once.", about, null);
    }

    @Test
    void withinATransactionTheRegisteredComplaintIsAnsweredWithoutReadingItBack() {
        String reference = "C-READS-" + UUID.randomUUID().toString().substring(0, 8);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            register.register(reference, "pi-" + reference, "alice", intake("bob"));
            long reads = statementsOf(() -> {
                assertThat(register.aboutEmployee(reference)).isEqualTo("bob");
                assertThat(register.hasCustomerEmail(reference)).isTrue();
                assertThat(register.find(reference).orElseThrow().status()).isEqualTo("OPEN");
            });
            assertThat(reads).as("statements for three questions about the complaint just registered").isZero();
        });
        // a new transaction reads the database: what was committed, not the first one's copy
        assertThat(statementsOf(() -> assertThat(register.aboutEmployee(reference)).isEqualTo("bob"))).isEqualTo(1);
    }

    @Test
    void aChangeIsReadBackAndAQuestionAfterItIsAnsweredFromThatRead() {
        String reference = "C-READS-" + UUID.randomUUID().toString().substring(0, 8);
        register.register(reference, "pi-" + reference, "alice", intake(null));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(statementsOf(() -> register.find(reference))).isEqualTo(1);
            assertThat(statementsOf(() -> register.find(reference))).isZero();
            register.recordResolution(reference, "Sent a new one.", "alice");
            long reads = statementsOf(() -> {
                assertThat(register.find(reference).orElseThrow().resolution()).isEqualTo("Sent a new one.");
                assertThat(register.hasCustomerEmail(reference)).isTrue();
            });
            assertThat(reads).as("the changed complaint is read once more, then answered from that read").isEqualTo(1);
        });
    }

    @Test
    void outsideATransactionEveryQuestionReadsTheDatabase() {
        String reference = "C-READS-" + UUID.randomUUID().toString().substring(0, 8);
        register.register(reference, "pi-" + reference, "alice", intake("bob"));
        assertThat(statementsOf(() -> {
            register.aboutEmployee(reference);
            register.aboutEmployee(reference);
        })).isEqualTo(2);
    }

    @Test
    void aTransactionStartedInsideAnotherDoesNotSeeTheOuterOnesUncommittedComplaint() {
        String reference = "C-READS-" + UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            register.register(reference, "pi-" + reference, "alice", intake("bob"));
            java.util.Optional<ComplaintRegister.Entry> seenInside = inner.execute(status -> register.find(reference));
            assertThat(seenInside).isEmpty();
            assertThat(register.aboutEmployee(reference)).isEqualTo("bob");
            outer.setRollbackOnly();
        });
        assertThat(register.find(reference)).isEmpty();
    }
}
