package io.trigmon.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to check names: the {@code trigmon_*} metric names an expression
 * mentions and the label names of their selectors. Not a parser: label values and strings are
 * blanked first so that a quoted {@code "trigmon_x"} is not taken for a metric.
 */
final class PromQl {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("(?<![\\w:])(trigmon_[a-zA-Z0-9_]+)");
  private static final Pattern SELECTOR =
      Pattern.compile("(?<![\\w:])(trigmon_[a-zA-Z0-9_]+)\\s*\\{([^}]*)}");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

  /** A metric with the label names one selector matches on. */
  record Selector(String metric, Set<String> labels) {}

  private PromQl() {}

  private static String blankStrings(String expr) {
    return STRING.matcher(expr).replaceAll("\"\"");
  }

  /** The {@code trigmon_*} names an expression mentions, in order of appearance. */
  static Set<String> trigmonNames(String expr) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = NAME.matcher(blankStrings(expr));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The selectors with braces on {@code trigmon_*} metrics. */
  static List<Selector> trigmonSelectors(String expr) {
    List<Selector> selectors = new ArrayList<>();
    Matcher m = SELECTOR.matcher(blankStrings(expr));
    while (m.find()) {
      Set<String> labels = new LinkedHashSet<>();
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.add(l.group(1));
      }
      selectors.add(new Selector(m.group(1), labels));
    }
    return selectors;
  }
}
