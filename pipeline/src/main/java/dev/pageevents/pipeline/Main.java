package dev.pageevents.pipeline;

import dev.pageevents.pipeline.compare.CompareCommand;
import dev.pageevents.pipeline.demo.Demo;
import dev.pageevents.pipeline.live.LiveCommand;
import dev.pageevents.pipeline.soak.Soak;
import java.util.Arrays;

/**
 * Entry point: {@code demo}, {@code compare}, {@code live} or {@code soak}, each with its own
 * options; the exit code is the result.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    String command = args.length == 0 ? "" : args[0];
    int code;
    try {
      code =
          switch (command) {
            case "demo" -> Demo.main(rest, System.out);
            case "compare" -> CompareCommand.main(rest, System.out);
            case "live" -> LiveCommand.main(rest, System.out);
            case "soak" -> Soak.main(rest, System.out);
            default -> {
              System.err.println(
                  "usage: demo [--events N] [--keep-running] | compare --help | live --help | soak --help");
              yield 2;
            }
          };
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      code = 2;
    }
    System.exit(code);
  }
}
