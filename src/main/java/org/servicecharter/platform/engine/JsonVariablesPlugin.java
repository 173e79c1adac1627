package org.servicecharter.platform.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.spring.boot.starter.spin.SpringBootSpinProcessEnginePlugin;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.SpinFallbackSerializerFactory;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;
import org.camunda.spin.plugin.impl.SpinVariableSerializers;
import org.camunda.spin.spi.DataFormat;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * JSON variables: Camunda Spin with Jackson, so that the {@code Json} variables Tasklist's forms send (checklists, tag
 * lists, dynamic tables) are stored. Replaces the starter's own Spin plugin (same bean name) to keep the
 * deserialization limits the engine had without Spin:
 * <ul>
 * <li>an {@code Object} variable in {@code application/json} is written only if the engine's deserialization type
 * validator allows its Java type (and every type argument): {@code java.lang.*} and the JDK collections — never an
 * application or library class named by whoever sends the variable (Jackson "gadgets" such as Spring's
 * {@code ClassPathXmlApplicationContext}). Refused with {@link BadUserRequestException}, so {@code /engine-rest}
 * answers {@code 400}. Spin checks the same validator only when it reads the variable back, after loading the named
 * class; refusing at write time means such a name is never stored;</li>
 * <li>an {@code Object} variable in a data format the application has no reader for is refused (400) instead of being
 * stored as an unreadable blob.</li>
 * </ul>
 * Java serialization stays off ({@code java-serialization-format-enabled: false}); {@code Json} values are JSON trees,
 * never mapped to Java types.
 *
 * <p>Spin also registers the expression functions {@code S()}, {@code XML()} and {@code JSON()} (static methods of
 * {@code org.camunda.spin.Spin}) and a script-environment resolver; what expressions may do with their results is
 * the expression sandbox's business (scripts are refused at deployment).
 */
@Component("spinProcessEnginePlugin")
class JsonVariablesPlugin extends SpringBootSpinProcessEnginePlugin {

    @Override
    protected List<TypedValueSerializer<?>> lookupSpinSerializers() {
        DataFormats formats = DataFormats.getInstance();
        List<TypedValueSerializer<?>> serializers = new ArrayList<>();
        for (DataFormat<?> format : formats.getAllAvailableDataFormats()) {
            serializers.add(new AllowedTypesObjectSerializer("spin://" + format.getName(), format));
        }
        serializers.addAll(SpinVariableSerializers.createSpinValueSerializers(formats));
        return serializers;
    }

    @Override
    protected void registerFallbackSerializer(ProcessEngineConfigurationImpl configuration) {
        configuration.setFallbackSerializerFactory(new NoUnknownFormats());
    }

    /** Spin's JSON object serializer, refusing to write a type the engine would refuse to read. */
    static class AllowedTypesObjectSerializer extends SpinObjectValueSerializer {

        AllowedTypesObjectSerializer(String name, DataFormat<?> dataFormat) {
            super(name, dataFormat);
        }

        @Override
        public void writeValue(ObjectValue value, ValueFields valueFields) {
            String typeName = value.isDeserialized()
                    ? (value.getValue() == null ? null : getTypeNameForDeserialized(value.getValue()))
                    : value.getObjectTypeName();
            refuseUnlessAllowed(valueFields.getName(), typeName);
            super.writeValue(value, valueFields);
        }
    }

    /**
     * Reading a variable stored under a format no longer present still works (Spin's fallback); writing an object in
     * an unknown format is refused.
     */
    static class NoUnknownFormats implements VariableSerializerFactory {

        private final SpinFallbackSerializerFactory spin = new SpinFallbackSerializerFactory();

        @Override
        public TypedValueSerializer<?> getSerializer(String serializerName) {
            return spin.getSerializer(serializerName);
        }

        @Override
        public TypedValueSerializer<?> getSerializer(TypedValue value) {
            if (value instanceof ObjectValue object && object.getSerializationDataFormat() != null) {
                throw new Rejected("Cannot store an object variable in format '" + object.getSerializationDataFormat()
                        + "': the supported format is application/json; send lists and tables as type Json.");
            }
            return null;
        }
    }

    private static final Pattern TYPE_SEPARATORS = Pattern.compile("[<>,\\s\\[\\]]+");
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double",
            "Z", "B", "C", "S", "I", "J", "F", "D");

    /**
     * Checks a Jackson canonical type name ({@code java.util.ArrayList<java.lang.String>}, {@code java.lang.String[]},
     * {@code [Ljava.lang.String;}) class by class with the engine's validator, without loading any class.
     */
    static void refuseUnlessAllowed(String variableName, String typeName) {
        ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
        if (typeName == null || configuration == null || !configuration.isDeserializationTypeValidationEnabled()) {
            return;
        }
        DeserializationTypeValidator validator = configuration.getDeserializationTypeValidator();
        List<String> refused = new ArrayList<>();
        for (String part : TYPE_SEPARATORS.split(typeName.trim())) {
            String className = part.startsWith("L") && part.endsWith(";") ? part.substring(1, part.length() - 1) : part;
            if (className.isEmpty() || PRIMITIVES.contains(className)) {
                continue;
            }
            if (validator == null || !validator.validate(className)) {
                refused.add(className);
            }
        }
        if (!refused.isEmpty()) {
            throw new Rejected("Cannot set variable '" + variableName + "': objects of type " + refused
                    + " are not allowed (only the types allowed for deserialization: java.lang and the JDK collections)."
                    + " Send checklists, tag lists and tables as type Json.");
        }
    }
}
