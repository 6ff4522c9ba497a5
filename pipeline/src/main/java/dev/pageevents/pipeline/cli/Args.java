package dev.pageevents.pipeline.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} and {@code --flag}; {@code --set} may
 * repeat. Unknown options fail with the list of known ones.
 */
public final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> sets = new ArrayList<>();

  private Args() {}

  /**
   * @param options the options that take a value
   * @param flags the options without one
   */
  public static Args parse(String[] args, Set<String> options, Set<String> flags) {
    Args parsed = new Args();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (flags.contains(arg)) {
        parsed.values.put(arg, "true");
      } else if (options.contains(arg) || arg.equals("--set")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        String value = args[++i];
        if (arg.equals("--set")) {
          parsed.sets.add(value);
        } else {
          parsed.values.put(arg, value);
        }
      } else {
        throw new IllegalArgumentException(
            "Unknown argument '" + arg + "'; options: " + options + " " + flags + " [--set]");
      }
    }
    return parsed;
  }

  /** True, once the usage is printed, when the command line starts with {@code --help}. */
  public static boolean helpAsked(String[] args, String usage, PrintStream out) {
    if (args.length > 0 && args[0].equals("--help")) {
      out.println(usage);
      return true;
    }
    return false;
  }

  /** The value of an option the command cannot run without; fails with the usage if missing. */
  public String required(String option, String usage) {
    String value = values.get(option);
    if (value == null) {
      throw new IllegalArgumentException(option + " is required\n" + usage);
    }
    return value;
  }

  public String get(String option, String fallback) {
    return values.getOrDefault(option, fallback);
  }

  public String get(String option) {
    return values.get(option);
  }

  public boolean flag(String flag) {
    return values.containsKey(flag);
  }

  public long number(String option, long fallback) {
    String value = values.get(option);
    try {
      return value == null ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got '" + value + "'");
    }
  }

  /** The {@code --set <connector>.<key>=<value>} overrides, in order. */
  public List<String> sets() {
    return sets;
  }
}
