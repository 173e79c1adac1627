package org.servicecharter.complaint;

import java.time.Instant;

import org.springframework.stereotype.Service;

/** {@link ComplaintFigures} from the complaints register. */
@Service
class RegisterComplaintFigures implements ComplaintFigures {

    private final ComplaintRegister register;

    RegisterComplaintFigures(ComplaintRegister register) {
        this.register = register;
    }

    @Override
    public Period between(Instant from, Instant to) {
        return new Period(from, to, register.serviceRecoveriesOpened(from, to));
    }
}
