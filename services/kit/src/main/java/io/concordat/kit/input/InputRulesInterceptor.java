package io.concordat.kit.input;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.validation.Validated;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@link InputRules} to every argument of every controller method before it runs (and
 * before bean validation, so that validation sees trimmed text): path and query values, and every
 * field of a request record, its nested records, lists and maps, found by introspection. A record
 * needs no annotation of its own; a text field's {@code @Size(max)} sets its bound and, above
 * {@link InputRules#SHORT_TEXT_MAX}, makes it free text.
 *
 * <p>Controllers are intercepted through the binding bean validation already gives every method
 * with a constrained or {@code @Valid} argument.
 */
@Singleton
@InterceptorBean(Validated.class)
public class InputRulesInterceptor implements MethodInterceptor<Object, Object> {

    private static final int MAX_DEPTH = 8;

    @Override
    public int getOrder() {
        return InterceptPhase.VALIDATE.getPosition() - 10;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (context.getDeclaringType().isAnnotationPresent(Controller.class) || context.hasStereotype(Controller.class)) {
            for (Map.Entry<String, MutableArgumentValue<?>> entry : context.getParameters().entrySet()) {
                check(entry.getKey(), entry.getValue());
            }
        }
        return context.proceed();
    }

    /** Checks one controller argument in place; the field names of a body are its own, unprefixed. */
    @SuppressWarnings("unchecked")
    private static <T> void check(String name, MutableArgumentValue<T> argument) {
        T value = argument.getValue();
        if (value == null) {
            return;
        }
        boolean body = argument.isAnnotationPresent(Body.class);
        if (!body && value instanceof LocalDate) {
            // A day in the path or query is a question, not a record: the endpoint answers for the days
            // it reports on (reporting's own range is narrower and names it), and nothing is stored.
            return;
        }
        String path = body ? "" : name;
        Object checked = check(path, value, argument, 0);
        if (checked != value) {
            argument.setValue((T) checked);
        }
    }

    static Object check(String path, Object value, Argument<?> argument, int depth) {
        String field = path.isEmpty() ? "body" : path;
        if (value instanceof String text) {
            String trimmed = InputRules.text(field, text, sizeMax(argument.getAnnotationMetadata()));
            if (lastSegment(field).equals("financialYear")) {
                InputRules.financialYear(field, trimmed);
            }
            return trimmed.equals(text) ? text : trimmed;
        }
        if (value instanceof LocalDate date) {
            return InputRules.date(field, date);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            InputRules.integer(field, ((Number) value).longValue(), InputRules.INTEGER_BOUND);
            return value;
        }
        if (value instanceof Long number) {
            InputRules.integer(field, number, InputRules.LONG_BOUND);
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return InputRules.decimal(field, decimal);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw InputRules.invalid(field, "number-out-of-range", "must be a finite number");
            }
            InputRules.decimal(field, BigDecimal.valueOf(d));
            return value;
        }
        if (depth >= MAX_DEPTH) {
            return value;
        }
        if (value instanceof Collection<?> collection) {
            return collection(path, collection, argument, depth);
        }
        if (value instanceof Map<?, ?> map) {
            return map(path, map, argument, depth);
        }
        if (value.getClass().isAnnotationPresent(Serdeable.class)
                || value.getClass().isAnnotationPresent(Serdeable.Deserializable.class)) {
            return record(path, value, depth);
        }
        return value;
    }

    private static Object collection(String path, Collection<?> collection, Argument<?> argument, int depth) {
        Argument<?> elementType = argument.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
        List<Object> checked = new ArrayList<>(collection.size());
        boolean changed = false;
        int i = 0;
        for (Object element : collection) {
            String elementPath = (path.isEmpty() ? "body" : path) + "[" + i++ + "]";
            if (element == null) {
                throw InputRules.nullElement(elementPath);
            }
            Object c = check(elementPath, element, elementType, depth + 1);
            changed |= c != element;
            checked.add(c);
        }
        if (!changed) {
            return collection;
        }
        return collection instanceof Set<?> ? Set.copyOf(checked) : List.copyOf(checked);
    }

    private static Object map(String path, Map<?, ?> map, Argument<?> argument, int depth) {
        Argument<?>[] types = argument.getTypeParameters();
        Argument<?> keyType = types.length > 0 ? types[0] : Argument.OBJECT_ARGUMENT;
        Argument<?> valueType = types.length > 1 ? types[1] : Argument.OBJECT_ARGUMENT;
        Map<Object, Object> checked = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String entryPath = (path.isEmpty() ? "body" : path) + "[" + entry.getKey() + "]";
            if (entry.getKey() == null || entry.getValue() == null) {
                throw InputRules.nullElement(entryPath);
            }
            Object k = check(entryPath, entry.getKey(), keyType, depth + 1);
            Object v = check(entryPath, entry.getValue(), valueType, depth + 1);
            changed |= k != entry.getKey() || v != entry.getValue();
            checked.put(k, v);
        }
        return changed ? checked : map;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object record(String path, Object value, int depth) {
        BeanIntrospection<Object> introspection = (BeanIntrospection<Object>) BeanIntrospector.SHARED
                .findIntrospection((Class) value.getClass()).orElse(null);
        if (introspection == null) {
            return value;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        boolean changed = false;
        for (BeanProperty<Object, Object> property : introspection.getBeanProperties()) {
            Object v = property.get(value);
            Object c = v == null ? null : check(path.isEmpty() ? property.getName() : path + "." + property.getName(), v,
                    property.asArgument(), depth + 1);
            changed |= c != v;
            values.put(property.getName(), c);
        }
        if (!changed) {
            return value;
        }
        Argument<?>[] parameters = introspection.getConstructorArguments();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = values.get(parameters[i].getName());
        }
        return introspection.instantiate(arguments);
    }

    private static int sizeMax(AnnotationMetadata metadata) {
        int max = metadata.intValue(Size.class, "max").orElse(0);
        return max == Integer.MAX_VALUE ? 0 : max;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
