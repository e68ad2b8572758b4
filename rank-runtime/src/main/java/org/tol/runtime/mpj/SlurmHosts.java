package org.tol.runtime.mpj;

/** The first host of a SLURM host list such as {@code node[03-05,9],gpu1} (zero padding kept). */
final class SlurmHosts {
    private SlurmHosts() {}

    static String first(String nodeList) {
        if (nodeList == null || nodeList.isBlank()) {
            return "localhost";
        }
        String s = nodeList.trim();
        int depth = 0;
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                end = i;
                break;
            }
        }
        String first = s.substring(0, end);
        int open = first.indexOf('[');
        if (open < 0) {
            return first;
        }
        String prefix = first.substring(0, open);
        String ranges = first.substring(open + 1, first.indexOf(']', open));
        String firstRange = ranges.split(",")[0];
        String firstNumber = firstRange.split("-")[0];
        String suffix = first.substring(first.indexOf(']', open) + 1);
        return prefix + firstNumber + suffix;
    }
}
