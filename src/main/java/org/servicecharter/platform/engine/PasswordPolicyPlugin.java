package org.servicecharter.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy ({@code enable-password-policy}, on in every profile) says only "Password does not match
 * policy", as a plain engine exception that the REST API and the web apps answer with 500. This plugin turns that
 * refusal into a {@link BadUserRequestException} (400 on {@code /engine-rest} and in Admin) whose message says what
 * the policy wants, read from the configured policy's rules. Every password set through the API or Admin goes
 * through it; only the quick start's demo users are created around it ({@code DemoUsers}).
 *
 * <p>Engine internals: the refusal is recognised by its command ({@link SaveUserCmd}) and its exact message, thrown by
 * {@code SaveUserCmd.validateUserEntity}; {@code PasswordPolicyTests} fails if either changes.
 */
@Component
public class PasswordPolicyPlugin extends AbstractProcessEnginePlugin {

    /** What {@code SaveUserCmd} throws when a new password fails the policy. */
    static final String ENGINE_MESSAGE = "Password does not match policy";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new PolicyRefusal(configuration));
        if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(new PolicyRefusal(configuration));
    }

    /** The policy in words: "at least 10 characters, at least 1 upper-case letter, ...". */
    public static String describe(PasswordPolicy policy) {
        List<String> wants = new ArrayList<>();
        boolean userData = false;
        for (PasswordPolicyRule rule : policy.getRules()) {
            String placeholder = rule.getPlaceholder();
            String count = firstParameter(rule.getParameters());
            switch (placeholder) {
                case "PASSWORD_POLICY_LENGTH" -> wants.add(atLeast(count, "character", "characters"));
                case "PASSWORD_POLICY_LOWERCASE" -> wants.add(atLeast(count, "lower-case letter", "lower-case letters"));
                case "PASSWORD_POLICY_UPPERCASE" -> wants.add(atLeast(count, "upper-case letter", "upper-case letters"));
                case "PASSWORD_POLICY_DIGIT" -> wants.add(atLeast(count, "digit", "digits"));
                case "PASSWORD_POLICY_SPECIAL" -> wants.add(atLeast(count, "special character (such as ! ? # %)",
                        "special characters (such as ! ? # %)"));
                case "PASSWORD_POLICY_USER_DATA" -> userData = true;
                default -> wants.add(placeholder + (count == null ? "" : " " + count));
            }
        }
        StringBuilder sentence = new StringBuilder("The password does not meet the password policy: it needs ");
        sentence.append(String.join(", ", wants));
        if (userData) {
            sentence.append(", and must not contain the user's id, first name, last name or e-mail address");
        }
        return sentence.append('.').toString();
    }

    private static String atLeast(String count, String one, String many) {
        return "at least " + count + " " + ("1".equals(count) ? one : many);
    }

    private static String firstParameter(Map<String, String> parameters) {
        return parameters == null || parameters.isEmpty() ? null : parameters.values().iterator().next();
    }

    /** Around every command: a password refused by the policy becomes a 400 that says what the policy wants. */
    static final class PolicyRefusal extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        PolicyRefusal(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (command instanceof SaveUserCmd && e.getClass() == ProcessEngineException.class
                        && ENGINE_MESSAGE.equals(e.getMessage()) && configuration.getPasswordPolicy() != null) {
                    throw new Rejected(describe(configuration.getPasswordPolicy()), e);
                }
                throw e;
            }
        }
    }
}
