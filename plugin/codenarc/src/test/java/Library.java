import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Jenkins' {@code @Library} (which Jenkins imports into every Jenkinsfile), so that the example
 * Jenkinsfiles pass CodeNarc's semantic analysis.
 */
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.LOCAL_VARIABLE, ElementType.METHOD, ElementType.PARAMETER,
    ElementType.CONSTRUCTOR, ElementType.PACKAGE, ElementType.TYPE_USE})
public @interface Library {
    String[] value();
}
