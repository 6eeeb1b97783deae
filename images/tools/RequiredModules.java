import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints, comma-separated, the JDK modules that the modular jars among the given paths (jars or folders of
 * jars) declare with {@code requires}. images/build.sh adds them to its base list for jlink; jdeps cannot
 * be used on the appliance's class path because several modular jars require optional modules that are
 * deliberately not on it (e.g. javacv's libfreenect). Run with: java RequiredModules.java DIR_OR_JAR...
 */
public final class RequiredModules {
    private RequiredModules() {
    }

    public static void main(String[] args) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Set<String> modules = new TreeSet<>();
        Path[] paths = Arrays.stream(args).map(Path::of).toArray(Path[]::new);
        for (ModuleReference ref : ModuleFinder.of(paths).findAll()) {
            for (ModuleDescriptor.Requires requires : ref.descriptor().requires()) {
                String name = requires.name();
                if ((name.startsWith("java.") || name.startsWith("jdk.")) && system.find(name).isPresent()) {
                    modules.add(name);
                }
            }
        }
        System.out.println(String.join(",", modules));
    }
}
